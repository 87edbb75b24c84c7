using System.IO.Compression;
using System.Text;
using VisMooc.Modules.IO;
using VisMooc.Modules.Sources.CourseStructure;
using VisMooc.Modules.Sources.TrackingLog;
using VisMooc.Modules.Synth;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.TrackingLogs;

/// <summary>
/// <c>vismooc synth --events-out</c>: the generated tracking logs parse with the click-event parser,
/// every video event maps into the synth course structure, each trap occurs as often as the
/// generator says, and the same seed gives the same bytes.
/// </summary>
public sealed class SynthTrackingLogTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "vismooc-synthlogs-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_temp))
        {
            Directory.Delete(_temp, recursive: true);
        }
    }

    [Theory]
    [InlineData(SynthStyle.Old)]
    [InlineData(SynthStyle.New)]
    public void EveryTrapOccursAsDesignedAndEveryVideoEventMapsIntoTheCourseStructure(SynthStyle style)
    {
        var result = Synthesize(style, learners: 3000, seed: 5);
        var counts = result.Events!;
        var tally = Parse(result);

        // Every video event of the course with a user becomes a row, and its video is in the structure.
        Assert.Equal(counts.VideoEvents, tally.Outcomes[ClickLineOutcome.Click]);
        Assert.Equal(0, tally.NotInStructure);
        Assert.Equal(counts.VideoEvents - counts.RepeatedVideoEvents, tally.DistinctIds);
        Assert.Equal(counts.OtherCourseVideoEvents, tally.Outcomes[ClickLineOutcome.OtherCourse]);
        Assert.Equal(counts.LoggedOutVideoEvents, tally.Outcomes[ClickLineOutcome.NoUsername]);
        Assert.Equal(counts.TruncatedVideoEvents, tally.Outcomes[ClickLineOutcome.MalformedClick]);
        Assert.Equal(counts.TruncatedOtherLines, tally.Outcomes[ClickLineOutcome.Malformed]);
        Assert.Equal(0, tally.Outcomes[ClickLineOutcome.Rejected]);
        Assert.Equal(0, tally.Outcomes[ClickLineOutcome.Blank]);
        Assert.Equal(counts.Lines, tally.Outcomes.Values.Sum());
        Assert.Equal(counts.Lines, result.Files.Skip(6).Sum(f => f.Records));

        // Each trap is there, and counted right.
        Assert.Equal(counts.EventAsObject, tally.EventAsObject);
        Assert.Equal(counts.MobileVideoEvents, tally.Mobile);
        Assert.Equal(counts.CourseFromPage, tally.CourseFromPage);
        Assert.Equal(counts.UsernamesWithNewline, tally.UsernamesWithNewline);
        Assert.Equal(counts.UsersNotInAuthUser, tally.NotInAuthUser);
        Assert.Equal(counts.NotANumberSpeeds, tally.NotANumberSpeeds);
        Assert.Equal(counts.VideoHandlerServerEvents, tally.VideoHandlerServerEvents);
        foreach (long n in new[] { counts.RepeatedVideoEvents, counts.EventAsObject, counts.MobileVideoEvents, counts.UsernamesWithNewline, counts.UsersNotInAuthUser, counts.OtherCourseVideoEvents, counts.LoggedOutVideoEvents, counts.TruncatedVideoEvents, counts.TruncatedOtherLines, counts.VideoHandlerServerEvents })
        {
            Assert.True(n > 0, "a trap the generator is meant to carry did not occur");
        }

        Assert.Equal(style == SynthStyle.New, counts.CourseFromPage > 0);
        Assert.Equal(style == SynthStyle.Old, counts.NotANumberSpeeds > 0);
        Assert.True(tally.EventAsString > 0);

        // Most lines are not video events, and the era's key form and types are used.
        Assert.InRange(counts.VideoEvents, counts.Lines / 5, counts.Lines / 2);
        Assert.All(tally.EventIds, id => Assert.Matches(style == SynthStyle.Old ? "^i4x-SynthX-STAT201x-video-[0-9a-f]{32}$" : "^[0-9a-f]{32}$", id));
        string[] legacy = ["load_video", "play_video", "pause_video", "stop_video", "seek_video", "speed_change_video", "show_transcript", "hide_transcript"];
        string[] modern = ["video_show_cc_menu", "video_hide_cc_menu", "edx.video.closed_captions.shown", "edx.video.closed_captions.hidden", "complete_video"];
        Assert.Equal(style == SynthStyle.Old ? legacy.Order(StringComparer.Ordinal) : legacy.Concat(modern).Order(StringComparer.Ordinal), tally.Types.Order(StringComparer.Ordinal));

        // About the documented size per learner (README "Synthetic packages").
        double perLearner = (double)counts.Lines / 3000;
        Assert.InRange(perLearner, SynthOptions.DefaultEventsPerLearner * 0.8, SynthOptions.DefaultEventsPerLearner * 1.2);
    }

    [Fact]
    public void TheSameSeedGivesTheSameBytesAndPlainFilesHoldWhatTheGzipFilesHold()
    {
        var a = Synthesize(SynthStyle.New, learners: 400, seed: 9, name: "a");
        var b = Synthesize(SynthStyle.New, learners: 400, seed: 9, name: "b");
        var plain = Synthesize(SynthStyle.New, learners: 400, seed: 9, name: "plain", compressed: false);
        var other = Synthesize(SynthStyle.New, learners: 400, seed: 10, name: "other");
        var logs = a.Files.Skip(6).ToList();
        Assert.Equal(98, logs.Count);
        Assert.Equal("SynthX/edx/events/2016/SynthX-edx-events-2016-04-12.log.gz", logs[0].Name);
        Assert.Equal("SynthX/edx/events/2016/SynthX-edx-events-2016-07-18.log.gz", logs[^1].Name);
        bool anyDiffers = false;
        foreach (var file in logs)
        {
            byte[] left = File.ReadAllBytes(Path.Combine(a.EventsFolder!, file.Name));
            Assert.Equal(left, File.ReadAllBytes(Path.Combine(b.EventsFolder!, file.Name)));
            byte[] text = Gunzip(left);
            Assert.Equal(text, File.ReadAllBytes(Path.Combine(plain.EventsFolder!, file.Name[..^3])));
            anyDiffers |= !text.AsSpan().SequenceEqual(Gunzip(File.ReadAllBytes(Path.Combine(other.EventsFolder!, file.Name))));
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(Path.Combine(a.EventsFolder!, file.Name))!, ".vismooc-partial-*"));
        }

        Assert.True(anyDiffers, "the logs do not depend on the seed");
        Assert.Equal(a.Events!.Lines, plain.Events!.Lines);
    }

    [Fact]
    public void WithoutAnEventsFolderOrWithZeroEventsNoLogIsWritten()
    {
        var none = PackageSynthesizer.Run(new SynthOptions { Learners = 50, Output = Path.Combine(_temp, "none") });
        Assert.Equal(6, none.Files.Count);
        Assert.Null(none.Events);
        var zero = PackageSynthesizer.Run(new SynthOptions { Learners = 50, Output = Path.Combine(_temp, "zero"), EventsOutput = Path.Combine(_temp, "zero-logs"), EventsPerLearner = 0 });
        Assert.Equal(6, zero.Files.Count);
        Assert.False(Directory.Exists(Path.Combine(_temp, "zero-logs")));
        Assert.Throws<ArgumentOutOfRangeException>(() => PackageSynthesizer.Run(new SynthOptions { Learners = 5, Output = Path.Combine(_temp, "bad"), EventsPerLearner = -1 }));
    }

    [Fact]
    public void TheSynthCommandTakesTheEventOptions()
    {
        string course = Path.Combine(_temp, "cmd", "SynthX-STAT201x-3T2014");
        string events = Path.Combine(_temp, "cmd", "events");
        var run = ToolRunner.Run(["synth", "--learners", "60", "--style", "old", "--out", course, "--events-out", events, "--events-per-learner", "40", "--events-plain", "--json"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(6, Directory.GetFiles(course).Length);
        var logs = Directory.GetFiles(events, "*", SearchOption.AllDirectories);
        Assert.Equal(98, logs.Length);
        Assert.All(logs, f => Assert.Matches(@"SynthX-edx-events-2014-\d\d-\d\d\.log$", f));
        Assert.Contains("SynthX/edx/events/2014/SynthX-edx-events-2014-09-15.log", run.StdOut, StringComparison.Ordinal);

        var bad = ToolRunner.Run(["synth", "--learners", "5", "--out", course, "--events-per-learner", "-1"]);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--events-per-learner", bad.StdErr, StringComparison.Ordinal);
    }

    private SynthResult Synthesize(SynthStyle style, long learners, ulong seed, string name = "x", bool compressed = true) =>
        PackageSynthesizer.Run(new SynthOptions
        {
            Learners = learners,
            Style = style,
            Seed = seed,
            Output = Path.Combine(_temp, name, "course"),
            EventsOutput = Path.Combine(_temp, name, "events"),
            EventsCompressed = compressed,
        });

    private static byte[] Gunzip(byte[] gz)
    {
        using var input = new GZipStream(new MemoryStream(gz), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static Tally Parse(SynthResult result)
    {
        string structure = Directory.GetFiles(result.Folder, "*course_structure*").Single();
        using var structureStream = File.OpenRead(structure);
        var course = new ClickCourse(result.CourseId, VideoKeyMap.Build(CourseStructureReader.Read(structureStream, new HashSet<string>())));
        var parser = new TrackingLogLineParser(new ClickCourseSet([course]), validateEveryLine: true);
        string users = Encoding.UTF8.GetString(File.ReadAllBytes(Directory.GetFiles(result.Folder, "*-auth_user-*").Single()));
        var usernames = users.Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')[1]).ToHashSet(StringComparer.Ordinal);
        var tally = new Tally();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in result.Files.Skip(6).OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            using var stream = new GZipStream(File.OpenRead(Path.Combine(result.EventsFolder!, file.Name)), CompressionMode.Decompress);
            using var lines = new LfLineReader(stream);
            while (lines.TryReadLine(out var line))
            {
                var outcome = parser.Parse(line);
                tally.Outcomes[outcome]++;
                string text = Encoding.UTF8.GetString(line);
                if (outcome == ClickLineOutcome.NotClickEvent && text.Contains("/handler/xmodule_handler/save_user_state\", \"ip\"", StringComparison.Ordinal))
                {
                    tally.VideoHandlerServerEvents++;
                }

                if (outcome != ClickLineOutcome.Click)
                {
                    continue;
                }

                var e = parser.Event;
                ids.Add(Encoding.ASCII.GetString(e.ObservedEventId));
                tally.NotInStructure += e.VideoNotInCourseStructure ? 1 : 0;
                tally.EventIds.Add(e.EventId.ToStringOrNull()!);
                tally.Types.Add(e.EventType.ToStringOrNull()!);
                tally.EventAsObject += text.Contains("\"event\": {", StringComparison.Ordinal) ? 1 : 0;
                tally.EventAsString += text.Contains("\"event\": \"{", StringComparison.Ordinal) ? 1 : 0;
                tally.Mobile += text.Contains("\"event_source\": \"mobile\"", StringComparison.Ordinal) ? 1 : 0;
                tally.CourseFromPage += text.Contains("\"course_id\": \"\"", StringComparison.Ordinal) ? 1 : 0;
                tally.UsernamesWithNewline += text[..text.IndexOf("\", \"event_type\"", StringComparison.Ordinal)].EndsWith("\\n", StringComparison.Ordinal) ? 1 : 0;
                tally.NotInAuthUser += usernames.Contains(e.Username.ToStringOrNull()!) ? 0 : 1;
                tally.NotANumberSpeeds += e.OldSpeed.ToStringOrNull() == "NaN" ? 1 : 0;
            }
        }

        tally.DistinctIds = ids.Count;
        return tally;
    }

    private sealed class Tally
    {
        public Dictionary<ClickLineOutcome, long> Outcomes { get; } = Enum.GetValues<ClickLineOutcome>().ToDictionary(o => o, _ => 0L);

        public HashSet<string> EventIds { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Types { get; } = new(StringComparer.Ordinal);

        public long NotInStructure { get; set; }

        public long DistinctIds { get; set; }

        public long EventAsObject { get; set; }

        public long EventAsString { get; set; }

        public long Mobile { get; set; }

        public long CourseFromPage { get; set; }

        public long UsernamesWithNewline { get; set; }

        public long NotInAuthUser { get; set; }

        public long NotANumberSpeeds { get; set; }

        public long VideoHandlerServerEvents { get; set; }
    }
}
