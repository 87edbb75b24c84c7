using System.Diagnostics;
using VisMooc.Modules.Reporting;

namespace VisMooc.Modules.Load;

/// <summary>
/// Progress of a load, table by table: the loader bumps counters, a timer reports snapshots a few
/// times a second and once at the end (the same snapshots conversion reports, so one display serves both).
/// </summary>
internal sealed class LoadProgressTracker : IDisposable
{
    private readonly Action<ConvertProgress>? _callback;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<Table> _tables;
    private readonly Lock _lock = new();
    private readonly Timer? _timer;
    private bool _finished;

    public LoadProgressTracker(Action<ConvertProgress>? callback, IEnumerable<(string Table, string Path)> files)
        : this(callback, files.Select(f => (f.Table, new FileInfo(f.Path).Length)))
    {
    }

    /// <summary>A tracker of tables read from several files each (a Parquet dataset's parts): their bytes in all.</summary>
    public LoadProgressTracker(Action<ConvertProgress>? callback, IEnumerable<(string Table, long Bytes)> tables)
    {
        _callback = callback;
        _tables = tables.Select(t => new Table(t.Table, t.Bytes)).ToList();
        if (callback is not null)
        {
            _timer = new Timer(_ => Report(final: false), null, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>The counters of table <paramref name="index"/> (in file order).</summary>
    public Table this[int index] => _tables[index];

    /// <summary>Stops the timer and reports the final snapshot.</summary>
    public void Finish()
    {
        _timer?.Dispose();
        Report(final: true);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _finished = true;
        }

        _timer?.Dispose();
    }

    private void Report(bool final)
    {
        if (_callback is null)
        {
            return;
        }

        lock (_lock)
        {
            if (_finished)
            {
                return;
            }

            _finished = final;
            _callback(new ConvertProgress(_clock.Elapsed, _tables.Select(t => new TableProgress(t.Name, t.Rows, t.Bytes.Bytes, t.Total, final || t.Done)).ToList(), final));
        }
    }

    /// <summary>One table's counters, written by the loader only.</summary>
    internal sealed class Table(string name, long total)
    {
        private long _rows;
        private volatile bool _done;

        public string Name { get; } = name;

        public long Total { get; } = total;

        public ProgressCounter Bytes { get; } = new();

        public long Rows
        {
            get => Volatile.Read(ref _rows);
            set => Volatile.Write(ref _rows, value);
        }

        public bool Done
        {
            get => _done;
            set => _done = value;
        }
    }
}
