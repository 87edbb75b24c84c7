using System.Text;
using System.Text.Json.Nodes;
using VisMooc.Tests.Shared;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Converting;

/// <summary>
/// Every table of the two fixture courses, byte for byte, against committed snapshots. The
/// snapshots were reviewed value by value against the contract (vismooc-tables.md) and agree
/// with an independent reference written from the contract alone (tools/reference/vismooc_ref.py).
/// </summary>
/// <remarks>
/// <c>old</c> = HKUSTx-OLD101-2T2013: Gen-A TSV (raw CRs), <c>i4x://</c> keys, slash course
/// id, epoch-millisecond forum dates. <c>new</c> = SynthX-NEW201-2099_T1: Gen-B TSV (escaped CR, raw
/// NUL, a CRLF-converted file), <c>block-v1:</c> keys, <c>course-v1:</c> id, ISO and
/// <c>$numberLong</c> forum dates, <c>.gz</c> files. What each row is there for is in
/// Fixtures/Packages/README.md.
/// </remarks>
public sealed class ConvertSnapshotTests(ConvertedFixtures fixtures) : IClassFixture<ConvertedFixtures>
{
    public static TheoryData<string, string> CourseTables()
    {
        var data = new TheoryData<string, string>();
        foreach (string course in new[] { "old", "new" })
        {
            foreach (string table in ConvertHarness.Tables)
            {
                data.Add(course, table);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CourseTables))]
    public void Table(string course, string table) =>
        Snapshot.Verify(File.ReadAllText(Path.Combine(fixtures[course].Output, table + ".csv"), Encoding.UTF8), "csv", $"{course}.{table}");

    [Theory]
    [InlineData("old")]
    [InlineData("new")]
    public void Rejects(string course)
    {
        string folder = Path.Combine(fixtures[course].Output, "rejects");
        var text = new StringBuilder();
        foreach (string file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
        {
            text.Append("== rejects/").Append(Path.GetFileName(file)).Append('\n').Append(File.ReadAllText(file, Encoding.UTF8));
        }

        Snapshot.Verify(text.ToString(), "txt", course);
    }

    [Theory]
    [InlineData("old")]
    [InlineData("new")]
    [InlineData("package")]
    public void Report(string course)
    {
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(fixtures[course].Output, "report.json")))!;

        // Where the run happened and how long it took are the only parts that may differ between runs.
        Assert.True(report["elapsedSeconds"]!.GetValue<double>() >= 0);
        report["input"] = "<input>";
        report["output"] = "<output>";
        report["elapsedSeconds"] = 0;
        Snapshot.Verify(report.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), "json", course);
    }

    [Fact]
    public void APackageRunAppendsTheCoursesInOrderAndKeepsTheFirstRowOfAnIdSeenInBoth()
    {
        // Contract, Files: a run over several courses appends all courses into the same seven files;
        // Duplicates: each _id at most once per table, the first occurrence wins. Learner 101 (profile
        // 501) is in both courses, so the package has one users row for them: the old course's.
        foreach (string table in ConvertHarness.Tables)
        {
            var expected = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var course in new[] { fixtures.Old, fixtures.New })
            {
                foreach (string line in File.ReadAllLines(Path.Combine(course.Output, table + ".csv")))
                {
                    if (seen.Add(line.Split(',')[0]))
                    {
                        expected.Add(line);
                    }
                }
            }

            Assert.Equal(expected, File.ReadAllLines(Path.Combine(fixtures.Package.Output, table + ".csv")));
        }

        Assert.Single(File.ReadAllLines(Path.Combine(fixtures.Package.Output, "users.csv")), l => l.StartsWith("\"501\",", StringComparison.Ordinal));
        Assert.Equal(1, ConvertHarness.Stats(fixtures.Package.Result, ConvertHarness.NewCourse, "users").Duplicates);
        Assert.Equal(0, ConvertHarness.Stats(fixtures.New.Result, ConvertHarness.NewCourse, "users").Duplicates);
    }
}
