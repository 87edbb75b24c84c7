using VisMooc.Modules.Reporting;


namespace VisMooc.Tool.Progress;

/// <summary>
/// When each table started and finished, from the snapshots' own clock, and so its read rate. A
/// rate is given only once a table has run for a second: over less, the snapshots (four a
/// second) cannot time it, and a small table's "0 MB/s" or "900 MB/s" would mean nothing.
/// </summary>
internal sealed class TableRates
{
    /// <summary>How long a table must run before its rate is shown.</summary>
    public static readonly TimeSpan MinimumTime = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, TimeSpan> _started = [];
    private readonly Dictionary<string, TimeSpan> _finished = [];

    /// <summary>Notes which tables have started (read their first bytes) or finished by <paramref name="progress"/>.</summary>
    public void Observe(ConvertProgress progress)
    {
        foreach (var t in progress.Tables)
        {
            if (t.BytesRead > 0 || t.Rows > 0 || t.Done)
            {
                _started.TryAdd(t.Table, progress.Elapsed);
            }

            if (t.Done)
            {
                _finished.TryAdd(t.Table, progress.Elapsed);
            }
        }
    }

    /// <summary>Bytes per second read by <paramref name="table"/>, or null when it has not run long enough to tell.</summary>
    public double? Rate(TableProgress table, TimeSpan now)
    {
        if (!_started.TryGetValue(table.Table, out var start))
        {
            return null;
        }

        var seconds = ((_finished.TryGetValue(table.Table, out var end) ? end : now) - start).TotalSeconds;
        return seconds >= MinimumTime.TotalSeconds ? table.BytesRead / seconds : null;
    }
}
