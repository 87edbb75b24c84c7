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

        Assert.Equal(0, result.ExitCode);
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

        var e = Assert.Throws<VisMooc.Modules.Convert.ConvertException>(() => h.Convert());

        Assert.Contains(C + "-student_courseenrollment-prod-analytics.sql: missing column 'id'", e.Message, StringComparison.Ordinal);
    }
}
