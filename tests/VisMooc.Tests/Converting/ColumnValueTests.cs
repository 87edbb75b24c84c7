using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Staging;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Converting;

/// <summary>
/// A value its column cannot hold rejects its row, with a reason naming the column, its size and
/// the value's length, at the file and line the value came from (README "Bad input").
/// </summary>
public sealed class ColumnValueTests
{
    private const string C = "X-V-1";
    private const string ProfileHeader = "id\tuser_id\tname\tlanguage\tlocation\tyear_of_birth\tlevel_of_education\tgoals\tgender\tcountry\n";
    private const string EnrollmentHeader = "id\tuser_id\tcourse_id\tcreated\tis_active\n";

    [Fact]
    public void AProfileValueTooLongForItsColumnRejectsTheProfileAtItsOwnLineAndTheUserHasNoProfile()
    {
        // edX's own test fixtures hold country 'UKR': it used to be a warning against the auth_user
        // file's line, and then failed the whole strict MariaDB load.
        using var h = new ConvertHarness();
        h.Write(C, "auth_user-prod-analytics.sql", "id\tusername\n101\tada\n102\tbo\n");
        h.Write(C, "auth_userprofile-prod-analytics.sql", ProfileHeader
            + "51\t102\tBo\t\t\t1991\tb\t\tm\tGB\n"
            + "50\t101\tAda\t\t\t1990\tb\t\tf\tUKR\n");

        var result = h.Convert();

        var stats = ConvertHarness.Stats(result, C, "users");
        Assert.Equal([$"{C}-auth_userprofile-prod-analytics.sql:3: users.country: 3 characters, the column holds 2"], stats.RejectExamples);
        Assert.Equal(0, stats.Warnings);
        Assert.Equal([("user-101", "101", ""), ("51", "102", "GB")], h.Rows("users").Select(r => (r[0], r[1], r[10])));
        string rejects = File.ReadAllText(Path.Combine(h.Output, "rejects", "users.tsv"));
        Assert.StartsWith($"file\tline\treason\traw\n{C}-auth_userprofile-prod-analytics.sql\t3\tusers.country: 3 characters, the column holds 2\t50\\t101\\t", rejects, StringComparison.Ordinal);
        Assert.False(stats.Findings.ContainsKey("profilesWithoutUser"));
    }

    [Fact]
    public void AProfileRejectedBetweenTwoOthersLeavesTheNextProfileWhole()
    {
        // The users job packs a profile before checking it and takes it back when it fails: the
        // profile after it must be stored whole, not over or after the rejected one's bytes.
        using var h = new ConvertHarness();
        h.Write(C, "auth_user-prod-analytics.sql", "id\tusername\n101\tada\n102\tbo\n103\tcy\n");
        h.Write(C, "auth_userprofile-prod-analytics.sql", ProfileHeader
            + "51\t101\tAda\t\t\t1990\tb\t\tf\tGB\n"
            + "52\t102\tA much longer name than the others\ten\tsomewhere far\t1991\tm\tlearn\tm\tUKR\n"
            + "53\t103\tCy\t\t\t1992\tp\t\tNULL\tFR\n");

        var result = h.Convert();

        Assert.Equal(1, result.Rejected);
        Assert.Equal(
            [("51", "101", "GB"), ("user-102", "102", ""), ("53", "103", "FR")],
            h.Rows("users").Select(r => (r[0], r[1], r[10])));
        Assert.Contains("1992", h.Rows("users")[2]);
    }

    [Theory]
    // MySQL counts the characters of utf8mb4, which are code points: not bytes, not UTF-16 units.
    [InlineData("😀😀", true)]
    [InlineData("é\u0301", true)]
    [InlineData("\0\0", true)]
    [InlineData("e\u0301e", false)]
    [InlineData("😀😀😀", false)]
    [InlineData("GB ", false)]
    public void ASizedColumnCountsCodePoints(string country, bool fits)
    {
        using var h = new ConvertHarness();
        h.Write(C, "auth_user-prod-analytics.sql", "id\tusername\n101\tada\n");
        h.Write(C, "auth_userprofile-prod-analytics.sql", ProfileHeader + "50\t101\tAda\t\t\t1990\tb\t\tf\t" + country.Replace("\0", "\\0", StringComparison.Ordinal) + "\n");

        var result = h.Convert();

        Assert.Equal(fits ? country : "", h.Rows("users").Single()[10]);
        Assert.Equal(fits ? 0 : 1, result.Rejected);
        if (!fits)
        {
            int codePoints = System.Text.Encoding.UTF32.GetByteCount(country) / 4;
            Assert.EndsWith($": users.country: {codePoints} characters, the column holds 2", ConvertHarness.Stats(result, C, "users").RejectExamples.Single(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AValueTooLongForASizedColumnRejectsItsRowWithColumnSizeAndLength()
    {
        using var h = new ConvertHarness();
        h.Write(C, "certificates_generatedcertificate-prod-analytics.sql", "id\tuser_id\tcourse_id\tcreated_date\tgrade\n"
            + "1\t101\tX/V/1\t2014-01-01 00:00:00\t0.8700000000000001\n"
            + "2\t101\tX/V/1\t2014-01-01 00:00:00\t" + new string('7', 33) + "\n"
            + "3\t101\tX/V/1\t2014-01-01 00:00:00\t" + new string('7', 32) + "\n");

        var result = h.Convert();

        Assert.Equal(["1", "3"], h.Rows("grades").Select(r => r[0]));
        Assert.Equal([$"{C}-certificates_generatedcertificate-prod-analytics.sql:3: grades.grade: 33 characters, the column holds 32"],
            ConvertHarness.Stats(result, C, "grades").RejectExamples);
        Assert.Equal(ConvertOutcome.DoneWithRejects, result.Outcome);
    }

    [Theory]
    [InlineData("1", null)]
    [InlineData("0", null)]
    [InlineData("yes", "a value of 3 characters (not quoted) is not 0 or 1")]
    [InlineData("2", "2 is not 0 or 1")]
    [InlineData("01", "01 is not 0 or 1")]
    [InlineData("-1", "-1 is not 0 or 1")]
    [InlineData("NULL", "NULL is not 0 or 1")]
    [InlineData("", "the empty string is not 0 or 1")]
    public void EnrollmentsActionHoldsZeroOrOneAndAnyOtherIsActiveRejectsTheRow(string isActive, string? problem)
    {
        // 'yes' used to be copied: SQLite stored text in the TINYINT column, MariaDB refused the whole load.
        using var h = new ConvertHarness();
        h.Write(C, "student_courseenrollment-prod-analytics.sql", EnrollmentHeader + $"1\t101\tX/V/1\t2014-01-01 00:00:00\t{isActive}\n");

        var result = h.Convert();

        var stats = ConvertHarness.Stats(result, C, "enrollments");
        Assert.Equal(problem is null ? [isActive] : [], h.Rows("enrollments").Select(r => r[4]));
        Assert.Equal(problem is null ? [] : [$"{C}-student_courseenrollment-prod-analytics.sql:2: enrollments.action: {problem}"], stats.RejectExamples);
    }

    [Theory]
    [InlineData("1000-01-01 00:00:00", "1000-01-01 00:00:00", null)]
    [InlineData("9999-12-31 23:59:59.999", "9999-12-31 23:59:59", null)]
    [InlineData("0999-12-31 23:59:59", null, "datetime 0999-12-31 23:59:59 is outside the years 1000 to 9999 that a MySQL datetime holds; written as NULL")]
    [InlineData("0001-01-01T00:00:00Z", null, "datetime 0001-01-01 00:00:00 is outside the years 1000 to 9999 that a MySQL datetime holds; written as NULL")]
    public void ADatetimeOutsideTheYearsMySqlHoldsIsNullWithAWarningLikeAnUnreadableOne(string created, string? written, string? warning)
    {
        using var h = new ConvertHarness();
        h.Write(C, "student_courseenrollment-prod-analytics.sql", EnrollmentHeader + $"1\t101\tX/V/1\t{created}\t1\n");

        var result = h.Convert();

        Assert.Equal([written], h.Rows("enrollments").Select(r => r[3]));
        Assert.Equal(warning is null ? [] : [$"{C}-student_courseenrollment-prod-analytics.sql:2: column 'timestamp': {warning}"],
            ConvertHarness.Stats(result, C, "enrollments").WarningExamples);
        Assert.Equal(0, result.Rejected);
    }

    [Fact]
    public void AForumDateBeforeTheYear1000FromEpochMillisecondsIsNullWithAWarning()
    {
        using var h = new ConvertHarness();
        h.Write(C, "prod.mongo", "{\"_id\":{\"$oid\":\"a1\"},\"_type\":\"Comment\",\"created_at\":{\"$date\":-31000000000000},\"updated_at\":{\"$date\":-30610224000000}}\n");

        var result = h.Convert();

        var row = h.Rows("forum").Single();
        Assert.Equal(((string?)null, "1000-01-01 00:00:00"), (row[4], row[5]));
        Assert.Equal([$"{C}-prod.mongo:1: column 'created_at': datetime 0987-08-25 16:53:20 is outside the years 1000 to 9999 that a MySQL datetime holds; written as NULL"],
            ConvertHarness.Stats(result, C, "forum").WarningExamples);
    }

    [Fact]
    public void ACourseStartBeforeTheYear1000IsNoStartForItsYearEither()
    {
        using var h = new ConvertHarness();
        h.Write(C, "course_structure-prod-analytics.json",
            "{\"i4x://X/V/course/1\": {\"category\": \"course\", \"children\": [], \"metadata\": {\"start\": \"0999-06-01T00:00:00Z\", \"end\": \"1000-01-01T00:00:00Z\"}}}\n");

        var result = h.Convert();

        var course = h.Rows("courses").Single();
        Assert.Equal(("", (string?)null, "1000-01-01 00:00:00"), (course[3], course[7], course[8]));
        Assert.Single(ConvertHarness.Stats(result, C, "courses").WarningExamples, w => w.EndsWith("column 'start_date': datetime 0999-06-01 00:00:00 is outside the years 1000 to 9999 that a MySQL datetime holds; written as NULL", StringComparison.Ordinal));
    }

    [Fact]
    public void DuplicatesAreCountedAndTheFirstFewAreNamedByFileLineAndId()
    {
        using var h = new ConvertHarness();
        h.Write(C, "student_courseenrollment-prod-analytics.sql", EnrollmentHeader
            + "1\t101\tX/V/1\tNULL\t1\n"
            + "2\t102\tX/V/1\tNULL\t1\n"
            + "1\t103\tX/V/1\tNULL\t0\n"
            + "2\t104\tX/V/1\tNULL\t0\n");
        h.Write(C, "auth_user-prod-analytics.sql", "id\tusername\n101\tada\n101\tada\n");

        var result = h.Convert();

        var enrollments = ConvertHarness.Stats(result, C, "enrollments");
        Assert.Equal(2, enrollments.Duplicates);
        var finding = enrollments.Findings[TableOutput.DuplicateIds];
        Assert.Equal(2, finding.Count);
        Assert.Equal(
            [$"{C}-student_courseenrollment-prod-analytics.sql:4: _id 1, already written (the first is kept)", $"{C}-student_courseenrollment-prod-analytics.sql:5: _id 2, already written (the first is kept)"],
            finding.Examples);
        Assert.Equal([$"{C}-auth_user-prod-analytics.sql:3: _id user-101, already written (the first is kept)"], ConvertHarness.Stats(result, C, "users").Findings[TableOutput.DuplicateIds].Examples);

        // The console summary names them too (standard error, with the other findings).
        var run = ToolRunner.Run(["convert", h.Input, "--out", Path.Combine(h.Root, "cli")]);
        Assert.Contains($"vismooc: note (enrollments, {C}): 2 duplicateIds, e.g. {C}-student_courseenrollment-prod-analytics.sql:4: _id 1, already written (the first is kept)", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void ADuplicateIdThatIsNotAnIdIsCountedButNotQuoted()
    {
        using var h = new ConvertHarness();
        h.Write(C, "student_courseenrollment-prod-analytics.sql", EnrollmentHeader
            + "ada@mail.invalid\t101\tX/V/1\tNULL\t1\n"
            + "ada@mail.invalid\t101\tX/V/1\tNULL\t1\n");

        var result = h.Convert();

        Assert.Equal(
            [$"{C}-student_courseenrollment-prod-analytics.sql:3: _id a value of 16 characters (not quoted), already written (the first is kept)"],
            ConvertHarness.Stats(result, C, "enrollments").Findings[TableOutput.DuplicateIds].Examples);
    }
}
