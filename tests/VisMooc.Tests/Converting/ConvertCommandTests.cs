using VisMooc.Tests.Support;

namespace VisMooc.Tests.Converting;

/// <summary><c>vismooc convert</c> run as a user runs it (a child process): exit codes, one-line errors, warnings.</summary>
public sealed class ConvertCommandTests
{
    private const string C = "SynthX-CMD1-2099_T1";

    private static void WriteCleanCourse(ConvertHarness h)
    {
        h.Write(C, "auth_user-prod-analytics.sql", "id\tusername\n1\tada\n");
        h.Write(C, "auth_userprofile-prod-analytics.sql", "id\tuser_id\tname\tlanguage\tlocation\tyear_of_birth\tlevel_of_education\tgoals\tgender\tcountry\n50\t1\tAda\t\t\t1990\tb\t\tf\tZZ\n");
        h.Write(C, "student_courseenrollment-prod-analytics.sql", "id\tuser_id\tcourse_id\tcreated\tis_active\n900\t1\tcourse-v1:SynthX+CMD1+2099_T1\t2099-01-01 00:00:00\t1\n");
        h.Write(C, "certificates_generatedcertificate-prod-analytics.sql", "id\tuser_id\tcourse_id\tcreated_date\tgrade\n31\t1\tcourse-v1:SynthX+CMD1+2099_T1\t2099-06-01 00:00:00\t0.5\n");
        h.Write(C, "course_structure-prod-analytics.json", """
            {"block-v1:SynthX+CMD1+2099_T1+type@course+block@course": {"category": "course", "children": ["block-v1:SynthX+CMD1+2099_T1+type@video+block@v1"], "metadata": {"start": "2099-01-01T00:00:00Z"}},
             "block-v1:SynthX+CMD1+2099_T1+type@video+block@v1": {"category": "video", "children": [], "metadata": {"display_name": "Intro"}}}
            """);
        h.Write(C, "prod.mongo", "{\"_id\":{\"$oid\":\"a1\"},\"_type\":\"CommentThread\",\"author_id\":\"1\",\"course_id\":\"course-v1:SynthX+CMD1+2099_T1\"}\n");
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void ACleanRunExitsZeroAndPrintsTheCountsOfEveryTable()
    {
        using var h = new ConvertHarness();
        WriteCleanCourse(h);

        var run = ToolRunner.Run(["convert", h.Input, "--out", h.Output]);

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.Equal("", run.StdErr);
        var lines = Lines(run.StdOut);
        Assert.Matches(@"^course\s+table\s+read\s+written\s+rejected\s+duplicates\s+warnings$", lines[0]);
        foreach (string table in ConvertHarness.Tables)
        {
            Assert.Single(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, $@"^{C}\s+{table}\s+1\s+1\s+0\s+0\s+0$"));
        }

        Assert.Matches(@"^total\s+7\s+7\s+0\s+0\s+0$", lines[^2]);
        Assert.Matches(@"^wrote .+ \(report\.json\) in \d+\.\d\d s$", lines[^1]);
    }

    [Fact]
    public void RejectedRowsGiveExitCodeThreeAndAreNamedOnStandardError()
    {
        using var h = new ConvertHarness();
        WriteCleanCourse(h);
        h.Write(C, "student_courseenrollment-prod-analytics.sql", "id\tuser_id\tcourse_id\tcreated\tis_active\n900\t1\tcourse-v1:SynthX+CMD1+2099_T1\t2099-01-01 00:00:00\t1\n901\t1\tx\t1\n902\t1\tSynthX/CMD1/2099_T1\tNULL\t0\n");

        var run = ToolRunner.Run(["convert", h.Input, "--out", h.Output]);

        Assert.Equal(3, run.ExitCode);
        Assert.Equal([$"vismooc: rejected (enrollments): {C}-student_courseenrollment-prod-analytics.sql:3: expected 5 fields, found 4"], Lines(run.StdErr));
        Assert.Equal(["900", "902"], h.Rows("enrollments").Select(r => r[0]));
        Assert.Equal($"file\tline\treason\traw\n{C}-student_courseenrollment-prod-analytics.sql\t3\texpected 5 fields, found 4\t901\\t***\\t***\\t***\n",
            File.ReadAllText(Path.Combine(h.Output, "rejects", "enrollments.tsv")));
    }

    [Fact]
    public void JsonPrintsTheReportThatReportJsonHolds()
    {
        using var h = new ConvertHarness();
        WriteCleanCourse(h);

        var run = ToolRunner.Run(["convert", h.Input, "--out", h.Output, "--json"]);

        Assert.Equal(0, run.ExitCode);
        using var printed = System.Text.Json.JsonDocument.Parse(run.StdOut);
        using var file = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(h.Output, "report.json")));
        Assert.Equal(file.RootElement.GetProperty("totals").GetRawText(), printed.RootElement.GetProperty("totals").GetRawText());
        Assert.Equal(7, printed.RootElement.GetProperty("totals").GetProperty("written").GetInt32());
    }

    [Fact]
    public void AMissingFileIsAWarningNamingItAndWithStrictAOneLineErrorWithExitCodeOne()
    {
        using var h = new ConvertHarness();
        WriteCleanCourse(h);
        File.Delete(Path.Combine(h.Course(C), C + "-prod.mongo"));

        var lenient = ToolRunner.Run(["convert", h.Input, "--out", h.Output]);
        var strict = ToolRunner.Run(["convert", h.Input, "--out", Path.Combine(h.Root, "strict"), "--strict"]);

        Assert.Equal(0, lenient.ExitCode);
        Assert.Equal([$"vismooc: warning: {C}: no *.mongo file; skipped forum"], Lines(lenient.StdErr));
        Assert.Single(Lines(lenient.StdOut), l => System.Text.RegularExpressions.Regex.IsMatch(l, $@"^{C}\s+forum\s+-\s+-\s+-\s+-\s+-\s+\(no \*\.mongo\)$"));
        Assert.Equal(1, strict.ExitCode);
        Assert.Equal([$"vismooc: error: {h.Course(C)}: no *.mongo file (--strict)"], Lines(strict.StdErr));
        Assert.False(Directory.Exists(Path.Combine(h.Root, "strict")) && ConvertHarness.FilesUnder(Path.Combine(h.Root, "strict")).Count > 0);
    }

    [Fact]
    public void QuietPrintsErrorsOnlySoWarningsAreInTheReportAlone()
    {
        using var h = new ConvertHarness();
        WriteCleanCourse(h);
        File.Delete(Path.Combine(h.Course(C), C + "-prod.mongo"));

        var run = ToolRunner.Run(["convert", h.Input, "--out", h.Output, "--quiet"]);

        Assert.Equal((0, "", ""), (run.ExitCode, run.StdOut, run.RawStdErr));
        Assert.Contains($"{C}: no *.mongo file; skipped forum", File.ReadAllText(Path.Combine(h.Output, "report.json")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing-column")]
    [InlineData("no-such-folder")]
    [InlineData("no-course-files")]
    public void FailuresExitOneWithOneLineOnStandardErrorNamingTheFileAndTheProblem(string failure)
    {
        using var h = new ConvertHarness();
        WriteCleanCourse(h);
        string input = h.Input;
        string expected;
        switch (failure)
        {
            case "missing-column":
                h.Write(C, "student_courseenrollment-prod-analytics.sql", "id\tuser_id\tcourse_id\tis_active\n900\t1\tx\t1\n");
                expected = $"vismooc: error: {C}-student_courseenrollment-prod-analytics.sql: missing column 'created' needed by enrollments.timestamp (found: id, user_id, course_id, is_active)";
                break;
            case "no-such-folder":
                input = Path.Combine(h.Root, "nowhere");
                expected = $"vismooc: error: {input}: no such folder";
                break;
            default:
                input = Path.Combine(h.Root, "empty");
                Directory.CreateDirectory(input);
                expected = $"vismooc: error: {input}: holds no edX package files (*-auth_user-*.sql, *-course_structure-*.json, *.mongo, …) and no course folders with them";
                break;
        }

        var run = ToolRunner.Run(["convert", input, "--out", h.Output]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal([expected], Lines(run.StdErr));
        Assert.Equal("", run.StdOut);
        Assert.False(Directory.Exists(h.Output) && ConvertHarness.FilesUnder(h.Output).Count > 0);
    }

    [Theory]
    [InlineData("vismooc: convert: unknown option '--bogus'", "--bogus")]
    [InlineData("vismooc: convert: --format: 'xml' is not one of mysql, rfc4180, parquet", "--format", "xml")]
    [InlineData("vismooc: convert: --threads: 'many' is not a whole number from 1 to 8 (at most 4 per core, and this machine has 2)", "--threads", "many")]
    [InlineData("vismooc: convert: INPUT is missing (a course folder, or a folder of course folders)", "(no INPUT)")]
    public void UsageErrorsExitTwoWithTheProblemAndWhereToReadMore(string message, params string[] extra)
    {
        using var h = new ConvertHarness();
        WriteCleanCourse(h);
        var args = new List<string> { "convert" };
        if (extra[0] != "(no INPUT)")
        {
            args.Add(h.Input);
        }

        args.AddRange(["--out", h.Output]);
        args.AddRange(extra.Where(e => !e.StartsWith('(')));

        var run = ToolRunner.Run(args, new Dictionary<string, string?> { ["DOTNET_PROCESSOR_COUNT"] = "2" });

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([message, "Try 'vismooc convert --help'."], Lines(run.StdErr));
        Assert.False(Directory.Exists(h.Output));
    }

    [Fact]
    public void AUserWithoutProfileAndAHugeIdIsRejectedWithoutCrashingTheProcess()
    {
        // users._id is user-{auth_user.id} for a user without a profile. That id was built on the
        // stack, so a 16 MB id field (hostile or broken input) overflowed it and killed the process.
        // It is converted whole, then rejected: no column holds it.
        using var h = new ConvertHarness();
        string id = new('7', 16 * 1024 * 1024);
        h.Write(C, "auth_user-prod-analytics.sql", "id\tusername\n" + id + "\tada\n2\tbo\n");

        var run = ToolRunner.Run(["convert", h.Input, "--out", h.Output, "--quiet"]);

        Assert.True(run.ExitCode == 3, $"exit {run.ExitCode}: {run.StdErr[..Math.Min(run.StdErr.Length, 400)]}");
        Assert.Equal([("user-2", "2")], h.Rows("users").Select(r => (r[0], r[1])));
        string rejects = File.ReadAllText(Path.Combine(h.Output, "rejects", "users.tsv"));
        Assert.Contains($"\t2\tusers._id: {id.Length + 5} characters, the column holds 255\t", rejects, StringComparison.Ordinal);
        Assert.True(rejects.Length < 1000, "the id is not copied into the rejects file: 16 MB of digits is no id");
    }
}
