namespace VisMooc.Modules.Reporting;

/// <summary>Input bytes one job has read so far, written by that job only and read by the progress display.</summary>
public sealed class ProgressCounter
{
    private long _bytes;

    /// <summary>Bytes read so far.</summary>
    public long Bytes => Volatile.Read(ref _bytes);

    /// <summary>Counts <paramref name="n"/> more bytes.</summary>
    public void Add(long n) => Volatile.Write(ref _bytes, _bytes + n);
}
