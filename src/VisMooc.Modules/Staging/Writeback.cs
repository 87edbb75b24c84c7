using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace VisMooc.Modules.Staging;

/// <summary>
/// Asks the kernel to start writing a range of a file to disk now, without waiting for it, so
/// the flush to disk before the renames has little left to do. Linux only (elsewhere, and on
/// any error, nothing happens: the flush at the end still makes the file durable).
/// </summary>
internal static class Writeback
{
    private const uint SyncFileRangeWrite = 2;

    private static volatile bool s_unavailable = !OperatingSystem.IsLinux();

    /// <summary>Starts writing <paramref name="length"/> bytes from <paramref name="offset"/> of the file to disk.</summary>
    public static void Start(SafeFileHandle file, long offset, long length)
    {
        if (s_unavailable || length <= 0)
        {
            return;
        }

        bool added = false;
        try
        {
            file.DangerousAddRef(ref added);
            _ = sync_file_range((int)file.DangerousGetHandle(), offset, length, SyncFileRangeWrite);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            s_unavailable = true;
        }
        finally
        {
            if (added)
            {
                file.DangerousRelease();
            }
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int sync_file_range(int fd, long offset, long nbytes, uint flags);
}
