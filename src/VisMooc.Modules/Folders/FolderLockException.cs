namespace VisMooc.Modules.Folders;

/// <summary>An output folder's lock file cannot be used (it is a link or not a regular file), with a one-line message naming it.</summary>
public sealed class FolderLockException(string file, string problem) : Exception(file + ": " + problem)
{
    /// <summary>The lock file.</summary>
    public string File { get; } = file;

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; } = problem;
}
