using System.Runtime.InteropServices;

namespace VisMooc.Modules.IO;

/// <summary>
/// What kind of file system entry a path is, so that a FIFO, a device or a socket named like an
/// input file is refused before it is opened (opening a FIFO blocks until someone writes to it;
/// a device such as <c>/dev/zero</c> never ends). .NET reports them all as ordinary files.
/// </summary>
public static class FileType
{
    // The file-type bits of the runtime's own stat shim (System.Native), the same on every Unix.
    private const int TypeMask = 0xF000;
    private const int Fifo = 0x1000;
    private const int CharacterDevice = 0x2000;
    private const int Directory = 0x4000;
    private const int BlockDevice = 0x6000;
    private const int Regular = 0x8000;
    private const int Socket = 0xC000;

    /// <summary>Null for a regular file (or a path that does not exist, which opening reports); else what it is, such as "a FIFO (named pipe)".</summary>
    public static string? NotRegular(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
        {
            return File.GetAttributes(path).HasFlag(FileAttributes.Device) ? "a device" : null;
        }

        // The shim fills a FileStatus struct whose second int is the mode; the rest is not read, and
        // the buffer is larger than the struct has ever been.
        Span<int> status = stackalloc int[64];
        try
        {
            if (Stat(path, ref MemoryMarshal.GetReference(status)) != 0)
            {
                return null;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null; // no such shim in this runtime: the check is skipped, never a false refusal
        }

        return (status[1] & TypeMask) switch
        {
            Regular => null,
            Fifo => "a FIFO (named pipe)",
            CharacterDevice => "a character device",
            BlockDevice => "a block device",
            Socket => "a socket",
            Directory => "a folder",
            _ => "not a regular file",
        };
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, ref int status);
}
