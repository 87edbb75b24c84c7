using System.Globalization;

namespace VisMooc.Modules.Load;

/// <summary>
/// A database file that does not exist yet (SQLite, DuckDB), built under a hidden name of its own in
/// the same folder and linked into place without replacing anything (<see cref="NoReplaceMove"/>): a
/// failed or killed load never leaves a file under the database's name (nor the folders it made), and
/// another load never sees, nor removes, a half-made database.
/// </summary>
internal static class NewDatabaseFile
{
    /// <summary>A hidden name beside <paramref name="path"/> for what one load builds (unique to the process and the load).</summary>
    public static string WorkPath(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + ".vismooc-loading-"
            + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>
    /// Makes <paramref name="path"/>'s folder, runs <paramref name="build"/> (which fills <paramref name="work"/>)
    /// and moves <paramref name="work"/> to <paramref name="path"/>. When another load put its file there
    /// first, loads into that one instead (<paramref name="intoExisting"/>), as if this load had started
    /// after it. <paramref name="leftovers"/> (the work file and its journals) are deleted in any case; the
    /// folders made are removed when the load fails.
    /// </summary>
    public static T Build<T>(string path, string work, IReadOnlyList<string> leftovers, Func<T> build, Func<T> intoExisting)
    {
        string folder = Path.GetDirectoryName(path)!;
        var madeFolders = new List<string>();
        for (string? f = folder; f is not null && !Directory.Exists(f); f = Path.GetDirectoryName(f))
        {
            madeFolders.Add(f);
        }

        bool done = false;
        try
        {
            Directory.CreateDirectory(folder);
            var results = build();
            if (!NoReplaceMove.TryMove(work, path))
            {
                results = intoExisting();
            }

            done = true;
            return results;
        }
        finally
        {
            foreach (string file in leftovers)
            {
                try
                {
                    File.Delete(file);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // The load's own outcome is what to report; a hidden leftover does no harm.
                }
            }

            if (!done)
            {
                foreach (string made in madeFolders)
                {
                    try
                    {
                        Directory.Delete(made);
                    }
                    catch (IOException)
                    {
                        break; // not empty: something else is in it now
                    }
                }
            }
        }
    }
}
