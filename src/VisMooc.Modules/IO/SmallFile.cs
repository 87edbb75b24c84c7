namespace VisMooc.Modules.IO;

/// <summary>
/// Reads a file that is small by nature (a pseudonym key, a password) with a bound, refusing what
/// is not a regular file: <c>/dev/zero</c> or a FIFO given by mistake must not be read without end
/// or wait forever.
/// </summary>
public static class SmallFile
{
    /// <summary>The most bytes read: far more than any key or password, far less than a mistake costs.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>The file's bytes, or null with <paramref name="problem"/> saying why not (not a regular file, longer than <see cref="MaxBytes"/>).</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static byte[]? Read(string path, out string? problem)
    {
        if (FileType.NotRegular(path) is string what)
        {
            problem = $"is {what}, not a regular file";
            return null;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096);
        var bytes = new byte[MaxBytes + 1];
        int length = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        if (length > MaxBytes)
        {
            problem = $"is longer than {MaxBytes / 1024} KiB, which is not a key or password file";
            return null;
        }

        problem = null;
        return bytes[..length];
    }
}
