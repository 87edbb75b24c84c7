using System.Text;
using VisMooc.Modules.Reporting;

namespace VisMooc.Tool.Progress;

/// <summary>
/// Progress of one phase of work (a conversion, a load) on standard error: on a terminal a frame
/// of bars under the phase's name, redrawn in place and cleared when the phase ends, so the screen
/// then holds only the summary; otherwise (a log, CI) a line every two seconds; nothing when quiet.
/// Standard output (which carries <c>--json</c>) and the output files are never touched.
/// </summary>
internal static class ProgressDisplay
{
    private static readonly TimeSpan s_lineInterval = TimeSpan.FromSeconds(2);

    // The frame on the terminal now, for Erase.
    private static volatile TerminalFrame? s_active;

    /// <summary>Runs <paramref name="work"/> with a progress callback suited to standard error (none when quiet).</summary>
    public static T Run<T>(bool quiet, string phase, Func<Action<ConvertProgress>?, T> work)
    {
        if (quiet)
        {
            return work(null);
        }

        if (Console.IsErrorRedirected || Environment.GetEnvironmentVariable("TERM") == "dumb")
        {
            var rates = new TableRates();
            var last = TimeSpan.Zero;
            return work(progress =>
            {
                rates.Observe(progress);
                if (!progress.Finished && progress.Elapsed - last >= s_lineInterval && ProgressText.Line(phase, progress, rates) is string line)
                {
                    last = progress.Elapsed;
                    Console.Error.WriteLine(line);
                }
            });
        }

        using var frame = new TerminalFrame(Console.Error, phase, TerminalWidth(), Console.OutputEncoding.CodePage == Encoding.UTF8.CodePage);
        s_active = frame;
        try
        {
            frame.Begin();
            return work(frame.Show);
        }
        finally
        {
            s_active = null;
        }
    }

    /// <summary>
    /// Erases the bars on the terminal, if any are drawn, and draws no more in this phase: for a
    /// message printed while the work still runs (such as the line an interrupted run prints).
    /// </summary>
    public static void Erase() => s_active?.Dispose();

    private static int TerminalWidth()
    {
        try
        {
            int width = Console.WindowWidth;
            return width > 0 ? width : 80;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or InvalidOperationException)
        {
            return 80;
        }
    }
}
