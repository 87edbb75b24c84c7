using System.Globalization;
using Spectre.Console;
using VisMooc.Modules.Convert;

namespace VisMooc.Tool.Commands;

/// <summary>
/// Progress of a conversion or a load on standard error: a bar per table (rows, MB/s) when it is a terminal,
/// a plain line every few seconds otherwise, nothing with <c>--quiet</c>. Standard output (which
/// carries <c>--json</c>) and the output files are never touched.
/// </summary>
internal sealed class ConvertProgressDisplay
{
    private static readonly TimeSpan s_plainInterval = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, TimeSpan> _started = [];
    private readonly Dictionary<string, TimeSpan> _finished = [];
    private TimeSpan _lastPlain;

    /// <summary>Runs <paramref name="work"/> with a progress callback suited to standard error (or none when quiet).</summary>
    public static T Run<T>(bool quiet, Func<Action<ConvertProgress>?, T> work)
    {
        if (quiet)
        {
            return work(null);
        }

        var display = new ConvertProgressDisplay();
        if (Console.IsErrorRedirected)
        {
            return work(display.Plain);
        }

        // Standard error is a terminal (checked above) even when standard output is redirected, e.g. --json > report.json.
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error), Interactive = InteractionSupport.Yes, Ansi = AnsiSupport.Yes });
        T result = default!;
        var bars = console.Progress();
        bars.RefreshRate = TimeSpan.FromMilliseconds(250);
        bars.AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                result = work(progress => display.Bars(context, tasks, progress));
            });
        return result;
    }

    private void Bars(ProgressContext context, Dictionary<string, ProgressTask> tasks, ConvertProgress progress)
    {
        NoteStarts(progress);
        foreach (var t in progress.Tables)
        {
            if (!tasks.TryGetValue(t.Table, out var task))
            {
                tasks[t.Table] = task = context.AddTask(t.Table, autoStart: true, maxValue: Math.Max(1, t.BytesTotal));
            }

            task.Description = Markup.Escape(Describe(t, progress.Elapsed));
            task.Value = t.Done ? task.MaxValue : Math.Min(t.BytesRead, task.MaxValue);
        }
    }

    private void Plain(ConvertProgress progress)
    {
        NoteStarts(progress);
        if (progress.Finished || progress.Elapsed - _lastPlain < s_plainInterval)
        {
            return;
        }

        _lastPlain = progress.Elapsed;
        // Only tables under way: a load still connecting to its server prints nothing.
        var running = progress.Tables.Where(t => !t.Done && (t.BytesRead > 0 || t.Rows > 0)).Select(t => Describe(t, progress.Elapsed)).ToList();
        if (running.Count > 0)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"vismooc: {progress.Elapsed.TotalSeconds:0} s: {string.Join("; ", running)}"));
        }
    }

    // MB/s count from the snapshot in which a table's job had read its first bytes (jobs wait their turn for a thread).
    private void NoteStarts(ConvertProgress progress)
    {
        foreach (var t in progress.Tables)
        {
            if (t.BytesRead > 0)
            {
                _started.TryAdd(t.Table, progress.Elapsed - TimeSpan.FromMilliseconds(125));
            }

            if (t.Done)
            {
                _finished.TryAdd(t.Table, progress.Elapsed);
            }
        }
    }

    private string Describe(TableProgress t, TimeSpan now)
    {
        var end = _finished.TryGetValue(t.Table, out var done) ? done : now;
        double seconds = _started.TryGetValue(t.Table, out var start) ? (end - start).TotalSeconds : 0;
        string rate = seconds > 0.2 ? string.Create(CultureInfo.InvariantCulture, $"{t.BytesRead / 1e6 / seconds,5:0} MB/s") : "     MB/s";
        string percent = t.BytesTotal > 0 ? string.Create(CultureInfo.InvariantCulture, $" {100.0 * t.BytesRead / t.BytesTotal:0}%") : "";
        return string.Create(CultureInfo.InvariantCulture, $"{t.Table,-13}{t.Rows,11:N0} rows {rate}{(t.Done ? " done" : percent)}");
    }
}
