namespace VisMooc.Modules.Folders;

/// <summary>Another run holds an output folder's lock (see <see cref="OutputFolderLock"/>); the message is for the run turned away.</summary>
/// <param name="folder">The output folder.</param>
/// <param name="pid">The process id of the conversion that holds it, when it could be read (same machine, still running).</param>
/// <param name="loading">True when only loads share it (they read the tables), so no conversion writes it.</param>
public sealed class OutputFolderInUseException(string folder, int? pid, bool loading) : Exception(folder + ": " + Describe(pid, loading))
{
    /// <summary>The output folder.</summary>
    public string Folder { get; } = folder;

    /// <summary>The process id of the conversion that holds the folder, or null when it is not known.</summary>
    public int? ProcessId { get; } = pid;

    /// <summary>True when only loads hold the folder.</summary>
    public bool Loading { get; } = loading;

    /// <summary>Who holds the folder, e.g. "another vismooc run (pid 1234) is writing this folder".</summary>
    public string Holder => Describe(ProcessId, Loading);

    private static string Describe(int? pid, bool loading) =>
        loading ? "another vismooc run is loading the tables of this folder"
        : pid is int id ? "another vismooc run (pid " + id.ToString(System.Globalization.CultureInfo.InvariantCulture) + ") is writing this folder"
        : "another vismooc run is writing this folder";
}
