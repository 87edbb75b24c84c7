using System.IO.Enumeration;
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
        // A symbolic link to a log file is read, as a package file behind a link is: a folder of links
        // to the days one machine converts is how a split by days is made. A linked folder is not
        // searched (a link to a parent would never end). Links used to be skipped without a word.
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
        var entries = new FileSystemEnumerable<string>(folder, static (ref FileSystemEntry entry) => entry.ToFullPath(), options)
        {
            ShouldIncludePredicate = static (ref FileSystemEntry entry) => !entry.IsDirectory,
            ShouldRecursePredicate = static (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
        };
        foreach (string path in entries)
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
