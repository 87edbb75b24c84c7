using VisMooc.Modules.Folders;


namespace VisMooc.Modules.Load;

/// <summary>
/// A load's share of its CSV folder's lock (<see cref="OutputFolderLock"/>): a load refuses a folder
/// that a conversion is writing, and no conversion can start writing it while the load reads it, so a
/// database never gets tables of two conversions.
/// </summary>
public static class CsvFolderLock
{
    /// <summary>Shares the lock of <paramref name="folder"/> until disposed.</summary>
    /// <exception cref="LoadException">A conversion is writing the folder, or its lock file is a symbolic link.</exception>
    public static IDisposable Acquire(string folder)
    {
        try
        {
            return OutputFolderLock.ForReading(folder);
        }
        catch (OutputFolderInUseException e)
        {
            throw new LoadException(folder + ": a vismooc conversion" + (e.ProcessId is int pid ? " (pid " + pid.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")" : "") + $" is writing this folder; wait for it to finish, then load it; nothing was loaded");
        }
        catch (FolderLockException e)
        {
            throw new LoadException(e.Message + "; nothing was loaded");
        }
    }
}
