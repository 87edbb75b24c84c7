using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Staging;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Converting;

/// <summary>Issue 3, items 1 and 5: <c>--out</c> reused, outputs that never carry a final name half-written, same bytes every time.</summary>
public sealed class ConvertOutputFolderTests
{
    private const string Clean = "SynthX-CLEAN1-2099_T1";

    private static void WriteCleanCourse(ConvertHarness h)
    {
        h.Write(Clean, "auth_user-prod-analytics.sql", "id\tusername\n1\tada\n");
        h.Write(Clean, "student_courseenrollment-prod-analytics.sql", "id\tuser_id\tcourse_id\tcreated\tis_active\n900\t1\tcourse-v1:SynthX+CLEAN1+2099_T1\t2099-01-01 00:00:00\t1\n");
    }

    private static Dictionary<string, byte[]> Contents(string folder) =>
        ConvertHarness.FilesUnder(folder).ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(folder, f)), StringComparer.Ordinal);

    [Fact]
    public void AnOutputFolderFromAnEarlierRunHasItsTablesReportAndRejectsReplaced()
    {
        using var h = new ConvertHarness();
        h.Convert(Path.Combine(ConvertHarness.FixturePackages, ConvertHarness.OldCourse));
        Assert.Equal(4, Directory.GetFiles(Path.Combine(h.Output, "rejects")).Length);
        File.WriteAllText(Path.Combine(h.Output, "moocdb.sqlite"), "not ours to touch");
        WriteCleanCourse(h);

        var result = h.Convert();

        Assert.Equal(ConvertOutcome.Done, result.Outcome);
        Assert.Equal(["moocdb.sqlite", "course_video.csv", "courses.csv", "enrollments.csv", "forum.csv", "grades.csv", "report.json", "users.csv", "videos.csv"],
            ConvertHarness.FilesUnder(h.Output).OrderBy(f => f == "moocdb.sqlite" ? 0 : 1).ThenBy(f => f, StringComparer.Ordinal));
        Assert.StartsWith("\"user-1\",\"1\",\"", h.Csv("users"), StringComparison.Ordinal);
        Assert.Single(h.Rows("users"));
        Assert.Equal("", h.Csv("videos"));                    // this run has no course_structure: the old videos are gone too
        Assert.Equal("not ours to touch", File.ReadAllText(Path.Combine(h.Output, "moocdb.sqlite")));
        Assert.Contains("\"course\": \"" + Clean + "\"", File.ReadAllText(Path.Combine(h.Output, "report.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void AFailedRunLeavesThePreviousOutputsByteForByteAndNoPartialFile()
    {
        using var h = new ConvertHarness();
        h.Convert(Path.Combine(ConvertHarness.FixturePackages, ConvertHarness.OldCourse));
        var before = Contents(h.Output);

        // The new input fails on the grades file (no grade column) while the other tables are being written.
        string course = h.CopyFixture(ConvertHarness.NewCourse);
        File.WriteAllText(Path.Combine(course, ConvertHarness.NewCourse + "-certificates_generatedcertificate-prod-analytics.sql"), "id\tuser_id\tcourse_id\tcreated_date\n31\t201\tx\tNULL\n");
        var e = Assert.Throws<ConvertException>(() => h.Convert(threads: 4));

        Assert.Contains("missing column 'grade'", e.Message, StringComparison.Ordinal);
        var after = Contents(h.Output);
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(before, p => Assert.True(p.Value.AsSpan().SequenceEqual(after[p.Key]), p.Key + " changed"));
    }

    [Fact]
    public void AFailedRunIntoANewFolderLeavesNoFileWithAFinalName()
    {
        using var h = new ConvertHarness();
        string course = h.CopyFixture(ConvertHarness.OldCourse);
        File.WriteAllText(Path.Combine(course, ConvertHarness.OldCourse + "-auth_userprofile-prod-analytics.sql"), "id\tuser_id\n1\t2\n");

        Assert.Throws<ConvertException>(() => h.Convert(threads: 4));

        Assert.Empty(ConvertHarness.FilesUnder(h.Output));
    }

    [Fact]
    public void PartialFilesLeftByAnInterruptedRunAreRemovedAndNeverTakeAFinalName()
    {
        // A killed run leaves only .vismooc-partial-* files (they are renamed when the whole run has
        // succeeded); the next run clears them and writes its own.
        using var h = new ConvertHarness();
        Directory.CreateDirectory(Path.Combine(h.Output, "rejects"));
        File.WriteAllText(Path.Combine(h.Output, TableOutput.PartialPrefix + "users.csv"), "\"half a row");
        File.WriteAllText(Path.Combine(h.Output, "rejects", TableOutput.PartialPrefix + "users.tsv"), "file\tline");
        WriteCleanCourse(h);

        h.Convert();

        Assert.DoesNotContain(ConvertHarness.FilesUnder(h.Output), f => Path.GetFileName(f).StartsWith(TableOutput.PartialPrefix, StringComparison.Ordinal));
        Assert.Single(h.Rows("users"));
    }

    [Fact]
    public void AnOutputPathThatIsAFileIsAOneLineError()
    {
        using var h = new ConvertHarness();
        WriteCleanCourse(h);
        string file = Path.Combine(h.Root, "a-file");
        File.WriteAllText(file, "");

        var e = Assert.Throws<ConvertException>(() => h.Convert(output: file));

        Assert.StartsWith(file + ": cannot write the output folder", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void TheSameInputGivesTheSameBytesWithAnyNumberOfThreads()
    {
        using var h = new ConvertHarness();
        string one = Path.Combine(h.Root, "one");
        string many = Path.Combine(h.Root, "many");
        h.Convert(ConvertHarness.FixturePackages, one, threads: 1);
        h.Convert(ConvertHarness.FixturePackages, many, threads: 8);

        var a = Contents(one);
        var b = Contents(many);
        a.Remove("report.json");   // records the time taken and the folder
        b.Remove("report.json");
        Assert.Equal(a.Keys, b.Keys);
        Assert.All(a, p => Assert.True(p.Value.AsSpan().SequenceEqual(b[p.Key]), p.Key + " differs"));
    }
}
