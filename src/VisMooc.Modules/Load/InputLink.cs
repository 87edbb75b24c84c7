namespace VisMooc.Modules.Load;

/// <summary>
/// What a load reads of a folder is the folder's own files, never a file elsewhere that a symbolic
/// link in it points to: the report's size check would not tell a link to another copy, an older
/// run or anything else. The folder named on the command line may itself be a link (the user chose it).
/// </summary>
internal static class InputLink
{
    /// <summary>Refuses <paramref name="path"/> when it is a symbolic link (to a file, a folder, or nothing).</summary>
    /// <param name="path">A file or folder in the folder that the load reads.</param>
    /// <param name="what">What it is, e.g. "a table file of the folder" or "a part of the dataset".</param>
    /// <param name="copy">How to copy the files themselves, e.g. "copy the files themselves into the folder (cp -L, rsync -L)".</param>
    /// <exception cref="LoadException"><paramref name="path"/> is a symbolic link.</exception>
    public static void Refuse(string path, string what, string copy)
    {
        if (new FileInfo(path).LinkTarget is string target)
        {
            throw new LoadException($"{path}: {what} is a symbolic link (to {target}); vismooc load reads a folder's own files, never through a link: {copy}; nothing was loaded");
        }
    }
}
