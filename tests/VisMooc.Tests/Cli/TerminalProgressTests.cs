using System.Text.RegularExpressions;
using VisMooc.Tests.Load;
using VisMooc.Tests.Shared;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Cli;

/// <summary>
/// <c>vismooc run</c> on a real pseudo-terminal (tmux): the progress of each phase is drawn under
/// its label and cleared at its end, so the final screen is the two summaries. The screen is kept
/// as a snapshot, its times and temporary paths masked.
/// </summary>
public sealed partial class TerminalProgressTests
{
    [TmuxFact]
    public void RunShowsEachPhaseThenLeavesOnlyTheSummariesOnTheScreen()
    {
        using var temp = new LoadFixtures.TempFolder();
        string sample = Path.Combine(RepoPaths.Root, "samples", "SynthX-STAT201x-3T2014");

        using var terminal = Terminal.Run(temp.Path, ["dotnet", Path.Combine(AppContext.BaseDirectory, "vismooc.dll"), "run", sample, "--out", "out"], columns: 110, rows: 40);

        Assert.True(terminal.ExitCode == 0, terminal.Screen);

        // Each phase was drawn, under its label ...
        Assert.Contains("converting", terminal.Raw, StringComparison.Ordinal);
        Assert.Contains("loading into sqlite:" + Path.Combine(temp.Path, "out", "moocdb.sqlite"), terminal.Raw, StringComparison.Ordinal);
        Assert.Matches(@"  users +█+ 100% +300 rows  done", terminal.Raw);

        // ... and cleared: the screen holds the summaries only.
        Assert.DoesNotContain("converting", terminal.Screen, StringComparison.Ordinal);
        Assert.DoesNotContain("█", terminal.Screen, StringComparison.Ordinal);
        string screen = Seconds().Replace(terminal.Screen.Replace(temp.Path, "TEMP", StringComparison.Ordinal), "in #.## s");
        Snapshot.Verify(screen);
    }

    [GeneratedRegex(@"in \d+\.\d\d s")]
    private static partial Regex Seconds();
}
