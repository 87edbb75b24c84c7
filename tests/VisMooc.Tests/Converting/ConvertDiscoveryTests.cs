using System.IO.Compression;
using VisMooc.Modules.Discovery;
using VisMooc.Modules.Pipeline;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Converting;

/// <summary>Issue 3, item 1: which files and courses a conversion reads.</summary>
public sealed class ConvertDiscoveryTests
{
    [Theory]
    [InlineData("HKUSTx-COMP102x-2T2014-auth_user-prod-analytics.sql", "auth_user")]
    [InlineData("HKUSTx-COMP102x-2T2014-auth_userprofile-prod-analytics.sql", "auth_userprofile")]
    [InlineData("MITx-6.00.1-x-1T2014-auth_user-prod-edge-analytics.sql", "auth_user")]        // dashes inside the course
    [InlineData("MITx-6.00.1-x-1T2014-auth_userprofile-prod-edge-analytics.sql", "auth_userprofile")]
    [InlineData("X-student_courseenrollment-edge-analytics.sql.gz", "student_courseenrollment")]
    [InlineData("X-certificates_generatedcertificate-prod-analytics.sql", "certificates_generatedcertificate")]
    [InlineData("X-course_structure-prod-analytics.json", "course_structure")]
    [InlineData("X-prod.mongo", "forum")]
    [InlineData("X-edge.mongo.gz", "forum")]
    [InlineData("X.mongo", "forum")]                                                          // older plain forum name
    [InlineData("auth_user-prod-analytics.sql", "auth_user")]                                  // MOOC-Learner-Curated's short names
    [InlineData("auth_userprofile-prod-analytics.sql", "auth_userprofile")]
    [InlineData("prod.mongo", "forum")]
    [InlineData("X-auth_user-prod-analytics.sql.gpg", null)]                                            // still encrypted
    [InlineData("X-auth_user-prod-analytics.sql.failed", null)]                                         // the exporter's traceback
    [InlineData("X-auth_user_extra-prod-analytics.sql", null)]                                          // not the auth_user token
    [InlineData("X-xauth_user-prod-analytics.sql", null)]
    [InlineData("X-auth_user-prod-analytics.json", null)]
    [InlineData("users.csv", null)]
    public void FilesAreRecognisedByTheirDashAnchoredTableToken(string name, string? kind) =>
        Assert.Equal(kind, InputDiscovery.KindOf(name)?.Name);

    [Fact]
    public void AProfileFileIsNeverTakenForAuthUser()
    {
        // -auth_user- must not match -auth_userprofile-: a course with only the profile file has no users table.
        using var h = new ConvertHarness();
        h.Write("X-P-1", "auth_userprofile-prod-analytics.sql", "id\tuser_id\tname\tlanguage\tlocation\tyear_of_birth\tlevel_of_education\tgoals\tgender\tcountry\n50\t1\tA\t\t\t\t\t\t\t\n");

        var result = h.Convert();

        Assert.Equal("*-auth_user-*.sql", ConvertHarness.Stats(result, "X-P-1", "users").MissingFile);
        Assert.Equal("", h.Csv("users"));
        Assert.Contains("X-P-1: no *-auth_user-*.sql file; skipped users", result.Notices);
    }

    [Fact]
    public void GzippedFilesGiveTheSameTablesAsPlainOnes()
    {
        using var h = new ConvertHarness();
        string plain = h.CopyFixture(ConvertHarness.OldCourse);
        string zipped = Path.Combine(h.Root, "zipped", ConvertHarness.OldCourse);
        Directory.CreateDirectory(zipped);
        foreach (string file in Directory.GetFiles(plain))
        {
            using var source = File.OpenRead(file);
            using var target = new GZipStream(File.Create(Path.Combine(zipped, Path.GetFileName(file) + ".gz")), CompressionLevel.Fastest);
            source.CopyTo(target);
        }

        h.Convert(h.Input, h.Output);
        var result = h.Convert(Path.Combine(h.Root, "zipped"), Path.Combine(h.Root, "out-gz"));

        Assert.All(result.Tables, t => Assert.All(t.Files, f => Assert.EndsWith(".gz", f, StringComparison.Ordinal)));
        foreach (string table in ConvertHarness.Tables)
        {
            Assert.Equal(h.Csv(table), h.Csv(table, Path.Combine(h.Root, "out-gz")));
        }
    }

    [Fact]
    public void AFolderOfCourseFoldersConvertsEveryCourseInOrdinalOrder()
    {
        using var h = new ConvertHarness();
        h.CopyFixture(ConvertHarness.NewCourse);
        h.CopyFixture(ConvertHarness.OldCourse);
        Directory.CreateDirectory(Path.Combine(h.Input, "empty-folder"));        // holds no package files: not a course
        File.WriteAllText(Path.Combine(h.Input, "notes.txt"), "not a course");

        var result = h.Convert();

        Assert.Equal([ConvertHarness.OldCourse, ConvertHarness.NewCourse], result.Courses.Select(c => c.Name));
        Assert.Equal(["HKUSTx/OLD101/2T2013", "course-v1:SynthX+NEW201+2099_T1"], h.Rows("courses").Select(r => r[1]));
    }

    [Fact]
    public void ACourseFolderGivenDirectlyIsOneCourse()
    {
        using var h = new ConvertHarness();
        string course = h.CopyFixture(ConvertHarness.NewCourse);

        var result = h.Convert(course);

        Assert.Equal([ConvertHarness.NewCourse], result.Courses.Select(c => c.Name));
        Assert.Equal(["course-v1:SynthX+NEW201+2099_T1"], h.Rows("courses").Select(r => r[1]));
    }

    [Theory]
    [InlineData("SynthX-*", new[] { ConvertHarness.NewCourse })]
    [InlineData("HKUSTx-OLD101-2T201?", new[] { ConvertHarness.OldCourse })]
    [InlineData("*", new[] { ConvertHarness.OldCourse, ConvertHarness.NewCourse })]
    [InlineData("hkustx-*", new string[0])]                                       // case-sensitive, like the folder names
    public void CourseSelectsCourseFoldersByNamePattern(string pattern, string[] expected)
    {
        using var h = new ConvertHarness();

        if (expected.Length == 0)
        {
            var e = Assert.Throws<ConvertException>(() => h.Convert(ConvertHarness.FixturePackages, course: pattern));
            Assert.EndsWith($"holds no course folder matching '{pattern}'", e.Message, StringComparison.Ordinal);
            Assert.False(Directory.Exists(h.Output));
            return;
        }

        var result = h.Convert(ConvertHarness.FixturePackages, course: pattern);

        Assert.Equal(expected, result.Courses.Select(c => c.Name));
        Assert.Equal(expected.Length, h.Rows("courses").Count);
    }

    [Fact]
    public void EveryFileOfAKindIsReadInOrdinalNameOrderAndTheFirstRowOfAnIdWins()
    {
        // A course may hold prod and edge exports of one table; "edge" sorts before "prod".
        using var h = new ConvertHarness();
        h.Write("X-E-1", "student_courseenrollment-prod-analytics.sql", "id\tuser_id\tcourse_id\tcreated\tis_active\n1\t7\tprod\tNULL\t1\n2\t7\tprod\tNULL\t1\n");
        h.Write("X-E-1", "student_courseenrollment-edge-analytics.sql", "id\tuser_id\tcourse_id\tcreated\tis_active\n2\t7\tedge\tNULL\t0\n3\t7\tedge\tNULL\t0\n");

        var result = h.Convert();

        Assert.Equal([("2", "edge"), ("3", "edge"), ("1", "prod")], h.Rows("enrollments").Select(r => (r[0], r[2])));
        var stats = ConvertHarness.Stats(result, "X-E-1", "enrollments");
        Assert.Equal(["X-E-1-student_courseenrollment-edge-analytics.sql", "X-E-1-student_courseenrollment-prod-analytics.sql"], stats.Files);
        Assert.Equal((4L, 3L, 1L), (stats.Read, stats.Written, stats.Duplicates));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AMissingFileSkipsItsTablesWithAWarningOrWithStrictStopsTheRun(bool strict)
    {
        using var h = new ConvertHarness();
        string course = h.CopyFixture(ConvertHarness.OldCourse);
        File.Delete(Path.Combine(course, ConvertHarness.OldCourse + "-prod.mongo"));
        File.Delete(Path.Combine(course, ConvertHarness.OldCourse + "-course_structure-prod-analytics.json"));

        if (strict)
        {
            var e = Assert.Throws<ConvertException>(() => h.Convert(strict: true));
            Assert.Matches(@"^.*HKUSTx-OLD101-2T2013: no \*(\.mongo|-course_structure-\*\.json) file \(--strict\)$", e.Message);
            Assert.Empty(ConvertHarness.FilesUnder(h.Output));
            return;
        }

        var result = h.Convert();

        Assert.Equal(
            ["HKUSTx-OLD101-2T2013: no *-course_structure-*.json file; skipped courses, course_video, videos", "HKUSTx-OLD101-2T2013: no *.mongo file; skipped forum"],
            result.Notices);
        foreach (string table in new[] { "courses", "course_video", "videos", "forum" })
        {
            Assert.Equal("", h.Csv(table));
            Assert.NotNull(ConvertHarness.Stats(result, ConvertHarness.OldCourse, table).MissingFile);
        }

        Assert.Equal(6, h.Rows("enrollments").Count);
    }

    [Fact]
    public void AMissingProfileFileStillWritesEveryUserWithoutAProfile()
    {
        using var h = new ConvertHarness();
        string course = h.CopyFixture(ConvertHarness.OldCourse);
        File.Delete(Path.Combine(course, ConvertHarness.OldCourse + "-auth_userprofile-prod-analytics.sql"));

        var result = h.Convert();

        // Nothing is skipped, so the notice says what happened instead (it used to end in "skipped ").
        Assert.Equal(["HKUSTx-OLD101-2T2013: no *-auth_userprofile-*.sql file; users written without profiles (_id user-{id})"], result.Notices);
        Assert.Equal(["user-101", "user-102", "user-103", "user-104", "user-105", "user-106", "user-109", "user-110"], h.Rows("users").Select(r => r[0]));
        Assert.Throws<ConvertException>(() => h.Convert(output: Path.Combine(h.Root, "strict"), strict: true));
    }

    [Theory]
    [InlineData("student_courseenrollment-prod-analytics.sql", "id\tuser_id\tcourse_id\tis_active\n1\t2\tx\t1\n", "missing column 'created' needed by enrollments.timestamp")]
    [InlineData("certificates_generatedcertificate-prod-analytics.sql", "id\tuser_id\tcourse_id\tcreated_date\n1\t2\tx\tNULL\n", "missing column 'grade' needed by grades.grade")]
    [InlineData("auth_user-prod-analytics.sql", "id\tuser_name\n1\tada\n", "missing column 'username' needed by users.username")]
    [InlineData("auth_userprofile-prod-analytics.sql", "id\tuser_id\tname\n1\t2\tAda\n", "missing column 'language' needed by users.language")]
    public void AFileMissingANeededColumnIsAOneLineErrorNamingFileAndColumn(string suffix, string text, string expected)
    {
        using var h = new ConvertHarness();
        h.Write("X-M-1", "auth_user-prod-analytics.sql", "id\tusername\n1\tada\n");
        h.Write("X-M-1", suffix, text);

        var e = Assert.Throws<ConvertException>(() => h.Convert());

        Assert.StartsWith("X-M-1-" + suffix + ": " + expected + " (found: ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }
}
