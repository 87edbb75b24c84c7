using VisMooc.Generated;
using VisMooc.Modules.Folders;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Staging;
using VisMooc.Modules.Synth;
using VisMooc.Tests.Load;
using VisMooc.Tests.Safety;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.TrackingLogs;

/// <summary>
/// A conversion with tracking logs killed (SIGKILL) while it writes <c>click_events</c>: no final-named
/// <c>click_events.csv</c> or other partial output is left, the earlier run's files stay as they were,
/// and a rerun gives the bytes of an uninterrupted run.
/// </summary>
public sealed class ClickEventsKillTests(ClickEventsKillTests.LoggedPackage logged) : IClassFixture<ClickEventsKillTests.LoggedPackage>
{
    public static TheoryData<string> KillPoints => ["click_events partial exists", "click_events.csv at half its size"];

    [Theory]
    [MemberData(nameof(KillPoints))]
    public void AConversionWithLogsKilledWhileWritingClickEventsLeavesNoFinalNamedPartialFile(string point)
    {
        using var temp = new LoadFixtures.TempFolder();
        string output = Path.Combine(temp.Path, "out");

        // An earlier run without logs: its files must survive the killed run untouched.
        PackageConverter.Run(new ConvertOptions { Input = logged.Course, Output = output, Threads = 2 }, GeneratedTables.All);
        var earlier = CoursePackage.Files(output, withReport: true);
        Assert.False(File.Exists(Path.Combine(output, "click_events.csv")));

        long clicksSize = new FileInfo(Path.Combine(logged.Reference, "click_events.csv")).Length;
        long PartialClicks() => FaultTests.SizeOf(CoursePackage.Partial(output, "click_events.csv"));
        Func<bool> reached = point == "click_events partial exists" ? () => PartialClicks() >= 0 : () => PartialClicks() >= clicksSize / 2;

        using (var tool = new ToolProcess(["convert", logged.Course, "--events", logged.Events, "--out", output]))
        {
            Assert.True(tool.WaitUntil(reached), $"the conversion ended before '{point}'; " + tool.Describe());
            tool.Kill();
        }

        var left = CoursePackage.Files(output, withReport: true);
        Assert.False(left.ContainsKey("click_events.csv"), "a killed run left a final-named click_events.csv");
        Assert.False(File.Exists(Path.Combine(output, CommitMarker.FileName)));
        earlier.Remove(OutputFolderLock.FileName);
        Assert.Equal(earlier, new SortedDictionary<string, byte[]>(
            left.Where(f => !Path.GetFileName(f.Key).StartsWith(TableOutput.PartialPrefix, StringComparison.Ordinal) && f.Key != OutputFolderLock.FileName).ToDictionary(), StringComparer.Ordinal));

        var rerun = ToolRunner.Run(["convert", logged.Course, "--events", logged.Events, "--out", output, "--quiet"]);
        Assert.Contains(rerun.ExitCode, new[] { 0, 3 }); // 3: converted, with findings (synth plants cut lines)
        Assert.Equal(CoursePackage.Files(logged.Reference), CoursePackage.Files(output));
    }

    /// <summary>A synth course with plain daily logs large enough to be killed mid-table, and its uninterrupted conversion.</summary>
    public sealed class LoggedPackage : IDisposable
    {
        private readonly LoadFixtures.TempFolder _temp = new();

        /// <summary>Synthesizes and converts once for the class.</summary>
        public LoggedPackage()
        {
            var synth = PackageSynthesizer.Run(new SynthOptions
            {
                Learners = 2000,
                Seed = 5,
                Output = Path.Combine(_temp.Path, "in", "course"),
                EventsOutput = Path.Combine(_temp.Path, "in", "events"),
                EventsPerLearner = 60,
                EventsCompressed = false,
            });
            Course = synth.Folder;
            Events = synth.EventsFolder!;
            Reference = Path.Combine(_temp.Path, "reference");
            PackageConverter.Run(new ConvertOptions { Input = Course, Output = Reference, Events = [Events], Threads = 2 }, GeneratedTables.All);
        }

        /// <summary>The course folder.</summary>
        public string Course { get; }

        /// <summary>The folder of daily logs.</summary>
        public string Events { get; }

        /// <summary>The uninterrupted conversion with logs.</summary>
        public string Reference { get; }

        /// <inheritdoc/>
        public void Dispose() => _temp.Dispose();
    }
}
