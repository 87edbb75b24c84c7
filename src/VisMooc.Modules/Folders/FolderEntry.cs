using VisMooc.Modules.IO;

namespace VisMooc.Modules.Folders;

/// <summary>
/// Why a name vismooc writes in an output folder must not be used as it is: a symbolic link (writing
/// or deleting through it would touch whatever it points to) or something other than a file (a
/// folder, a FIFO). The conversion and the folder lock turn these into their own errors.
/// </summary>
public static class FolderEntry
{
    /// <summary>What is wrong with <paramref name="path"/> as a file vismooc writes (a link or not a file), or null when nothing is.</summary>
    public static string? Problem(string path) => LinkProblem(path) ?? OtherProblem(path);

    /// <summary>What is wrong with <paramref name="path"/> being a symbolic link, or null when it is not one.</summary>
    public static string? LinkProblem(string path) =>
        new FileInfo(path).LinkTarget is string target
            ? $"is a symbolic link (to {target}); vismooc never writes or deletes through a link in its output folder: remove the link (what it points to is left alone) or use another output folder"
            : null;

    /// <summary>What is wrong with <paramref name="path"/> existing as something other than a regular file (a folder, a FIFO), or null.</summary>
    public static string? OtherProblem(string path) =>
        FileType.NotRegular(path) is string what
            ? $"is {what}, not a file; vismooc writes a file of this name in its output folder: remove or rename it, or use another output folder"
            : null;
}
