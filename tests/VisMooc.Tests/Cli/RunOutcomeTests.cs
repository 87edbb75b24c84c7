using System.Text.Json;
using VisMooc.Tests.Load;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Cli;

/// <summary>
/// What <c>vismooc run</c> prints about its two steps: one JSON document with <c>--json</c>, and,
/// when the load fails after a good conversion, where the tables are and the exact command that loads them.
/// </summary>
public sealed class RunOutcomeTests
{
    private static string Sample => Path.Combine(RepoPaths.Root, "samples", "HKUSTx-COMP102x-2T2014");

    [Fact]
    public void JsonIsOneDocumentHoldingTheReportAndTheLoad()
    {
        using var temp = new LoadFixtures.TempFolder();
        string output = Path.Combine(temp.Path, "out");

        var run = ToolRunner.Run(["run", Sample, "--out", output, "--json"]);

        Assert.True(run.ExitCode == 0, run.StdErr);
        using var document = JsonDocument.Parse(run.StdOut);
        var root = document.RootElement;
        Assert.Equal(["exitCode", "convert", "load"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, root.GetProperty("exitCode").GetInt32());
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "report.json")));
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(
            System.Text.Json.Nodes.JsonNode.Parse(report.RootElement.GetProperty("courses").GetRawText()),
            System.Text.Json.Nodes.JsonNode.Parse(root.GetProperty("convert").GetProperty("courses").GetRawText())), "convert differs from report.json");
        var load = root.GetProperty("load");
        Assert.Equal("sqlite:" + Path.Combine(output, "moocdb.sqlite"), load.GetProperty("target").GetString());
        Assert.Equal("ignore", load.GetProperty("mode").GetString());
        Assert.Equal(
            root.GetProperty("convert").GetProperty("totals").GetProperty("written").GetInt64(),
            load.GetProperty("tables").EnumerateArray().Sum(t => t.GetProperty("rows").GetInt64()));
    }

    [Fact]
    public void AFailedLoadSaysWhereTheTablesAreAndHowToLoadThem()
    {
        using var temp = new LoadFixtures.TempFolder();
        string output = Path.Combine(temp.Path, "out dir");
        string blocker = Path.Combine(temp.Path, "not-a-folder");
        File.WriteAllText(blocker, "");
        string db = Path.Combine(blocker, "moocdb.sqlite");

        var run = ToolRunner.Run(["run", Sample, "--out", output, "--db", "sqlite:" + db, "--mode", "replace"]);

        Assert.Equal(1, run.ExitCode);
        var lines = run.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("vismooc: error: ", lines[^2], StringComparison.Ordinal);
        Assert.Equal($"vismooc: the converted tables are in {output}; to load them, run: vismooc load '{output}' --db sqlite:{db} --mode replace", lines[^1]);
        Assert.True(File.Exists(Path.Combine(output, "users.csv")));
    }

    [Fact]
    public void AFailedMySqlLoadNamesTheTargetWithoutPasswordAndWhereThePasswordGoes()
    {
        using var temp = new LoadFixtures.TempFolder();
        string output = Path.Combine(temp.Path, "out");

        // Port 1 on the loopback: nothing listens, the connection is refused at once.
        var run = ToolRunner.Run(["run", Sample, "--out", output, "--db", "mysql://moocdb@127.0.0.1:1/moocdb", "--json"], new Dictionary<string, string?> { ["VISMOOC_DB_PASSWORD"] = "s3cret-pw" });

        Assert.Equal(1, run.ExitCode);
        string resume = $"vismooc load {output} --db mysql://moocdb@127.0.0.1:1/moocdb";
        Assert.Equal($"vismooc: the converted tables are in {output}; to load them, run: {resume} (with the password in VISMOOC_DB_PASSWORD)", run.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
        using var document = JsonDocument.Parse(run.StdOut);
        var load = document.RootElement.GetProperty("load");
        Assert.Equal(1, document.RootElement.GetProperty("exitCode").GetInt32());
        Assert.Equal(resume, load.GetProperty("resume").GetString());
        Assert.False(string.IsNullOrEmpty(load.GetProperty("error").GetString()));
        Assert.DoesNotContain("s3cret-pw", run.StdOut + run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void AWrongTargetIsAUsageErrorBeforeAnythingIsConverted()
    {
        using var temp = new LoadFixtures.TempFolder();

        var run = ToolRunner.Run(["run", Sample, "--out", "out", "--db", "postgres://moocdb@localhost/moocdb"], workingDirectory: temp.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("vismooc: --db: ", run.StdErr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void LoadJsonDescribesAFailedLoadToo()
    {
        using var temp = new LoadFixtures.TempFolder();
        string output = Path.Combine(temp.Path, "out");
        Assert.Equal(0, ToolRunner.Run(["convert", Sample, "--out", output, "--quiet"]).ExitCode);
        string blocker = Path.Combine(temp.Path, "not-a-folder");
        File.WriteAllText(blocker, "");

        var load = ToolRunner.Run(["load", output, "--db", "sqlite:" + Path.Combine(blocker, "db.sqlite"), "--json"]);

        Assert.Equal(1, load.ExitCode);
        using var document = JsonDocument.Parse(load.StdOut);
        Assert.Equal(["target", "mode", "error"], document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("vismooc: error: " + document.RootElement.GetProperty("error").GetString(), load.StdErr.TrimEnd('\n'));
    }

    [Fact]
    public void JsonWithAConfigThatOnlyConvertsHasNoLoad()
    {
        using var temp = new LoadFixtures.TempFolder();
        string config = Path.Combine(temp.Path, "config.yml");
        string input = Path.Combine(temp.Path, "data", "C", "logs", "vismooc");
        Directory.CreateDirectory(input);
        foreach (string file in Directory.GetFiles(Sample))
        {
            File.Copy(file, Path.Combine(input, Path.GetFileName(file)));
        }

        string Name(string token) => Path.GetFileName(Directory.GetFiles(Sample).Single(f => f.Contains(token, StringComparison.Ordinal)));
        File.WriteAllText(config, $"""
            data_file:
              data_dir: {Path.Combine(temp.Path, "data")}
              course_folder: C
              log_data_folder: logs
              vismooc_data_folder: vismooc
              vismooc_file:
                course_structure_file: {Name("-course_structure-")}
                course_certificates_file: {Name("-certificates_generatedcertificate-")}
                course_enrollment_file: {Name("-student_courseenrollment-")}
                course_user_file: {Name("-auth_user-")}
                course_profile_file: {Name("-auth_userprofile-")}
                course_forum_file: {Name(".mongo")}
            csv_path:
              moocdb_csv_dir: csv
            pipeline:
              vismooc_extensions:
                vismooc_process: yes
                vismooc_populate: no
            """);

        var run = ToolRunner.Run(["run", "--config", config, "--json"]);

        Assert.True(run.ExitCode == 0, run.StdErr);
        using var document = JsonDocument.Parse(run.StdOut);
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("load").ValueKind);
        Assert.Equal(JsonValueKind.Object, document.RootElement.GetProperty("convert").ValueKind);
    }
}
