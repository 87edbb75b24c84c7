using VisMooc.Modules.Folders;
using VisMooc.Modules.Output;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Staging;

/// <summary>
/// What a conversion may touch in its output folder. It replaces and removes files there, so it
/// never does that through a symbolic link: a linked <c>rejects/</c> folder or table file would make
/// it delete or replace files wherever the link points. A link is refused with an error naming it
/// before anything is written. The folder itself may be a link (the user chose it as the output).
/// </summary>
public static partial class OutputFolder
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
        string? report = names.FirstOrDefault(n => ParquetReport().IsMatch(n));
        if (report is null)
        {
            return [];
        }

        // Only the run's own files are removed: a name of its part or rejects shape, with its run id, in real
        // folders of the dataset. Whatever else the marker lists (damaged or written by hand: another run's
        // part or report, the CSVs, a name through a symbolic link to a folder elsewhere) is left alone.
        string runId = report["report-".Length..^".json".Length];
        var removed = new List<string>();
        if (!File.Exists(Path.Combine(folder, report)))
        {
            foreach (string name in names)
            {
                if (IsRunFile(name, runId) && !ThroughLink(folder, name) && File.Exists(Path.Combine(folder, name)))
                {
                    File.Delete(Path.Combine(folder, name));
                    removed.Add(name);
                }
            }
        }

        CommitMarker.End(folder);
        return removed;
    }

    // report-{run id}.json, the run id as PackageConverter makes it: {yyyyMMdd'T'HHmmss'Z'}-{8 hex digits}.
    [System.Text.RegularExpressions.GeneratedRegex(@"\Areport-[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}\.json\z", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ParquetReport();

    /// <summary>Whether <paramref name="name"/> is a part (<c>{table}/course={…}/part-{runId}[_n].parquet</c>) or rejects file (<c>rejects/{table}-{runId}.tsv</c>) of run <paramref name="runId"/>.</summary>
    private static bool IsRunFile(string name, string runId)
    {
        var parts = name.Split('/', Path.DirectorySeparatorChar);
        return parts.Length switch
        {
            3 => IsTableName(parts[0]) && parts[1].StartsWith(HivePartition.CourseColumn + "=", StringComparison.Ordinal)
                && parts[2].StartsWith("part-" + runId, StringComparison.Ordinal) && parts[2].EndsWith(".parquet", StringComparison.Ordinal)
                && (parts[2].Length == ("part-" + runId + ".parquet").Length || (parts[2][("part-" + runId).Length] == '_' && parts[2][("part-" + runId + "_").Length..^".parquet".Length].All(char.IsAsciiDigit))),
            2 => parts[0] == RejectsFolder && parts[1].EndsWith("-" + runId + ".tsv", StringComparison.Ordinal) && IsTableName(parts[1][..^("-" + runId + ".tsv").Length]),
            _ => false,
        };
    }

    private static bool IsTableName(string name) => name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>Whether a folder on the way to <paramref name="name"/> in <paramref name="folder"/> is a symbolic link (or not a folder).</summary>
    private static bool ThroughLink(string folder, string name)
    {
        string path = folder;
        var parts = name.Split('/', Path.DirectorySeparatorChar);
        for (int i = 0; i < parts.Length - 1; i++)
        {
            path = Path.Combine(path, parts[i]);
            var info = new DirectoryInfo(path);
            if (info.LinkTarget is not null || !info.Exists)
            {
                return true;
            }
        }

        return false;
    }
}
