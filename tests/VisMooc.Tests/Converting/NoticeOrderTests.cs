using System.Text.Json.Nodes;
using VisMooc.Modules.Reporting;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Converting;

/// <summary>
/// The notices of report.json come in one order, whichever job (they run in parallel) raised its
/// notice first: the run's own as raised, then by course, input kind name and text.
/// </summary>
public sealed class NoticeOrderTests
{
    [Fact]
    public void NoticesAreInOneOrderWhateverOrderTheyWereRaisedIn()
    {
        RunNotice[] raised =
        [
            new(-1, "", 1, "out: cannot lock this folder"),
            new(-1, "", 2, "B: b.sql.gpg was not read"),
            new(-1, "", 3, "A: a.sql.gpg was not read"),
            new(1, "forum", 4, "B: no *.mongo file; skipped forum"),
            new(0, "tracking_log", 5, "A: no course structure, so its click events cannot be told apart"),
            new(0, "course_structure", 6, "A: no *-course_structure-*.json file; skipped courses"),
            new(1, "certificates_generatedcertificate", 7, "B: no *-certificates_generatedcertificate-*.sql file; skipped grades"),
            new(0, "certificates_generatedcertificate", 8, "A: no *-certificates_generatedcertificate-*.sql file; skipped grades"),
            new(1, "auth_user", 9, "B: no *-auth_user-*.sql file; skipped users (b)"),
            new(1, "auth_user", 10, "B: no *-auth_user-*.sql file; skipped users (a)"),
        ];
        string[] expected =
        [
            "out: cannot lock this folder",
            "B: b.sql.gpg was not read",
            "A: a.sql.gpg was not read",
            "A: no *-certificates_generatedcertificate-*.sql file; skipped grades",
            "A: no *-course_structure-*.json file; skipped courses",
            "A: no course structure, so its click events cannot be told apart",
            "B: no *-auth_user-*.sql file; skipped users (a)",
            "B: no *-auth_user-*.sql file; skipped users (b)",
            "B: no *-certificates_generatedcertificate-*.sql file; skipped grades",
            "B: no *.mongo file; skipped forum",
        ];

        for (int seed = 0; seed < 50; seed++)
        {
            // The jobs' notices arrive in any order; the run's own come first, one after another.
            var shuffled = raised.ToArray();
            new Random(seed).Shuffle(shuffled.AsSpan(3));
            Assert.Equal(expected, NoticeOrder.Sort(shuffled));
            new Random(seed).Shuffle(shuffled);
            Assert.Equal(expected, NoticeOrder.Sort(shuffled));
        }
    }

    [Fact]
    public void OneThreadAndManyWriteTheSameReport()
    {
        // With one thread the jobs run one after another, the course-tree job first; with many, in any order.
        using var h = new ConvertHarness();
        string old = h.CopyFixture(ConvertHarness.OldCourse);
        string synth = h.CopyFixture(ConvertHarness.NewCourse);
        File.Delete(Path.Combine(old, ConvertHarness.OldCourse + "-course_structure-prod-analytics.json"));
        File.Delete(Path.Combine(old, ConvertHarness.OldCourse + "-certificates_generatedcertificate-prod-analytics.sql"));
        File.Delete(Path.Combine(synth, ConvertHarness.NewCourse + "-prod.mongo.gz"));
        File.Delete(Path.Combine(synth, ConvertHarness.NewCourse + "-certificates_generatedcertificate-prod-analytics.sql"));

        string one = Path.Combine(h.Root, "one");
        string many = Path.Combine(h.Root, "many");
        var result = h.Convert(output: one, threads: 1);
        h.Convert(output: many, threads: 8);

        Assert.Equal(
            [
                "HKUSTx-OLD101-2T2013: no *-certificates_generatedcertificate-*.sql file; skipped grades",
                "HKUSTx-OLD101-2T2013: no *-course_structure-*.json file; skipped courses, course_video, videos",
                "SynthX-NEW201-2099_T1: no *-certificates_generatedcertificate-*.sql file; skipped grades",
                "SynthX-NEW201-2099_T1: no *.mongo file; skipped forum",
            ],
            result.Notices.Where(n => !n.Contains("was not read", StringComparison.Ordinal)));
        Assert.Equal(Report(one), Report(many));
    }

    /// <summary>report.json without what differs from run to run (the output folder, the time taken).</summary>
    private static string Report(string folder)
    {
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "report.json")))!.AsObject();
        report.Remove("output");
        report.Remove("elapsedSeconds");
        return report.ToJsonString();
    }
}
