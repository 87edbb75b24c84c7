using VisMooc.Modules.Folders;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Staging;

/// <summary>
/// What a conversion may touch in its output folder. It replaces and removes files there, so it
/// never does that through a symbolic link: a linked <c>rejects/</c> folder or table file would make
/// it delete or replace files wherever the link points. A link is refused with an error naming it
/// before anything is written. The folder itself may be a link (the user chose it as the output).
/// </summary>
public static class OutputFolder
{
    /// <summary>The rejects folder's name.</summary>
    public const string RejectsFolder = "rejects";

    /// <summary>Fails when <paramref name="path"/> is a symbolic link.</summary>
    /// <exception cref="ConvertException">It is one.</exception>
    public static void RefuseLink(string path)
    {
        if (FolderEntry.LinkProblem(path) is string problem)
        {
            throw new ConvertException(path, problem);
        }
    }

    /// <summary>
    /// Fails when a name the run writes or removes in <paramref name="folder"/> is a symbolic link:
    /// the rejects folder, every table's CSV and rejects file, the report and the commit marker.
    /// </summary>
    /// <exception cref="ConvertException">One is.</exception>
    public static void RefuseLinks(string folder, IReadOnlyList<TableDescriptor> tables)
    {
        string rejects = Path.Combine(folder, RejectsFolder);
        RefuseLink(rejects);
        if (File.Exists(rejects))
        {
            throw new ConvertException(rejects, $"is a file; vismooc writes rejected rows into a folder of this name: remove or rename it, or use another output folder");
        }

        foreach (string name in tables.SelectMany(TableOutput.FinalNamesOf).Append(ReportFile.Name).Append(CommitMarker.FileName))
        {
            RefuseLink(Path.Combine(folder, name));
            RefuseOther(Path.Combine(folder, name));
        }
    }

    /// <summary>
    /// Fails when <paramref name="path"/> exists and is not a regular file (a folder named like a
    /// table, a FIFO): the run would otherwise write everything and then fail to rename onto it.
    /// </summary>
    /// <exception cref="ConvertException">It is not one.</exception>
    public static void RefuseOther(string path)
    {
        if (FolderEntry.OtherProblem(path) is string problem)
        {
            throw new ConvertException(path, problem);
        }
    }

    /// <summary>
    /// Removes partial files that runs killed before they could clean up left behind. Only call it
    /// while holding the folder's lock: every partial file is then a dead run's, but for those of a
    /// Parquet run still converting (it holds its <see cref="RunMarkName"/> file; it takes the folder's
    /// lock only to start and to rename its files). Deleting a link removes the link, never what it points to.
    /// </summary>
    public static void RemovePartials(string folder)
    {
        var files = new[] { folder, Path.Combine(folder, RejectsFolder) }.Where(Directory.Exists)
            .SelectMany(dir => Directory.GetFiles(dir, TableOutput.PartialPrefix + "*")).ToList();
        var live = files.Where(f => Path.GetFileName(f).EndsWith(RunMarkSuffix, StringComparison.Ordinal) && OutputFolderLock.IsHeld(f))
            .Select(f => Path.GetFileName(f)[..^RunMarkSuffix.Length]).ToList();
        foreach (var stale in files)
        {
            if (!live.Any(prefix => Path.GetFileName(stale).StartsWith(prefix, StringComparison.Ordinal)))
            {
                File.Delete(stale);
            }
        }
    }

    /// <summary>The file a Parquet run holds (<see cref="OutputFolderLock.Hold"/>) while it converts without the folder's lock: <c>{partial prefix}run</c>.</summary>
    public static string RunMarkName(string partialPrefix) => partialPrefix + RunMarkSuffix[1..];

    // The partial prefix ends in '-': "-run" after the random part.
    private const string RunMarkSuffix = "-run";

    /// <summary>
    /// Undoes the renames of a Parquet run that stopped among them (killed, or a failed rename): its
    /// marker lists the run's parts, rejects and report, all named with its own run id. Without its
    /// report the run never finished, so the parts it did rename are removed (they would otherwise stay
    /// in every <c>read_parquet</c> glob, and a run of the same courses again would add its rows twice);
    /// with its report only the marker was left. A marker of a CSV run is left for a CSV run to repair.
    /// Only call it while holding the folder's lock.
    /// </summary>
    /// <returns>The files removed, relative to <paramref name="folder"/>.</returns>
    public static IReadOnlyList<string> RemoveStoppedParquetCommit(string folder)
    {
        var names = CommitMarker.ListedNames(folder);
        string? report = names.FirstOrDefault(n => n.StartsWith("report-", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal) && !n.Contains('/'));
        if (report is null)
        {
            return [];
        }

        var removed = new List<string>();
        if (!File.Exists(Path.Combine(folder, report)))
        {
            foreach (string name in names)
            {
                string path = Path.GetFullPath(Path.Combine(folder, name));
                if (name != report && !name.Contains("..", StringComparison.Ordinal) && path.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(path))
                {
                    File.Delete(path);
                    removed.Add(name);
                }
            }
        }

        CommitMarker.End(folder);
        return removed;
    }
}
