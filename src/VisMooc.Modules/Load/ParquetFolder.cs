using System.Globalization;
using System.Text.Json;
using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Load;

/// <summary>
/// The Parquet files of a dataset folder that <c>vismooc convert --format parquet</c> wrote, one run
/// or several: every part that a <c>report-{run id}.json</c> lists, checked before a load starts.
/// </summary>
public static class ParquetFolder
{
    private const string Copy = "copy the files themselves into the dataset folder (cp -rL, rsync -aL)";

    /// <summary>True when <paramref name="folder"/> holds the report of at least one Parquet run.</summary>
    public static bool IsOne(string folder) => Directory.Exists(folder) && Directory.EnumerateFiles(folder, "report-*.json").Any();

    /// <summary>Every part of the dataset: table and full path, in report (run) order, then as each report lists them.</summary>
    /// <exception cref="LoadException">A run stopped while renaming its files, a report is damaged, or a listed part is missing or not as long as its report says.</exception>
    public static IReadOnlyList<(string Table, string Path)> Files(string folder, IReadOnlyList<TableDescriptor> tables)
    {
        string full = Path.GetFullPath(folder);
        if (Folders.CommitMarker.IsPresent(full))
        {
            throw new LoadException($"{folder}: a conversion stopped while renaming its files, so the dataset holds some of its parts without their report: run 'vismooc convert' into the folder again (it first removes those parts); nothing was loaded");
        }

        var known = tables.Select(t => t.Info.Name).ToHashSet(StringComparer.Ordinal);
        var files = new List<(string, string)>();
        foreach (string report in Directory.GetFiles(full, "report-*.json").Order(StringComparer.Ordinal))
        {
            // A report elsewhere would list what it likes; a FIFO would block the load before it starts.
            InputLink.Refuse(report, "a report of the dataset", Copy);
            if (IO.FileType.NotRegular(report) is string kind)
            {
                throw new LoadException($"{report}: not a regular file but {kind}; nothing was loaded");
            }

            try
            {
                using var stream = new FileStream(report, FileMode.Open, FileAccess.Read, FileShare.Read);
                using var document = JsonDocument.Parse(stream);
                if (!document.RootElement.TryGetProperty("parquetFiles", out var list))
                {
                    continue; // a run that wrote no rows
                }

                foreach (var entry in list.EnumerateArray())
                {
                    string table = entry.GetProperty("table").GetString() ?? "";
                    string file = entry.GetProperty("file").GetString() ?? "";
                    long bytes = entry.GetProperty("bytes").GetInt64();
                    if (!known.Contains(table) || file.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(file))
                    {
                        throw new LoadException($"{report}: lists '{file}', which is no part of a table of this vismooc; nothing was loaded");
                    }

                    string path = Path.Combine(full, file);
                    RefuseLinks(full, file);
                    if (!File.Exists(path))
                    {
                        throw new LoadException($"{path}: missing ({Path.GetFileName(report)} lists it); copy the whole dataset folder again; nothing was loaded");
                    }

                    if (new FileInfo(path).Length != bytes)
                    {
                        throw new LoadException(string.Create(CultureInfo.InvariantCulture, $"{path}: {new FileInfo(path).Length} bytes, but {Path.GetFileName(report)} says {bytes}: it was cut short or changed after the conversion; copy it again; nothing was loaded"));
                    }

                    files.Add((table, path));
                }
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
            {
                throw new LoadException($"{report}: not a report that vismooc convert wrote (it is damaged or was edited); nothing was loaded");
            }
        }

        return files;
    }

    /// <summary>
    /// Refuses a part listed as <paramref name="file"/> when its table folder, a partition folder or the
    /// part itself is a symbolic link (<see cref="InputLink"/>).
    /// </summary>
    private static void RefuseLinks(string folder, string file)
    {
        string[] names = file.Split(['/', Path.DirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        string path = folder;
        for (int i = 0; i < names.Length; i++)
        {
            path = Path.Combine(path, names[i]);
            string what = i == names.Length - 1 ? "a part" : i == 0 ? "a table folder" : "a partition folder";
            InputLink.Refuse(path, what + " of the dataset", Copy);
        }
    }
}
