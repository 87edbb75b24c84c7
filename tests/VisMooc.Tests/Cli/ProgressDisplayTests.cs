using VisMooc.Modules.Reporting;
using VisMooc.Tests.Shared;
using VisMooc.Tests.Support;
using VisMooc.Tool.Progress;

namespace VisMooc.Tests.Cli;

/// <summary>
/// The progress display driven by a scripted run on a fake clock (the snapshots carry their own
/// time), drawn on a <see cref="VirtualTerminal"/>: what the screen shows at each moment, and that
/// the end of a phase leaves only what is printed after it.
/// </summary>
public sealed class ProgressDisplayTests
{
    private static readonly string[] s_tables = ["courses", "course_video", "videos", "enrollments", "forum", "grades", "users"];

    // A conversion on a fake clock: the course tree (3 tables, 12 kB) done at once, users (100 MB) for 3 s, forum waiting its turn.
    private static readonly ConvertProgress[] s_conversion =
    [
        Snapshot(0.25, ("courses", 1, 12_000, 12_000, true), ("course_video", 20, 12_000, 12_000, true), ("videos", 20, 12_000, 12_000, true),
            ("enrollments", 0, 0, 5_000_000, false), ("forum", 0, 0, 40_000_000, false), ("grades", 0, 0, 300_000, false), ("users", 1_200, 2_000_000, 100_000_000, false)),
        Snapshot(1.5, ("courses", 1, 12_000, 12_000, true), ("course_video", 20, 12_000, 12_000, true), ("videos", 20, 12_000, 12_000, true),
            ("enrollments", 40_000, 2_500_000, 5_000_000, false), ("forum", 0, 0, 40_000_000, false), ("grades", 1_100, 300_000, 300_000, true), ("users", 410_000, 41_000_000, 100_000_000, false)),
        Snapshot(3.25, ("courses", 1, 12_000, 12_000, true), ("course_video", 20, 12_000, 12_000, true), ("videos", 20, 12_000, 12_000, true),
            ("enrollments", 80_000, 5_000_000, 5_000_000, true), ("forum", 9_000, 10_000_000, 40_000_000, false), ("grades", 1_100, 300_000, 300_000, true), ("users", 1_000_000, 100_000_000, 100_000_000, true)),
    ];

    [Fact]
    public void ThePhaseIsLabelledAndTheBarsAreClearedBeforeTheSummary()
    {
        var screens = new List<string>();
        var terminal = new VirtualTerminal();
        var output = new StringWriter();
        void Step(string moment)
        {
            terminal.Write(output.ToString());
            output.GetStringBuilder().Clear();
            screens.Add("## " + moment + "\n" + terminal.Screen());
        }

        terminal.Write("$ vismooc run course --out out\n");
        using (var frame = new TerminalFrame(output, "converting", 100, unicode: true))
        {
            frame.Begin();
            Step("start");
            foreach (var snapshot in s_conversion)
            {
                frame.Show(snapshot);
                Step(snapshot.Elapsed.TotalSeconds + " s");
            }

            frame.Show(Final(s_conversion[^1]));
            Step("finished");
        }

        Step("after the phase");
        output.Write("course  table  read  written\n(the conversion's summary)\n");
        using (var frame = new TerminalFrame(output, "loading into sqlite:/data/out/moocdb.sqlite", 60, unicode: false))
        {
            frame.Begin();
            frame.Show(Snapshot(0.5, ("courses", 1, 200, 200, true), ("users", 300_000, 30_000_000, 90_000_000, false)));
            Step("loading, on a terminal 60 columns wide without UTF-8");
        }

        output.Write("table  rows  inserted\n(the load's summary)\n");
        Step("the final screen");

        Shared.Snapshot.Verify(string.Join("\n\n", screens));
        Assert.EndsWith("$ vismooc run course --out out\ncourse  table  read  written\n(the conversion's summary)\ntable  rows  inserted\n(the load's summary)", screens[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void AnErasedFrameDrawsNothingMore()
    {
        var output = new StringWriter();
        var frame = new TerminalFrame(output, "converting", 80, unicode: true);
        frame.Show(s_conversion[0]);
        frame.Dispose();
        var terminal = new VirtualTerminal();
        terminal.Write(output.ToString());
        int length = output.GetStringBuilder().Length;

        frame.Show(s_conversion[1]);
        frame.Dispose();

        Assert.Equal("", terminal.Screen());
        Assert.Equal(length, output.GetStringBuilder().Length);
    }

    [Fact]
    public void WithoutATerminalALineNamesThePhaseAndTheTablesUnderWay()
    {
        var rates = new TableRates();
        var lines = new List<string?>();
        foreach (var snapshot in s_conversion)
        {
            rates.Observe(snapshot);
            lines.Add(ProgressText.Line("converting", snapshot, rates));
        }

        Assert.Equal(
            [
                "vismooc: converting, 0 s: users 2% 1,200 rows",
                "vismooc: converting, 2 s: enrollments 50% 40,000 rows; users 41% 410,000 rows 32.8 MB/s",
                "vismooc: converting, 3 s: forum 25% 9,000 rows",
            ],
            lines);

        // Tests of messages leave such lines out of standard error (ToolRunner.Result.StdErr): the two must agree.
        Assert.All(lines, l => Assert.True(ToolRunner.IsProgress(l!), l));
        Assert.True(ToolRunner.IsProgress("vismooc: loading into sqlite:/data/out/moocdb.sqlite, 12 s: users 50% 500,000 rows 30.0 MB/s"));
        Assert.False(ToolRunner.IsProgress("vismooc: warning: C: no prod.mongo in /data; skipped forum"));
    }

    [Theory]
    [InlineData(999.0, "1 kB/s")]
    [InlineData(850_000.0, "850 kB/s")]
    [InlineData(12_540_000.0, "12.5 MB/s")]
    [InlineData(330_400_000.0, "330 MB/s")]
    [InlineData(1_230_000_000.0, "1.2 GB/s")]
    public void RatesHaveAUnitThatFitsThem(double bytesPerSecond, string expected) => Assert.Equal(expected, ProgressText.Speed(bytesPerSecond));

    private static ConvertProgress Snapshot(double seconds, params (string Table, long Rows, long Read, long Total, bool Done)[] tables) =>
        new(TimeSpan.FromSeconds(seconds), tables.Select(t => new TableProgress(t.Table, t.Rows, t.Read, t.Total, t.Done)).ToList(), Finished: false);

    private static ConvertProgress Final(ConvertProgress last) =>
        new(last.Elapsed + TimeSpan.FromSeconds(0.5), last.Tables.Select(t => t with { Done = true, BytesRead = t.BytesTotal, Rows = t.Table == "forum" ? 30_000 : t.Rows }).ToList(), Finished: true);
}
