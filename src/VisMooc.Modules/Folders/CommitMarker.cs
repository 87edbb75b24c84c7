namespace VisMooc.Modules.Folders;

/// <summary>
/// Marks an output folder while a run renames its finished files to their final names. Seven
/// renames are not atomic as a set: a run killed between two of them leaves whole files of two
/// runs side by side, and this marker says so until a later run completes its own renames.
/// </summary>
public static class CommitMarker
{
    /// <summary>The marker's file name (not a partial name: a new run must not delete it before it has committed).</summary>
    public const string FileName = ".vismooc-commit-in-progress";

    /// <summary>True when a run was stopped while renaming its files in <paramref name="folder"/>.</summary>
    public static bool IsPresent(string folder) => File.Exists(Path.Combine(folder, FileName));

    /// <summary>
    /// Writes the marker (to disk, before the first rename), naming the files about to be renamed.
    /// It is written under the run's partial name (<paramref name="partialPrefix"/>) and renamed into
    /// place, so a marker left by an earlier run is replaced, never written through.
    /// </summary>
    public static void Begin(string folder, string partialPrefix, IEnumerable<string> finalNames)
    {
        string partial = Path.Combine(folder, partialPrefix + "commit");
        try
        {
            using (var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                using (var text = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" })
                {
                    text.WriteLine("A vismooc conversion was renaming these files when it stopped; they may come from two runs.");
                    text.WriteLine("Run 'vismooc convert' again into this folder: it replaces them all and removes this file.");
                    foreach (var name in finalNames)
                    {
                        text.WriteLine(name);
                    }
                }

                stream.Flush(flushToDisk: true);
            }

            File.Move(partial, Path.Combine(folder, FileName), overwrite: true);
        }
        catch
        {
            try
            {
                File.Delete(partial);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // the error that stopped the commit is the one to report; a later run removes the partial file
            }

            throw;
        }
    }

    /// <summary>The names the marker in <paramref name="folder"/> lists (the files its run was renaming), or none when there is no marker.</summary>
    public static IReadOnlyList<string> ListedNames(string folder)
    {
        string path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return [];
        }

        return File.ReadAllText(path).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
    }

    /// <summary>Removes the marker once every file has its final name.</summary>
    public static void End(string folder) => File.Delete(Path.Combine(folder, FileName));
}
