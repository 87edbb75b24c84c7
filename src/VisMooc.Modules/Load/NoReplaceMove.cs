using System.Runtime.InteropServices;

namespace VisMooc.Modules.Load;

/// <summary>
/// Puts a finished file in place under a name that must not exist yet, atomically: it never
/// replaces a file that another process put there a moment before.
/// </summary>
internal static class NoReplaceMove
{
    private const int AlreadyExists = 17; // EEXIST, on Linux and macOS alike

    /// <summary>Moves <paramref name="source"/> to <paramref name="destination"/>; false (and nothing moved) when the destination exists.</summary>
    public static bool TryMove(string source, string destination)
    {
        if (!OperatingSystem.IsWindows())
        {
            // .NET's File.Move looks for the destination and then rename()s, which replaces a file
            // created in between; link() fails instead when the name is taken.
            try
            {
                if (link(source, destination) == 0)
                {
                    File.Delete(source);
                    return true;
                }

                if (Marshal.GetLastPInvokeError() == AlreadyExists)
                {
                    return false;
                }

                // A file system without hard links: the check-then-rename below is the best there is.
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
            }
        }

        try
        {
            // On Windows this is MoveFileEx without MOVEFILE_REPLACE_EXISTING: atomic, never replaces.
            File.Move(source, destination, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(destination))
        {
            return false;
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int link([MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath);
}
