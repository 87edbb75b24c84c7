using System.Buffers.Text;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace VisMooc.Modules.Folders;

/// <summary>
/// Keeps two runs out of one output folder: a conversion holds this lock alone for its whole run (a
/// Parquet run only to start and to rename its files, which add to the folder and replace nothing),
/// loads share it while they read the tables. It is an advisory lock (<c>flock</c>) on the file
/// <c>.vismooc-lock</c> in the folder, which the kernel releases when the process ends, however it
/// ends, so a killed run never blocks the next one. While a conversion holds it, the file holds
/// that run's process id, for the message of a run turned away; it is emptied, not deleted, when
/// the run ends (deleting it would let a run that opened it a moment before lock a file that is no
/// longer the folder's, beside a run that locks a new one).
/// </summary>
public sealed class OutputFolderLock : IDisposable
{
    /// <summary>The lock file's name in the output folder.</summary>
    public const string FileName = ".vismooc-lock";

    private const int LockShared = 1;
    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;
    private const int ReadOnly = 0;

    // Writes go straight to the file: a failed write (a full disk) leaves nothing buffered that closing would try again.
    private const int Unbuffered = 0;

    // A lock held by another open file: EWOULDBLOCK (Linux 11, the BSDs and macOS 35) on Unix, a
    // sharing violation on Windows (where FileShare.None is itself the lock).
    private static readonly int s_wouldBlock = OperatingSystem.IsLinux() || OperatingSystem.IsAndroid() ? 11 : 35;
    private const int SharingViolation = unchecked((int)0x80070020);

    private readonly FileStream? _file;

    private OutputFolderLock(FileStream? file, string? notLocked)
    {
        _file = file;
        NotLocked = notLocked;
    }

    /// <summary>Why the folder could not be locked although the run goes on (its file system does not support locks), or null when it is locked.</summary>
    public string? NotLocked { get; }

    /// <summary>Locks <paramref name="folder"/> (which must exist) for a conversion, alone.</summary>
    /// <exception cref="OutputFolderInUseException">Another run holds the folder.</exception>
    /// <exception cref="FolderLockException">The lock file is a symbolic link or not a file.</exception>
    /// <exception cref="IOException">The lock file cannot be created (for example on a read-only file system).</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be written.</exception>
    public static OutputFolderLock ForWriting(string folder)
    {
        string path = Path.Combine(folder, FileName);
        RefuseUnusable(path);
        FileStream file;
        try
        {
            // Opened, never truncated, before it is locked: the holder's process id stays readable.
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, Unbuffered);
        }
        catch (IOException e) when (IsHeld(e))
        {
            throw InUse(folder, path);
        }
        catch (UnauthorizedAccessException) when (File.Exists(path))
        {
            // Another user's lock file in a folder both may write: a read-only descriptor locks it as
            // well (the process id then cannot be written, so a run turned away names none).
            try
            {
                file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None, Unbuffered);
            }
            catch (IOException e) when (IsHeld(e))
            {
                throw InUse(folder, path);
            }
        }

        string? notLocked;
        try
        {
            RefuseUnseekable(file, path);
            RefuseHardLinked(file, path);
            notLocked = Lock(file, LockExclusive, folder, path);
        }
        catch
        {
            file.Dispose();
            throw;
        }

        if (file.CanWrite)
        {
            try
            {
                file.SetLength(0);
                file.Write(System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n"));
                file.Flush();
            }
            catch (IOException)
            {
                // Only the message of a run turned away needs it (a full disk fails the run soon anyway).
            }
        }

        return new OutputFolderLock(file, notLocked);
    }

    /// <summary>
    /// Locks <paramref name="folder"/> as <see cref="ForWriting"/> does, waiting while another run or a
    /// load holds it; the wait looks again four times a second, so <paramref name="cancellation"/> ends it at once.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled while waiting.</exception>
    /// <exception cref="FolderLockException">The lock file is a symbolic link or not a file.</exception>
    public static OutputFolderLock WaitForWriting(string folder, CancellationToken cancellation)
    {
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            try
            {
                return ForWriting(folder);
            }
            catch (OutputFolderInUseException)
            {
                cancellation.WaitHandle.WaitOne(250);
            }
        }
    }

    /// <summary>
    /// Creates <paramref name="path"/> (which must not exist) and holds a lock on it until the stream is
    /// closed or the process ends, however it ends: <see cref="IsHeld(string)"/> then tells another process
    /// whether its owner still runs.
    /// </summary>
    public static FileStream Hold(string path)
    {
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, Unbuffered);
        try
        {
            Lock(file, LockExclusive, Path.GetDirectoryName(path)!, path);
            return file;
        }
        catch
        {
            file.Dispose();
            File.Delete(path);
            throw;
        }
    }

    /// <summary>
    /// Whether a live process holds <paramref name="path"/> (see <see cref="Hold"/>); false when it is not
    /// there. When it cannot tell (the file cannot be opened, or the lock cannot be asked for), the answer
    /// is true: a dead run's files are then left behind, never a live run's removed. The file is opened
    /// for writing where it can be: on Linux NFS an exclusive <c>flock</c> is a byte-range lock, which a
    /// file opened only for reading cannot take.
    /// </summary>
    public static bool IsHeld(string path)
    {
        try
        {
            using var file = OpenToAsk(path);
            return Lock(file, LockExclusive, Path.GetDirectoryName(path)!, path) is not null;
        }
        catch (OutputFolderInUseException)
        {
            return true;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    private static FileStream OpenToAsk(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, Unbuffered);
        }
        catch (UnauthorizedAccessException)
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None, Unbuffered);
        }
    }

    /// <summary>
    /// Shares the lock of <paramref name="folder"/> with other readers while its tables are loaded.
    /// A folder that does not exist, or where no lock file can be created or opened (read-only), is
    /// not locked: no conversion can write there either.
    /// </summary>
    /// <exception cref="OutputFolderInUseException">A conversion holds the folder.</exception>
    /// <exception cref="FolderLockException">The lock file is a symbolic link or not a file.</exception>
    public static OutputFolderLock ForReading(string folder)
    {
        string path = Path.Combine(folder, FileName);
        if (!Directory.Exists(folder))
        {
            return new OutputFolderLock(null, null);
        }

        RefuseUnusable(path);
        var file = OpenShared(folder, path, FileMode.OpenOrCreate, FileAccess.ReadWrite) ?? OpenShared(folder, path, FileMode.Open, FileAccess.Read);
        if (file is null)
        {
            return new OutputFolderLock(null, null);
        }

        try
        {
            RefuseUnseekable(file, path);
            RefuseHardLinked(file, path);
            return new OutputFolderLock(file, Lock(file, LockShared, folder, path));
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Releases the lock (a conversion first empties the file of its process id).</summary>
    public void Dispose()
    {
        if (_file is null)
        {
            return;
        }

        try
        {
            if (_file.CanWrite)
            {
                _file.SetLength(0);
            }
        }
        catch (IOException)
        {
            // An empty file only spares a later message a stale process id (which it checks anyway).
        }

        // Unbuffered, so closing has nothing to write that could fail; it releases the lock.
        _file.Dispose();
    }

    // A pipe or device named like the lock file is no file to lock (and could not be emptied).
    private static void RefuseUnseekable(FileStream file, string path)
    {
        if (!file.CanSeek)
        {
            throw new FolderLockException(path, "is not a regular file; remove it (vismooc keeps an empty file of this name in its output folder)");
        }
    }

    /// <summary>
    /// A lock file with more than one name (a hard link to a file elsewhere, made by mistake or on
    /// purpose) is refused: the run writes its process id into the lock file, which would change
    /// that other file too. (A symbolic link is refused before it is opened.)
    /// </summary>
    private static void RefuseHardLinked(FileStream file, string path)
    {
        if (LinkCount(file.SafeFileHandle) is > 1 and long links)
        {
            throw new FolderLockException(path, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"has {links} names (hard links); vismooc writes its process id into this file, so it would change the other names' file too: remove {FileName} (the file under its other names is left alone)"));
        }
    }

    /// <summary>The number of names (hard links) of the open file; null where it cannot be told (not Linux).</summary>
    private static long? LinkCount(SafeFileHandle handle)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        bool added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            // statx has one layout on every Linux architecture: stx_nlink is the u32 at byte 16.
            Span<byte> status = stackalloc byte[256];
            const int EmptyPath = 0x1000, WantLinks = 0x4;
            if (statx((int)handle.DangerousGetHandle(), "", EmptyPath, WantLinks, ref MemoryMarshal.GetReference(status)) != 0)
            {
                return null;
            }

            return BitConverter.ToUInt32(status[16..20]);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    private static FileStream? OpenShared(string folder, string path, FileMode mode, FileAccess access)
    {
        try
        {
            return new FileStream(path, mode, access, FileShare.ReadWrite, Unbuffered);
        }
        catch (IOException e) when (IsHeld(e))
        {
            throw InUse(folder, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Takes the lock with <c>flock</c> itself: .NET's own lock (FileShare) is skipped when
    /// <c>DOTNET_SYSTEM_IO_DISABLEFILELOCKING</c> is set and silently ignores a file system that
    /// cannot lock; this call does neither. Returns null when locked, or why the file system
    /// cannot lock (the run then goes on unlocked, with a warning).
    /// </summary>
    private static string? Lock(FileStream file, int operation, string folder, string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return null; // FileShare is the lock there
        }

        bool added = false;
        var handle = file.SafeFileHandle;
        try
        {
            handle.DangerousAddRef(ref added);
            int fd = (int)handle.DangerousGetHandle();
            while (flock(fd, operation | LockNonBlocking) != 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                if (errno == s_wouldBlock)
                {
                    throw InUse(folder, path);
                }

                const int Interrupted = 4; // EINTR, the same on every Unix
                if (errno != Interrupted)
                {
                    return Marshal.GetPInvokeErrorMessage(errno);
                }
            }

            return null;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return "flock is not available";
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    private static bool IsHeld(IOException e) =>
        OperatingSystem.IsWindows() ? e.HResult == SharingViolation : e.HResult == s_wouldBlock;

    /// <summary>Who holds the folder: the process id a conversion wrote, or that only loads share it.</summary>
    private static OutputFolderInUseException InUse(string folder, string path)
    {
        int? pid = null;
        bool loading = false;
        if (!OperatingSystem.IsWindows())
        {
            try
            {
                // Opened without .NET's FileStream, whose own shared lock would be refused by the holder's.
                int fd = open(path, ReadOnly);
                if (fd >= 0)
                {
                    using var handle = new SafeFileHandle(fd, ownsHandle: true);
                    Span<byte> text = stackalloc byte[24];
                    int length = RandomAccess.Read(handle, text, 0);
                    if (flock(fd, LockShared | LockNonBlocking) == 0)
                    {
                        loading = true; // only shared holders: loads
                    }
                    else if (Utf8Parser.TryParse(text[..length], out int id, out _) && id > 0 && IsRunning(id))
                    {
                        pid = id;
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or EntryPointNotFoundException or DllNotFoundException)
            {
            }
        }

        return new OutputFolderInUseException(folder, pid, loading);
    }

    // A process id written by a run on another machine (a network file system), or by a run killed
    // long ago, is not named.
    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int flock(int fd, int operation);

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, ref byte buffer);

    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    private static void RefuseUnusable(string path)
    {
        if (FolderEntry.Problem(path) is string problem)
        {
            throw new FolderLockException(path, problem);
        }
    }
}
