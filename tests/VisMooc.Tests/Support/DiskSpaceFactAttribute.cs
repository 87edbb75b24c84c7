namespace VisMooc.Tests.Support;

/// <summary>A fact that writes large files to the temp folder: skipped, with the reason, when that folder's disk has too little free space.</summary>
public sealed class DiskSpaceFactAttribute : FactAttribute
{
    private int _minimum;

    /// <summary>Free space needed in the temp folder, in GB.</summary>
    public int MinimumFreeGigabytes
    {
        get => _minimum;
        set
        {
            _minimum = value;
            long free = new DriveInfo(Path.GetTempPath()).AvailableFreeSpace;
            if (free < (long)value << 30)
            {
                Skip = $"needs {value} GB free in {Path.GetTempPath()}, has {free >> 30} GB";
            }
        }
    }
}
