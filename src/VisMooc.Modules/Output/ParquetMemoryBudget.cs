namespace VisMooc.Modules.Output;

/// <summary>
/// Bytes that the open row groups of a table's Parquet files may hold together, so that many open
/// partitions (one file per course, all open until the run ends) cannot add up. When a sink's rows
/// take the total past <see cref="Limit"/>, the largest open row group of the sink that holds the most
/// is written out. Each table's sink has a budget of its own (<see cref="TableBytes"/>): a budget shared
/// by sinks that other threads feed would close row groups at moments that depend on thread timing,
/// and the same input would give other bytes. A budget may be shared on purpose (tests do).
/// </summary>
public sealed class ParquetMemoryBudget(long limit)
{
    /// <summary>The budget of one table's sink when it is not given one.</summary>
    public const long TableBytes = 16L << 20;

    private readonly List<ParquetTableSink> _sinks = [];
    private long _held;

    /// <summary>Estimated bytes the open row groups may hold together.</summary>
    public long Limit { get; } = limit;

    /// <summary>Estimated bytes the open row groups hold now.</summary>
    public long Held => Interlocked.Read(ref _held);

    internal void Register(ParquetTableSink sink)
    {
        lock (_sinks)
        {
            _sinks.Add(sink);
        }
    }

    internal void Unregister(ParquetTableSink sink)
    {
        lock (_sinks)
        {
            _sinks.Remove(sink);
        }
    }

    internal void Add(long bytes) => Interlocked.Add(ref _held, bytes);

    /// <summary>
    /// Writes out row groups, largest holder first, until the total is within the limit. The caller
    /// holds no sink's lock, and this takes one at a time, so two threads cannot wait on each other.
    /// </summary>
    internal void Enforce()
    {
        while (Held > Limit)
        {
            ParquetTableSink? largest = null;
            lock (_sinks)
            {
                foreach (var sink in _sinks)
                {
                    if (sink.OpenBytes > 0 && (largest is null || sink.OpenBytes > largest.OpenBytes))
                    {
                        largest = sink;
                    }
                }
            }

            if (largest is null || !largest.CloseLargestRowGroup())
            {
                return;
            }
        }
    }
}
