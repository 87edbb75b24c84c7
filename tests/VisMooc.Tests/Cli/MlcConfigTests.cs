using VisMooc.Tests.Load;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Cli;

/// <summary>
/// <c>vismooc run --config</c> with a MOOC-Learner-Curated config.yml that is wrong: every wrong
/// value is one line naming the file, line, column and key (never a stack trace), and a missing
/// input folder stops the run (exit 1) before anything is written or loaded.
/// </summary>
public sealed class MlcConfigTests : IDisposable
{
    private const string Course = "HKUSTx-COMP102x-2T2014";

    private static readonly (string Name, string Source)[] s_files =
    [
        ("course_structure-prod-analytics.json", "-course_structure-prod-analytics.json"),
        ("certificates_generatedcertificate-prod-analytics.sql", "-certificates_generatedcertificate-prod-analytics.sql"),
        ("student_courseenrollment-prod-analytics.sql", "-student_courseenrollment-prod-analytics.sql"),
        ("auth_user-prod-analytics.sql", "-auth_user-prod-analytics.sql"),
        ("auth_userprofile-prod-analytics.sql", "-auth_userprofile-prod-analytics.sql"),
        ("prod.mongo", "-prod.mongo"),
    ];

    private readonly LoadFixtures.TempFolder _temp = new();

    private string ConfigPath => Path.Combine(_temp.Path, "config.yml");

    private string InputFolder => Path.Combine(_temp.Path, "data", Course, "log_data", "vismooc");

    private string OutputFolder => Path.Combine(_temp.Path, "data", Course, "moocdb_csv");

    // Loads go into this SQLite file (--db), so that a test can tell whether a load was attempted.
    private string Database => Path.Combine(_temp.Path, "loaded.sqlite");

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("  port: 3306\n", "  port: 3306x\n", 0, ":{L}:9: mysql.port: a value of 5 characters (not quoted: this section holds the password) is not a port number (1 to 65535)")]
    [InlineData("  port: 3306\n", "  port: 99999999999\n", 0, ":{L}:9: mysql.port: a value of 11 characters (not quoted: this section holds the password) is not a port number (1 to 65535)")]
    [InlineData("  port: 3306\n", "  port: 0\n", 0, ":{L}:9: mysql.port: a value of 1 character (not quoted: this section holds the password) is not a port number (1 to 65535)")]
    [InlineData("  port: 3306\n", "  port: -3306\n", 0, ":{L}:9: mysql.port: a value of 5 characters (not quoted: this section holds the password) is not a port number (1 to 65535)")]
    [InlineData("  port: 3306\n", "  port: 3306.0\n", 0, ":{L}:9: mysql.port: a value of 6 characters (not quoted: this section holds the password) is not a port number (1 to 65535)")]
    [InlineData("  port: 3306\n", "  port: [3306, 3307]\n", 0, ":{L}:9: mysql.port: expected one value, found a list")]
    [InlineData("  host: 127.0.0.1\n", "  host: {name: db}\n", 0, ":{L}:9: mysql.host: expected one value, found a section of keys")]
    [InlineData("  user: moocdb\n", "  user:\n    - moocdb\n", 1, ":{L}:5: mysql.user: expected one value, found a list")]
    [InlineData("  data_dir: ", "  data_dir: [a, b]\n  unused: ", 0, ":{L}:13: data_file.data_dir: expected one value, found a list")]
    [InlineData("  course_folder: " + Course + "\n", "  course_folder:\n", 0, ":{L}:17: data_file.course_folder: needs a value")]
    [InlineData("    course_forum_file: prod.mongo\n", "    course_forum_file: {a: 1}\n", 0, ":{L}:24: data_file.vismooc_file.course_forum_file: expected one value, found a section of keys")]
    [InlineData("    vismooc_populate: yes\n", "    vismooc_populate: maybe\n", 0, ":{L}:23: pipeline.vismooc_extensions.vismooc_populate: 'maybe' is not yes or no")]
    [InlineData("  query_password: no\n", "  query_password: [no]\n", 0, ":{L}:19: mysql.query_password: expected one value, found a list")]
    [InlineData("mysql:\n", "mysql: 5\nunused:\n", 0, ":{L}:8: mysql: expected a section of keys (such as host), found a single value")]
    [InlineData("csv_path:\n  moocdb_csv_dir: moocdb_csv\n", "csv_path:\n  - moocdb_csv\n", 1, ":{L}:3: csv_path: expected a section of keys (such as moocdb_csv_dir), found a list")]
    [InlineData("  port: 3306\n", "  port: 3306\n  port: 3307\n", 1, ":{L}:3: not valid YAML: Duplicate key port")]
    [InlineData("  port: 3306\n", "  port: [3306\n", 1, ": not valid YAML: the parser stopped without saying where; look for an unclosed [ or {")]
    [InlineData("    vismooc_populate: yes\n", "    vismooc_populate: [yes\n", 1, ":{L}:1: not valid YAML: While parsing a flow sequence, did not find expected ',' or ']'.")]
    public void AWrongValueIsOneLineNamingTheFileLineColumnAndKey(string line, string wrong, int linesBelow, string expected)
    {
        WriteLayout();
        string config = File.ReadAllText(ConfigPath);
        int at = config.IndexOf("\n" + line, StringComparison.Ordinal) + 1;
        Assert.True(at > 0, line);
        File.WriteAllText(ConfigPath, config[..at] + wrong + config[(at + line.Length)..]);
        int lineNumber = config[..at].Count(c => c == '\n') + 1 + linesBelow;

        var run = ToolRunner.Run(["run", "--config", ConfigPath, "--db", "sqlite:" + Database]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"vismooc: error: {ConfigPath}{expected.Replace("{L}", lineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)}\n", run.StdErr);
        Assert.False(Directory.Exists(OutputFolder), "nothing may be converted");
        Assert.False(File.Exists(Database), "nothing may be loaded");
    }

    [Fact]
    public void AMissingKeyAndAMissingConfigFileAreNamed()
    {
        WriteLayout();
        File.WriteAllText(ConfigPath, File.ReadAllText(ConfigPath).Replace("    course_forum_file: prod.mongo\n", "", StringComparison.Ordinal));

        var missingKey = ToolRunner.Run(["run", "--config", ConfigPath]);
        var missingFile = ToolRunner.Run(["run", "--config", Path.Combine(_temp.Path, "nope.yml")]);

        Assert.Equal((1, $"vismooc: error: {ConfigPath}: missing key data_file.vismooc_file.course_forum_file\n"), (missingKey.ExitCode, missingKey.StdErr));
        Assert.Equal((1, $"vismooc: error: {Path.Combine(_temp.Path, "nope.yml")}: no such config file\n"), (missingFile.ExitCode, missingFile.StdErr));
    }

    [Fact]
    public void AMissingInputFolderFailsBeforeAnythingIsWrittenOrLoaded()
    {
        WriteLayout();
        Directory.Delete(InputFolder, recursive: true);

        var run = ToolRunner.Run(["run", "--config", ConfigPath, "--db", "sqlite:" + Database]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            $"vismooc: error: {InputFolder}: no such folder (made from data_file.data_dir, course_folder, log_data_folder and vismooc_data_folder of {ConfigPath})\n",
            run.StdErr);
        Assert.False(Directory.Exists(OutputFolder), "no empty tables may be written");
        Assert.False(File.Exists(Database), "nothing may be loaded");
    }

    [Fact]
    public void AnInputFolderWithoutAnyOfTheConfiguredFilesFailsNamingThem()
    {
        WriteLayout();
        foreach (string file in Directory.GetFiles(InputFolder))
        {
            File.Move(file, file + ".renamed");
        }

        var run = ToolRunner.Run(["run", "--config", ConfigPath, "--db", "sqlite:" + Database]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            $"vismooc: error: {InputFolder}: holds none of the six files that data_file.vismooc_file of {ConfigPath} names "
            + "(course_structure-prod-analytics.json, certificates_generatedcertificate-prod-analytics.sql, student_courseenrollment-prod-analytics.sql, auth_user-prod-analytics.sql, auth_userprofile-prod-analytics.sql, prod.mongo)\n",
            run.StdErr);
        Assert.False(File.Exists(Database));
    }

    [Fact]
    public void AMissingConfiguredFileIsAWarningNamingItAndTheFolderSearched()
    {
        WriteLayout();
        File.Delete(Path.Combine(InputFolder, "prod.mongo"));

        var run = ToolRunner.Run(["run", "--config", ConfigPath, "--db", "sqlite:" + Database]);
        var strict = ToolRunner.Run(["run", "--config", ConfigPath, "--db", "sqlite:" + Database + "2", "--strict"]);

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.Equal([$"vismooc: warning: {Course}: no prod.mongo in {InputFolder}; skipped forum"], run.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches($@"\n{Course}\s+forum\s+-\s+-\s+-\s+-\s+-\s+\(no prod\.mongo\)\n", run.StdOut);
        Assert.Equal((1, $"vismooc: error: {InputFolder}: no prod.mongo (--strict)\n"), (strict.ExitCode, strict.StdErr));
    }

    [Theory]
    [InlineData("--out", "elsewhere")]
    [InlineData("--course", "HKUSTx-*")]
    public void FolderOptionsBesideAConfigAreAUsageError(string option, string value)
    {
        WriteLayout();

        var run = ToolRunner.Run(["run", "--config", ConfigPath, option, value]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([$"vismooc: run: {option}: not with --config (the config names the input and output folders)", "Try 'vismooc run --help'."], run.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private void WriteLayout()
    {
        string sample = Path.Combine(RepoPaths.Root, "samples", Course);
        Directory.CreateDirectory(InputFolder);
        foreach (var (name, source) in s_files)
        {
            File.Copy(Path.Combine(sample, Course + source), Path.Combine(InputFolder, name));
        }

        File.WriteAllText(ConfigPath, $"""
            data_file:
              data_dir: {Path.Combine(_temp.Path, "data")}
              course_folder: {Course}
              log_data_folder: log_data
              vismooc_data_folder: vismooc
              vismooc_file:
                course_structure_file: course_structure-prod-analytics.json
                course_certificates_file: certificates_generatedcertificate-prod-analytics.sql
                course_enrollment_file: student_courseenrollment-prod-analytics.sql
                course_user_file: auth_user-prod-analytics.sql
                course_profile_file: auth_userprofile-prod-analytics.sql
                course_forum_file: prod.mongo
            mysql:
              query_user: no
              host: 127.0.0.1
              port: 3306
              user: moocdb
              query_password: no
              database: moocdb
            csv_path:
              moocdb_csv_dir: moocdb_csv
            pipeline:
              vismooc_extensions:
                vismooc_process: yes
                vismooc_populate: yes

            """);
    }
}
