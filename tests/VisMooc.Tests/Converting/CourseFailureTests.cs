using System.IO.Compression;
using System.Text;
using VisMooc.Modules.Pipeline;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Converting;

/// <summary>
/// Issue 11, item 13: one course whose files cannot be read no longer stops the package: it is
/// reported as failed (exit code 4), and every other course is converted exactly as if it were
/// alone; <c>--strict</c> keeps the all-or-nothing run (exit code 1).
/// </summary>
public sealed class CourseFailureTests
{
    // Sorts between the two fixture courses, and holds the new course's enrollment rows: if any of
    // them reached a table, the new course's own rows would then count as duplicates.
    private const string Bad = "MITx-BAD1-2T2015";

    public static TheoryData<string, string> Failures => new()
    {
        { "course_structure not JSON", "MITx-BAD1-2T2015-course_structure-prod-analytics.json: line 1, column 2: invalid JSON: " },
        { "a .gz cut short", "MITx-BAD1-2T2015-prod.mongo.gz: the gzip data ends early, inside member 1: the file is incomplete (an unfinished download or copy?); get the whole file again" },
        { "CR-only line ends", "MITx-BAD1-2T2015-certificates_generatedcertificate-prod-analytics.sql: its first line holds a CR followed by more text" },
        { "a missing column", "MITx-BAD1-2T2015-auth_user-prod-analytics.sql: missing column 'username' needed by users.username" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void AnUnreadableCourseFailsAloneAndTheOthersAreConvertedAsIfAlone(string failure, string error)
    {
        using var h = new ConvertHarness();
        h.CopyFixture(ConvertHarness.OldCourse);
        string newCourse = h.CopyFixture(ConvertHarness.NewCourse);
        WriteBadCourse(h, newCourse, failure);
        using var alone = new ConvertHarness();
        alone.CopyFixture(ConvertHarness.OldCourse);
        alone.CopyFixture(ConvertHarness.NewCourse);

        var result = h.Convert();
        var expected = alone.Convert();

        Assert.Equal(ConvertOutcome.CoursesFailed, result.Outcome);
        var failed = Assert.Single(result.FailedCourses);
        Assert.Equal(Bad, failed.Course);
        Assert.Contains(error, failed.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failed.Error);
        Assert.Equal([ConvertHarness.OldCourse, ConvertHarness.NewCourse], result.Courses.Select(c => c.Name));
        foreach (string table in ConvertHarness.Tables)
        {
            Assert.Equal(alone.Csv(table), h.Csv(table));
        }

        Assert.Equal(expected.Rejected, result.Rejected);
        string report = File.ReadAllText(Path.Combine(h.Output, "report.json"));
        Assert.Contains("\"exitCode\": 4", report, StringComparison.Ordinal);
        Assert.Contains($"\"failedCourses\": [\n    {{\n      \"course\": \"{Bad}\",\n      \"error\": \"", report.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void StrictKeepsTheAllOrNothingRun()
    {
        using var h = new ConvertHarness();
        h.CopyFixture(ConvertHarness.OldCourse);
        WriteBadCourse(h, h.CopyFixture(ConvertHarness.NewCourse), "a missing column");

        var e = Assert.Throws<ConvertException>(() => h.Convert(strict: true));

        // (The bad course also lacks files, which --strict refuses too: either error may come first.)
        Assert.DoesNotContain('\n', e.Message);
        Assert.Contains(Bad, e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(h.Output) && Directory.GetFiles(h.Output, "*.csv").Length > 0, "a table was written");
    }

    [Fact]
    public void WhenNoCourseCanBeConvertedTheRunFails()
    {
        using var h = new ConvertHarness();
        string newCourse = h.CopyFixture(ConvertHarness.NewCourse);
        WriteBadCourse(h, newCourse, "a missing column");
        File.WriteAllText(Path.Combine(newCourse, ConvertHarness.NewCourse + "-course_structure-prod-analytics.json"), "{");

        var e = Assert.Throws<ConvertException>(() => h.Convert());

        Assert.Equal($"{Bad}-auth_user-prod-analytics.sql: missing column 'username' needed by users.username (found: id, name); no course could be converted (2 failed), nothing was written", e.Message);
        Assert.False(Directory.Exists(h.Output) && Directory.GetFiles(h.Output, "*.csv").Length > 0, "a table was written");
    }

    [Fact]
    public void TheToolExitsFourNamesTheCourseAndRunLoadsTheCoursesThatConverted()
    {
        using var h = new ConvertHarness();
        h.CopyFixture(ConvertHarness.OldCourse);
        WriteBadCourse(h, h.CopyFixture(ConvertHarness.NewCourse), "a missing column");

        var convert = ToolRunner.Run(["convert", h.Input, "--out", h.Output, "--quiet"]);
        var run = ToolRunner.Run(["run", h.Input, "--out", Path.Combine(h.Root, "run"), "--quiet"]);

        Assert.Equal(4, convert.ExitCode);
        Assert.Equal([$"vismooc: error: course {Bad} was not converted: {Bad}-auth_user-prod-analytics.sql: missing column 'username' needed by users.username (found: id, name)"],
            convert.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains("error", StringComparison.Ordinal)));
        Assert.Equal(4, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(h.Root, "run", "moocdb.sqlite")), run.StdErr);
        var loaded = Load.DatabaseReader.Sqlite(Path.Combine(h.Root, "run", "moocdb.sqlite"), "courses");
        Assert.Equal(2, loaded.Count);
    }

    private static void WriteBadCourse(ConvertHarness h, string newCourse, string failure)
    {
        string bad = h.Course(Bad);
        foreach (string file in Directory.GetFiles(newCourse, "*-student_courseenrollment-prod-analytics.sql"))
        {
            File.Copy(file, Path.Combine(bad, Bad + "-student_courseenrollment-prod-analytics.sql"));
        }

        h.Write(Bad, "auth_user-prod-analytics.sql", "id\tusername\n1\tada\n");
        switch (failure)
        {
            case "course_structure not JSON":
                h.Write(Bad, "course_structure-prod-analytics.json", "{]");
                break;
            case "a .gz cut short":
                var text = new StringBuilder();
                for (int i = 0; i < 5000; i++)
                {
                    text.Append("{\"_id\":{\"$oid\":\"b").Append(i).Append("\"},\"_type\":\"Comment\",\"body\":\"post ").Append(i * 7919).Append("\"}\n");
                }

                byte[] gz = Input.CheckedGzipStreamTests.Gzip(Encoding.UTF8.GetBytes(text.ToString()), CompressionLevel.Fastest);
                h.WriteBytes(Bad, "prod.mongo.gz", gz[..(gz.Length / 2)]);
                break;
            case "CR-only line ends":
                h.Write(Bad, "certificates_generatedcertificate-prod-analytics.sql", "id\tuser_id\tcourse_id\tcreated_date\tgrade\r1\t1\tx\tNULL\t0.5\r");
                break;
            case "a missing column":
                h.Write(Bad, "auth_user-prod-analytics.sql", "id\tname\n1\tada\n");
                break;
            default:
                throw new ArgumentException(failure);
        }
    }
}
