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
    /// while holding the folder's lock: every partial file is then a dead run's. Deleting a link
    /// removes the link, never what it points to.
    /// </summary>
    public static void RemovePartials(string folder)
    {
        foreach (var dir in new[] { folder, Path.Combine(folder, RejectsFolder) }.Where(Directory.Exists))
        {
            foreach (var stale in Directory.GetFiles(dir, TableOutput.PartialPrefix + "*"))
            {
                File.Delete(stale);
            }
        }
    }
}
