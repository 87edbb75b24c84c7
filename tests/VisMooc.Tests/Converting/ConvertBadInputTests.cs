using VisMooc.Modules.Pipeline;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Converting;

/// <summary>The contract's "Bad input" and TSV-decoding clauses, end to end through <c>PackageConverter</c>.</summary>
public sealed class ConvertBadInputTests
{
    private const string C = "SynthX-BAD1-2099_T1";
    private const string CourseStructure = """{"block-v1:SynthX+BAD1+2099_T1+type@course+block@course": {"category": "course", "children": [], "metadata": {}}}""";

    [Fact]
    public void ZeroByteAndHeaderOnlyTsvFilesAreEmptyTables()
    {
        // Contract, TSV decoding: "A 0-byte file or a header-only file is an empty table."
        // (Gen-A exports probably wrote 0 bytes for an empty result, Gen B a header line.)
        using var h = new ConvertHarness();
        h.Write(C, "auth_user-prod-analytics.sql", "");
        h.Write(C, "auth_userprofile-prod-analytics.sql", "");
        h.Write(C, "student_courseenrollment-prod-analytics.sql", "");
        h.Write(C, "certificates_generatedcertificate-prod-analytics.sql", "id\tuser_id\tcourse_id\tcreated_date\tgrade\n");
        h.Write(C, "course_structure-prod-analytics.json", CourseStructure);
        h.Write(C, "prod.mongo", "");

        var result = h.Convert();

        Assert.Equal(ConvertOutcome.Done, result.Outcome);
        foreach (var table in new[] { "users", "enrollments", "grades", "forum" })
        {
            Assert.Equal("", h.Csv(table));
            var stats = ConvertHarness.Stats(result, C, table);
            Assert.Equal((0, 0, 0), (stats.Read, stats.Written, stats.Rejected));
            Assert.Null(stats.MissingFile);
        }
    }

    [Fact]
    public void AnEmptyFirstLineFollowedByRecordsIsStillAMissingColumnError()
    {
        // Only a file with no records at all is an empty table; a file whose header line is blank
        // but which holds records names no columns, so its needed columns are missing.
        using var h = new ConvertHarness();
        h.Write(C, "student_courseenrollment-prod-analytics.sql", "\n900\t1\tx\t2099-01-01 00:00:00\t1\n");

        var e = Assert.Throws<ConvertException>(() => h.Convert());

        Assert.Contains(C + "-student_courseenrollment-prod-analytics.sql: missing column 'id'", e.Message, StringComparison.Ordinal);
    }
    [Fact]
    public void AForumLineWithBytesThatAreNotUtf8IsKeptWithReplacementCharactersAndAWarningNamingTheOffset()
    {
        // The post is data worth keeping: the bad bytes become U+FFFD (every output is UTF-8) and the
        // warning names line and byte offset, so nothing is replaced without the user being told.
        using var h = new ConvertHarness();
        byte[] forum = [.. "{\"_id\":{\"$oid\":\"a1\"},\"_type\":\"Comment\",\"body\":\"ok\"}\n{\"_id\":{\"$oid\":\"a2\"},\"_type\":\"Comment\",\"body\":\"bad "u8,
            0xFF, 0xFE, .. "\"}\n{\"_id\":{\"$oid\":\"a3\"},\"_type\":\"Comment\",\"body\":\"ok too\"}\n"u8];
        h.WriteBytes(C, "prod.mongo", forum);

        var result = h.Convert();

        Assert.Equal(ConvertOutcome.Done, result.Outcome);
        Assert.Equal(["a1", "a2", "a3"], h.Rows("forum").Select(r => r[1]));
        Assert.Equal("bad \uFFFD\uFFFD", ConvertHarness.Value("forum", h.Row("forum", "original_id", "a2"), "body"));
        Assert.Equal([C + $"-prod.mongo:2: invalid UTF-8 at byte offset {Array.IndexOf(forum, (byte)0xFF)} of the file; written as U+FFFD"],
            ConvertHarness.Stats(result, C, "forum").WarningExamples);
    }

    [Theory]
    [InlineData(new byte[] { (byte)'\\', (byte)'u', (byte)'d', (byte)'8', (byte)'0', (byte)'0' }, "a lone surrogate escape")]
    public void AForumLineThatIsNotValidJsonTextIsRejectedAndItsNeighboursKept(byte[] badText, string what)
    {
        // Contract: each line is strict JSON (RFC 8259, which is UTF-8 text of Unicode scalar values);
        // an invalid JSON line is rejected, the good rows around it are kept. It used to crash the run.
        using var h = new ConvertHarness();
        var forum = new List<byte>();
        forum.AddRange("{\"_id\":{\"$oid\":\"a1\"},\"_type\":\"Comment\",\"body\":\"ok\"}\n"u8.ToArray());
        forum.AddRange("{\"_id\":{\"$oid\":\"a2\"},\"_type\":\"Comment\",\"body\":\"bad "u8.ToArray());
        forum.AddRange(badText);
        forum.AddRange("\"}\n{\"_id\":{\"$oid\":\"a3\"},\"_type\":\"Comment\",\"body\":\"ok too\"}\n"u8.ToArray());
        h.WriteBytes(C, "prod.mongo", forum.ToArray());

        var result = h.Convert();

        Assert.Equal(ConvertOutcome.DoneWithRejects, result.Outcome);
        Assert.Equal(["a1", "a3"], h.Rows("forum").Select(r => r[1]));
        var stats = ConvertHarness.Stats(result, C, "forum");
        Assert.Equal((3L, 2L, 1L), (stats.Read, stats.Written, stats.Rejected));
        string rejects = File.ReadAllText(Path.Combine(h.Output, "rejects", "forum.tsv"));
        Assert.StartsWith("file\tline\treason\traw\n" + C + "-prod.mongo\t2\tinvalid JSON", rejects, StringComparison.Ordinal);
        Assert.True(stats.RejectExamples.Single().Contains(C + "-prod.mongo:2:", StringComparison.Ordinal), what);
    }

    [Fact]
    public void ACourseStructureThatIsNotValidUtf8IsAOneLineErrorNamingFileLineAndColumn()
    {
        // A course_structure file is one JSON document: bad JSON text stops the run with a one-line
        // error (like a syntax error), instead of an unhandled exception and its stack trace.
        using var h = new ConvertHarness();
        h.WriteBytes(C, "course_structure-prod-analytics.json",
            [.. "{\n  \"i4x://O/C/course/R\": {\"category\": \"course\", \"metadata\": {\"display_name\": \"N"u8, 0xFF, .. "\"}}}\n"u8]);

        var e = Assert.Throws<ConvertException>(() => h.Convert());

        Assert.StartsWith(C + "-course_structure-prod-analytics.json: line 2, column ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Empty(ConvertHarness.FilesUnder(h.Output));
    }
    [Fact]
    public void UnknownEscapesInAuthUserAndProfileRowsAreKeptAsTypedAndCountedAsWarnings()
    {
        // Contract, TSV decoding: "any other backslash pair (\N, \q) is kept as the two characters
        // typed and counted as a warning". Enrollments and grades counted them; users did not.
        using var h = new ConvertHarness();
        h.Write(C, "auth_user-prod-analytics.sql", "id\tusername\temail\n1\tada\tx\\q@example.invalid\n2\tbo\tbo@example.invalid\n");
        h.Write(C, "auth_userprofile-prod-analytics.sql",
            "id\tuser_id\tname\tlanguage\tlocation\tyear_of_birth\tlevel_of_education\tgoals\tgender\tcountry\n"
            + "50\t2\tBo\t\t\t1990\tb\tsee C:\\Users and \\N\tm\tZZ\n");
        h.Write(C, "student_courseenrollment-prod-analytics.sql", "id\tuser_id\tcourse_id\tcreated\tis_active\n900\t1\tx\\q\t2099-01-01 00:00:00\t1\n");

        var result = h.Convert();

        Assert.Equal(ConvertOutcome.Done, result.Outcome);
        Assert.Equal("see C:\\Users and \\N", ConvertHarness.Value("users", h.Row("users", "original_id", "2"), "bio"));
        Assert.Equal("x\\q", ConvertHarness.Value("enrollments", h.Row("enrollments", "_id", "900"), "course_id"));
        var users = ConvertHarness.Stats(result, C, "users");
        Assert.Equal(2, users.Warnings);
        Assert.Equal(
            [C + "-auth_userprofile-prod-analytics.sql:2: 2 unknown backslash escape(s) kept as typed", C + "-auth_user-prod-analytics.sql:2: 1 unknown backslash escape(s) kept as typed"],
            users.WarningExamples);
        Assert.Equal(1, ConvertHarness.Stats(result, C, "enrollments").Warnings);
    }
    [Fact]
    public void AForumDateOutsideADateWrapperIsNullWithAWarningNamingColumnAndValue()
    {
        // Contract: forum created_at/updated_at are read from the $date forms; "a value that is present
        // but cannot be parsed -> SQL NULL plus a warning naming file, line, column and the raw value".
        // A bare string or number where {"$date": ...} belongs used to become NULL silently. The raw
        // value is quoted only when it looks like a date (digits and date punctuation): a date column
        // can hold anything, an email too, and no report may carry personal data (README, Data safety).
        using var h = new ConvertHarness();
        h.Write(C, "prod.mongo",
            "{\"_id\":{\"$oid\":\"a1\"},\"_type\":\"Comment\",\"created_at\":\"2099-03-05T09:30:00Z\",\"updated_at\":4076386200000}\n"
            + "{\"_id\":{\"$oid\":\"a2\"},\"_type\":\"Comment\",\"created_at\":null,\"updated_at\":{\"$date\":4076386200000}}\n");

        var result = h.Convert();

        Assert.Equal(ConvertOutcome.Done, result.Outcome);
        Assert.Equal(new string?[] { "a1", "", "", null, null }, h.Rows("forum")[0][1..6]);
        Assert.Equal(new string?[] { null, "2099-03-05 09:30:00" }, h.Rows("forum")[1][4..6]);
        var forum = ConvertHarness.Stats(result, C, "forum");
        Assert.Equal(
            [C + "-prod.mongo:1: column 'created_at': unreadable datetime written as NULL (a value of 22 bytes, not quoted: it is not date-like and may be personal data)",
             C + "-prod.mongo:1: column 'updated_at': unreadable datetime written as NULL: '4076386200000'"],
            forum.WarningExamples);
    }

    [Fact]
    public void InvalidUtf8InATsvValueIsWrittenAsReplacementWithAWarningNamingLineColumnAndOffset()
    {
        // Gen-A files hold whatever bytes the client connection delivered. Every output must be UTF-8
        // (a utf8mb4 load refuses anything else), so the writer puts U+FFFD in place of a bad byte,
        // and the warning says exactly where it was: line, column, byte value and offset in the file.
        using var h = new ConvertHarness();
        h.WriteBytes(C, "auth_user-prod-analytics.sql", [.. "id\tusername\n1\tada\n"u8]);
        byte[] profiles = [.. "id\tuser_id\tname\tlanguage\tlocation\tyear_of_birth\tlevel_of_education\tgoals\tgender\tcountry\n50\t1\tAda\t\t\t1990\tb\tcaf"u8, 0xE9, .. "\tf\tZZ\n"u8];
        byte[] enrollments = [.. "id\tuser_id\tcourse_id\tcreated\tis_active\n900\t1\tok\tNULL\t1\n901\t1\tx"u8, 0xFF, .. "\tNULL\t1\n"u8];
        h.WriteBytes(C, "auth_userprofile-prod-analytics.sql", profiles);
        h.WriteBytes(C, "student_courseenrollment-prod-analytics.sql", enrollments);

        var result = h.Convert();

        Assert.Equal(ConvertOutcome.Done, result.Outcome);
        Assert.Equal([C + $"-student_courseenrollment-prod-analytics.sql:3: column 'course_id': invalid UTF-8 at byte offset {Array.IndexOf(enrollments, (byte)0xFF)} of the file (byte 0xFF); written as U+FFFD"],
            ConvertHarness.Stats(result, C, "enrollments").WarningExamples);
        Assert.Equal([C + $"-auth_userprofile-prod-analytics.sql:2: column 'goals': invalid UTF-8 at byte offset {Array.IndexOf(profiles, (byte)0xE9)} of the file (byte 0xE9); written as U+FFFD"],
            ConvertHarness.Stats(result, C, "users").WarningExamples);
        string csv = File.ReadAllText(Path.Combine(h.Output, "enrollments.csv"), new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true));
        Assert.Contains("\"x\uFFFD\"", csv, StringComparison.Ordinal);
        Assert.Contains("\"caf\uFFFD\"", File.ReadAllText(Path.Combine(h.Output, "users.csv"), new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true)), StringComparison.Ordinal);
    }
}
