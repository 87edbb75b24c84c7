using VisMooc.Modules.Pipeline;


namespace VisMooc.Modules.Discovery;

/// <summary>
/// Which tracking-log files a run reads: those named by <c>--events</c> (a file, or a folder searched
/// recursively for <c>*.log</c> and <c>*.log.gz</c>) and those inside the course folders, each once,
/// in ordinal order of their full paths (the row order of <c>click_events</c>). Encrypted copies
/// (<c>.gpg</c>) are named and skipped: they must be decrypted first.
/// </summary>
public static class TrackingLogFiles
{
    /// <summary>Whether a file name is a tracking log the reader reads.</summary>
    public static bool IsLog(string name) =>
        name.EndsWith(".log", StringComparison.Ordinal) || name.EndsWith(".log.gz", StringComparison.Ordinal);

    /// <summary>Whether a file name is an encrypted tracking log.</summary>
    public static bool IsEncryptedLog(string name) =>
        name.EndsWith(".log.gpg", StringComparison.Ordinal) || name.EndsWith(".log.gz.gpg", StringComparison.Ordinal);

    /// <summary>The files to read, and the encrypted ones skipped (full paths).</summary>
    /// <exception cref="ConvertException">A path given does not exist.</exception>
    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Encrypted) Find(IEnumerable<string> given, IEnumerable<string> courseFolders)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var encrypted = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string path in given)
        {
            string full = Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                Search(full, files, encrypted);
            }
            else if (File.Exists(full))
            {
                (IsEncryptedLog(full) || full.EndsWith(".gpg", StringComparison.Ordinal) ? encrypted : files).Add(full);
            }
            else
            {
                throw new ConvertException(path, "no such file or folder (--events names tracking-log files, or folders holding *.log and *.log.gz files)");
            }
        }

        foreach (string folder in courseFolders)
        {
            Search(Path.GetFullPath(folder), files, encrypted);
        }

        return ([.. files], [.. encrypted]);
    }

    private static void Search(string folder, SortedSet<string> files, SortedSet<string> encrypted)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        foreach (string path in Directory.EnumerateFiles(folder, "*", options))
        {
            string name = Path.GetFileName(path);
            if (IsLog(name))
            {
                files.Add(path);
            }
            else if (IsEncryptedLog(name))
            {
                encrypted.Add(path);
            }
        }
    }
}
