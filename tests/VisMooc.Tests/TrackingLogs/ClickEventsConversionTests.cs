using System.Text;
using VisMooc.Generated;
using VisMooc.Modules.Checks;
using VisMooc.Modules.Load;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Sources.TrackingLog;
using VisMooc.Modules.Staging;
using VisMooc.Modules.Synth;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.TrackingLogs;

/// <summary>
/// <c>convert --events</c> on a synth package with its org-level daily logs: <c>click_events</c> holds
/// every distinct video event of the course once, the report counts what the generator planted
/// (duplicates, other courses, logged-out and cut lines), the bytes do not depend on threads or
/// chunk size, the table loads into SQLite, and without logs nothing of click_events is written.
/// </summary>
public sealed class ClickEventsConversionTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "vismooc-clicks-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_temp))
        {
            Directory.Delete(_temp, recursive: true);
        }
    }

    [Fact]
    public void ASmallSynthPackageWithDaysWithoutEventsConverts()
    {
        // 40 learners leave most days without a line: each such day is still a gzip file (one empty member), never 0 bytes.
        var synth = Synthesize(SynthStyle.New, "small", learners: 40);
        var files = Directory.GetFiles(synth.EventsFolder!, "*.log.gz", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.True(new FileInfo(f).Length > 0, f));

        var result = PackageConverter.Run(new ConvertOptions { Input = synth.Folder, Output = Path.Combine(_temp, "out"), Events = [synth.EventsFolder!] }, GeneratedTables.All);
        Assert.Empty(result.FailedCourses);
        Assert.Equal(synth.Events!.VideoEvents - synth.Events.RepeatedVideoEvents, result.Tables.Single(t => t.Table == "click_events").Written);
    }

    [Fact]
    public void AFolderOfLinksToLogDaysIsReadAsTheDaysThemselvesAndALinkedFolderIsNotSearched()
    {
        var synth = Synthesize(SynthStyle.New, "links", learners: 100);
        string whole = Path.Combine(_temp, "whole");
        var expected = PackageConverter.Run(new ConvertOptions { Input = synth.Folder, Output = whole, Events = [synth.EventsFolder!] }, GeneratedTables.All);

        // The day set of one machine, made of links (ln -s), and a link back to the folder itself.
        string days = Path.Combine(_temp, "days");
        Directory.CreateDirectory(days);
        foreach (string file in Directory.GetFiles(synth.EventsFolder!, "*.log.gz", SearchOption.AllDirectories))
        {
            File.CreateSymbolicLink(Path.Combine(days, Path.GetFileName(file)), file);
        }

        Directory.CreateSymbolicLink(Path.Combine(days, "loop"), days);
        string linked = Path.Combine(_temp, "linked");

        // The links were skipped without a word: no click_events at all, exit 0.
        var result = PackageConverter.Run(new ConvertOptions { Input = synth.Folder, Output = linked, Events = [days] }, GeneratedTables.All);

        Assert.Equal(expected.Tables.Single(t => t.Table == "click_events").Written, result.Tables.Single(t => t.Table == "click_events").Written);
        Assert.Equal(File.ReadAllBytes(Path.Combine(whole, "click_events.csv")), File.ReadAllBytes(Path.Combine(linked, "click_events.csv")));
    }

    [Fact]
    public void TheConsoleNotesOfAConversionWithLogsNameNoEmptyExamples()
    {
        var synth = Synthesize(SynthStyle.New, "p", learners: 600);
        var run = ToolRunner.Run(["convert", synth.Folder, "--events", synth.EventsFolder!, "--out", Path.Combine(_temp, "out")]);

        var notes = run.StdErr.Split('\n').Where(l => l.StartsWith("vismooc: note (click_events", StringComparison.Ordinal)).ToList();
        Assert.Contains(notes, l => l.Contains(" noUsername", StringComparison.Ordinal));
        // A finding without examples (logged-out events have nothing harmless to show) ends at its count.
        Assert.DoesNotContain(notes, l => l.TrimEnd().EndsWith("e.g.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(SynthStyle.Old)]
    [InlineData(SynthStyle.New)]
    public void ConvertWritesEveryDistinctVideoEventOnceAndCountsThePlantedTraps(SynthStyle style)
    {
        var synth = Synthesize(style, "p");
        var counts = synth.Events!;
        string output = Path.Combine(_temp, "out");
        var result = PackageConverter.Run(new ConvertOptions { Input = synth.Folder, Output = output, Events = [synth.EventsFolder!], Threads = 2 }, GeneratedTables.All);

        var stats = result.Tables.Single(t => t.Table == "click_events");
        Assert.Equal(counts.VideoEvents - counts.RepeatedVideoEvents, stats.Written);
        Assert.Equal(counts.RepeatedVideoEvents, stats.Duplicates);
        // A duplicate is named by the table's key column (click_events has no _id).
        Assert.NotEmpty(stats.Findings[TableOutput.DuplicateIds].Examples);
        Assert.All(stats.Findings[TableOutput.DuplicateIds].Examples, e => Assert.Contains(": observed_event_id a value of 32 characters (not quoted), already written", e, StringComparison.Ordinal));
        Assert.Equal(counts.TruncatedVideoEvents, stats.Rejected);
        Assert.Equal(counts.Lines, stats.Read);
        Assert.Equal(counts.OtherCourseVideoEvents, stats.Findings[TrackingLogJob.OtherCourses].Count);
        // Each chunk counts its own other-course events: the examples still name each other course once.
        var others = stats.Findings[TrackingLogJob.OtherCourses].Examples;
        Assert.NotEmpty(others);
        Assert.Equal(others.Count, others.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(counts.LoggedOutVideoEvents, stats.Findings[TrackingLogJob.NoUsername].Count);
        // Every cut line is counted malformed: the video events the parser reads, and the other lines by their shape (no closing '}').
        Assert.Equal(counts.TruncatedVideoEvents + counts.TruncatedOtherLines, stats.Findings[TrackingLogJob.Malformed].Count);
        Assert.False(stats.Findings.ContainsKey(TrackingLogJob.VideoNotInCourseStructure));

        var rows = Rows(output);
        Assert.Equal(stats.Written, rows.Count);
        var videos = Rows(output, "videos").Select(r => r[1]).ToHashSet(StringComparer.Ordinal);
        Assert.All(rows, r => Assert.Contains(r[3], videos));
        Assert.All(rows, r => Assert.Equal(synth.CourseId, r[1]));
        Assert.All(rows, r => Assert.Matches("^[0-9a-f]{32}$", r[0]));
        Assert.All(rows, r => Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$", r[4]));
        var users = Rows(output, "users").Select(r => r[2]).ToHashSet(StringComparer.Ordinal);
        long strangers = rows.Count(r => !users.Contains(r[2]!));
        Assert.InRange(strangers, 1, counts.UsersNotInAuthUser);
        // The report counts them by distinct user, as the users table sees them (by pseudonym).
        Assert.Equal(rows.Where(r => !users.Contains(r[2]!)).Select(r => r[2]).Distinct().Count(), stats.Findings[CrossFileChecks.UserNotInAuthUser].Count);

        // The rejects hold the cut video lines, without their text (they are not JSON: nothing can be masked reliably).
        string[] rejects = File.ReadAllLines(Path.Combine(output, "rejects", "click_events.tsv"));
        Assert.Equal(counts.TruncatedVideoEvents + 1, rejects.Length);
        Assert.All(rejects.Skip(1), l => Assert.EndsWith("\t", l, StringComparison.Ordinal));
    }

    [Fact]
    public void TheBytesAreTheSameForAnyThreadsAndChunkSizeAndTheTableLoadsIntoSqlite()
    {
        var synth = Synthesize(SynthStyle.New, "p", learners: 600);
        byte[] Convert(string name, int threads, int chunk)
        {
            string output = Path.Combine(_temp, name);
            PackageConverter.Run(new ConvertOptions { Input = synth.Folder, Output = output, Events = [synth.EventsFolder!], Threads = threads, ChunkBytes = chunk }, GeneratedTables.All);
            return File.ReadAllBytes(Path.Combine(output, "click_events.csv"));
        }

        byte[] one = Convert("one", 1, 1 << 20);
        Assert.NotEmpty(one);
        Assert.Equal(one, Convert("four", 4, 1 << 20));
        Assert.Equal(one, Convert("tiny", 3, 1000));

        string db = Path.Combine(_temp, "db.sqlite");
        var loaded = SqliteLoader.Load(Path.Combine(_temp, "one"), db, LoadMode.Ignore, GeneratedTables.All);
        Assert.Equal(Encoding.ASCII.GetString(one).Count(c => c == '\n'), loaded.Tables.Single(t => t.Table == "click_events").Inserted);
    }

    [Fact]
    public void WithoutLogsNoClickEventsFileIsWrittenAndAnEarlierOneIsRemoved()
    {
        var synth = Synthesize(SynthStyle.New, "p", learners: 600);
        string output = Path.Combine(_temp, "out");
        PackageConverter.Run(new ConvertOptions { Input = synth.Folder, Output = output, Events = [synth.EventsFolder!] }, GeneratedTables.All);
        Assert.True(File.Exists(Path.Combine(output, "click_events.csv")));

        var result = PackageConverter.Run(new ConvertOptions { Input = synth.Folder, Output = output }, GeneratedTables.All);
        Assert.False(File.Exists(Path.Combine(output, "click_events.csv")));
        Assert.False(File.Exists(Path.Combine(output, "rejects", "click_events.tsv")));
        Assert.DoesNotContain(result.Tables, t => t.Table == "click_events");
    }

    [Fact]
    public void LogsInsideTheCourseFolderAreFoundWithoutTheOptionAndEncryptedOnesAreNamed()
    {
        var synth = Synthesize(SynthStyle.Old, "p", learners: 600);
        string inside = Path.Combine(synth.Folder, "events");
        Directory.Move(synth.EventsFolder!, inside);
        File.WriteAllBytes(Path.Combine(inside, "SynthX-edx-events-2099-01-01.log.gz.gpg"), [1, 2, 3]);
        var result = PackageConverter.Run(new ConvertOptions { Input = synth.Folder, Output = Path.Combine(_temp, "out") }, GeneratedTables.All);
        Assert.True(result.Tables.Single(t => t.Table == "click_events").Written > 0);
        Assert.Contains(result.Notices, n => n.Contains("SynthX-edx-events-2099-01-01.log.gz.gpg", StringComparison.Ordinal) && n.Contains("decrypt first", StringComparison.Ordinal));
    }

    private SynthResult Synthesize(SynthStyle style, string name, long learners = 600) =>
        PackageSynthesizer.Run(new SynthOptions
        {
            Learners = learners,
            Style = style,
            Seed = 3,
            Output = Path.Combine(_temp, name, "course"),
            EventsOutput = Path.Combine(_temp, name, "events"),
        });

    private static List<string?[]> Rows(string folder, string table = "click_events")
    {
        var info = GeneratedTables.All.Single(t => t.Info.Name == table).Info;
        var rows = new List<string?[]>();
        using var reader = new DialectCsvReader(Path.Combine(folder, info.CsvFileName), info.Columns.Count);
        while (reader.Read())
        {
            rows.Add([.. reader.Values]);
        }

        return rows;
    }
}
