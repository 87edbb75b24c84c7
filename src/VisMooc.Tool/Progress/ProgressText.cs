using System.Globalization;
using System.Text;
using VisMooc.Modules.Reporting;

namespace VisMooc.Tool.Progress;

/// <summary>
/// The words of the progress display, from a snapshot alone (its own clock included), so the same
/// snapshots always give the same text: a frame of bars for a terminal, a line for a log.
/// </summary>
internal static class ProgressText
{
    /// <summary>Cells of a bar on a terminal wide enough; narrower ones get shorter bars, so the numbers stay.</summary>
    public const int BarWidth = 24;

    // What a table's line holds beside its bar: indent, name, spaces, percent, rows, and "waiting".
    private const int BesideBar = 50;

    /// <summary>
    /// The frame for a terminal: the phase with how many tables are done and the time, then one
    /// line per table: bar, percent of its input read, rows, and its read rate (once it can be
    /// told), "waiting" before it starts, "done" at the end. Lines are cut to <paramref name="width"/>.
    /// </summary>
    public static IReadOnlyList<string> Frame(string phase, ConvertProgress progress, TableRates rates, int width, bool unicode)
    {
        var lines = new List<string>(progress.Tables.Count + 1)
        {
            string.Create(CultureInfo.InvariantCulture, $"{phase} ({progress.Tables.Count(t => t.Done)} of {progress.Tables.Count} tables done, {Clock(progress.Elapsed)})"),
        };
        int bar = Math.Clamp(width - 1 - BesideBar, 8, BarWidth);
        foreach (var t in progress.Tables)
        {
            double fraction = Fraction(t);
            string state = t.Done ? "done" : rates.Rate(t, progress.Elapsed) is double rate ? Speed(rate) : Started(t) ? "" : "waiting";
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"  {t.Table,-13} {Bar(fraction, bar, unicode)} {Percent(fraction),4} {Rows(t.Rows),16}  {state}").TrimEnd());
        }

        return lines.Select(l => Cut(l, width)).ToList();
    }

    /// <summary>
    /// The line for a log (standard error not a terminal): the phase, the time, and each table under
    /// way, e.g. <c>vismooc: converting, 4 s: users 77% 537,542 rows 100 MB/s</c>; null when no table is under way.
    /// </summary>
    public static string? Line(string phase, ConvertProgress progress, TableRates rates)
    {
        var running = progress.Tables
            .Where(t => !t.Done && Started(t))
            .Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Table} {Percent(Fraction(t))} {Rows(t.Rows)}{(rates.Rate(t, progress.Elapsed) is double rate ? " " + Speed(rate) : "")}"))
            .ToList();
        return running.Count == 0 ? null : string.Create(CultureInfo.InvariantCulture, $"vismooc: {phase}, {progress.Elapsed.TotalSeconds:0} s: {string.Join("; ", running)}");
    }

    private static bool Started(TableProgress t) => t.BytesRead > 0 || t.Rows > 0;

    private static double Fraction(TableProgress t) => t.Done ? 1 : t.BytesTotal > 0 ? Math.Clamp((double)t.BytesRead / t.BytesTotal, 0, 1) : 0;

    // Rounded down, so 100% means done.
    private static string Percent(double fraction) => string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(fraction * 100):0}%");

    private static string Rows(long rows) => string.Create(CultureInfo.InvariantCulture, $"{rows:N0} {(rows == 1 ? "row" : "rows")}");

    /// <summary>A read rate with a unit that fits it: <c>850 kB/s</c>, <c>12.5 MB/s</c>, <c>330 MB/s</c>, <c>1.2 GB/s</c>.</summary>
    public static string Speed(double bytesPerSecond) => bytesPerSecond switch
    {
        < 1e6 => string.Create(CultureInfo.InvariantCulture, $"{bytesPerSecond / 1e3:0} kB/s"),
        < 1e8 => string.Create(CultureInfo.InvariantCulture, $"{bytesPerSecond / 1e6:0.0} MB/s"),
        < 1e9 => string.Create(CultureInfo.InvariantCulture, $"{bytesPerSecond / 1e6:0} MB/s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytesPerSecond / 1e9:0.0} GB/s"),
    };

    private static string Clock(TimeSpan elapsed) => elapsed.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalHours}:{elapsed.Minutes:00}:{elapsed.Seconds:00}")
        : string.Create(CultureInfo.InvariantCulture, $"{elapsed.Minutes}:{elapsed.Seconds:00}");

    private static string Bar(double fraction, int width, bool unicode)
    {
        int full = (int)Math.Floor(fraction * width);
        var bar = new StringBuilder(width);
        bar.Append(unicode ? '█' : '#', full);
        bar.Append(unicode ? '░' : '.', width - full);
        return bar.ToString();
    }

    /// <summary>The line, cut to fit a terminal <paramref name="width"/> columns wide without wrapping.</summary>
    public static string Cut(string line, int width) => line.Length < width ? line : line[..Math.Max(0, width - 1)];
}
