using System.Diagnostics;
using VisMooc.Modules.Discovery;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Staging;

namespace VisMooc.Modules.Reporting;

/// <summary>
/// Calls a conversion's progress callback on a timer (never from the jobs' threads, so the jobs only
/// bump counters) and once at the end. Reads counters only: output does not depend on it.
/// </summary>
internal sealed class ProgressReporter : IDisposable
{
    private readonly Action<ConvertProgress> _callback;
    private readonly Stopwatch _clock;
    private readonly List<(TableOutput Output, IConvertJob Job, long Total)> _tables = [];
    private readonly HashSet<IConvertJob> _done = [];
    private readonly Lock _lock = new();
    private readonly Timer _timer;
    private bool _finished;

    public ProgressReporter(Action<ConvertProgress> callback, TimeSpan interval, Stopwatch clock, IEnumerable<IConvertJob> jobs, IReadOnlyList<CourseInput> courses)
    {
        _callback = callback;
        _clock = clock;
        foreach (var job in jobs)
        {
            long total = courses.Sum(c => job.InputKinds.Sum(k => c.FilesOf(k).Sum(Size)));
            foreach (var output in job.Outputs)
            {
                _tables.Add((output, job, total));
            }
        }

        _timer = new Timer(_ => Report(final: false), null, interval, interval);
    }

    public void JobDone(IConvertJob job)
    {
        lock (_lock)
        {
            _done.Add(job);
        }
    }

    /// <summary>Stops the timer and reports the final snapshot.</summary>
    public void Finish()
    {
        _timer.Dispose();
        Report(final: true);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _finished = true;
        }

        _timer.Dispose();
    }

    private static long Size(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private void Report(bool final)
    {
        lock (_lock)
        {
            if (_finished)
            {
                return;
            }

            _finished = final;
            var tables = _tables.Select(t => new TableProgress(t.Output.Table.Info.Name, t.Output.RowsWritten, t.Output.InputRead.Bytes, t.Total, final || _done.Contains(t.Job))).ToList();
            _callback(new ConvertProgress(_clock.Elapsed, tables, final));
        }
    }
}
