using System.Globalization;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Load;

[Collection(MariaDbCollection.Name)]
public sealed class RunCommandTests(MariaDbServerFixture fixture)
{
    private static readonly (string Suffix, string Source)[] s_mlcFiles =
    [
        ("course_structure-prod-analytics.json", "-course_structure-prod-analytics.json"),
        ("certificates_generatedcertificate-prod-analytics.sql", "-certificates_generatedcertificate-prod-analytics.sql"),
        ("student_courseenrollment-prod-analytics.sql", "-student_courseenrollment-prod-analytics.sql"),
        ("auth_user-prod-analytics.sql", "-auth_user-prod-analytics.sql"),
        ("auth_userprofile-prod-analytics.sql", "-auth_userprofile-prod-analytics.sql"),
        ("prod.mongo", "-prod.mongo"),
    ];

    [Fact]
    public void RunConvertsAndLoadsIntoSqliteInOneStep()
    {
        using var temp = new LoadFixtures.TempFolder();
        string sample = Path.Combine(RepoRoot(), "samples", "HKUSTx-COMP102x-2T2014");

        var run = ToolRunner.Run(["run", sample, "--out", Path.Combine(temp.Path, "out")]);

        Assert.Equal(0, run.ExitCode);
        string db = Path.Combine(temp.Path, "out", "moocdb.sqlite");
        var csvLines = File.ReadAllLines(Path.Combine(temp.Path, "out", "users.csv")).Length;
        Assert.Equal(csvLines, DatabaseReader.Sqlite(db, "users").Count);
        Assert.True(csvLines > 0);
    }

    [Fact]
    public void ConfigWithPopulateOffConvertsIntoTheFoldersMlcDerives()
    {
        using var temp = new LoadFixtures.TempFolder();
        string config = WriteMlcLayout(temp.Path, populate: false, queryPassword: false, port: 3306);

        var run = ToolRunner.Run(["run", "--config", config]);

        Assert.True(run.ExitCode == 0, run.StdErr);
        string csvDir = Path.Combine(temp.Path, "data", "HKUSTx-COMP102x-2T2014", "moocdb_csv");
        Assert.True(File.ReadAllLines(Path.Combine(csvDir, "users.csv")).Length > 0);
        Assert.False(File.Exists(Path.Combine(csvDir, "moocdb.sqlite")));
    }

    [Fact]
    public void ConfigThatAsksForThePasswordWithoutATerminalFailsOnOneLine()
    {
        using var temp = new LoadFixtures.TempFolder();
        string config = WriteMlcLayout(temp.Path, populate: true, queryPassword: true, port: 3306);

        var run = ToolRunner.Run(["run", "--config", config]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("not a terminal", run.StdErr, StringComparison.Ordinal);
    }

    [MariaDbFact]
    public void ConfigWithPopulateLoadsIntoMariaDb()
    {
        using var temp = new LoadFixtures.TempFolder();
        string database = "mlc_" + Guid.NewGuid().ToString("N")[..10];
        string config = WriteMlcLayout(temp.Path, populate: true, queryPassword: false, port: fixture.Server.Port, database: database);

        var run = ToolRunner.Run(["run", "--config", config], new Dictionary<string, string?> { ["VISMOOC_DB_PASSWORD"] = MariaDbServer.Password });

        Assert.True(run.ExitCode == 0, run.StdErr);
        using var connection = fixture.Server.OpenAdmin(database);
        string csvDir = Path.Combine(temp.Path, "data", "HKUSTx-COMP102x-2T2014", "moocdb_csv");
        Assert.Equal(File.ReadAllLines(Path.Combine(csvDir, "forum.csv")).Length, DatabaseReader.MySql(connection, "forum").Count);
    }

    private static string WriteMlcLayout(string root, bool populate, bool queryPassword, int port, string database = "moocdb")
    {
        string sample = Path.Combine(RepoRoot(), "samples", "HKUSTx-COMP102x-2T2014");
        string input = Path.Combine(root, "data", "HKUSTx-COMP102x-2T2014", "log_data", "vismooc");
        Directory.CreateDirectory(input);
        foreach (var (suffix, source) in s_mlcFiles)
        {
            File.Copy(Path.Combine(sample, "HKUSTx-COMP102x-2T2014" + source), Path.Combine(input, suffix));
        }

        string yes(bool b) => b ? "yes" : "no";
        string config = Path.Combine(root, "config.yml");
        File.WriteAllText(config, string.Create(CultureInfo.InvariantCulture, $"""
            mysql:
              host: 127.0.0.1
              port: {port}
              query_user: no
              user: {MariaDbServer.User}
              query_password: {yes(queryPassword)}
              password: ""
              query_database: no
              database: {database}
            pipeline:
              query: no
              vismooc_extensions:
                vismooc_process: yes
                vismooc_populate: {yes(populate)}
            data_file:
              data_dir: {Path.Combine(root, "data")}/
              course_folder: HKUSTx-COMP102x-2T2014
              log_data_folder: log_data
              vismooc_data_folder: vismooc
              vismooc_file:
                course_structure_file: course_structure-prod-analytics.json
                course_certificates_file: certificates_generatedcertificate-prod-analytics.sql
                course_enrollment_file: student_courseenrollment-prod-analytics.sql
                course_user_file: auth_user-prod-analytics.sql
                course_profile_file: auth_userprofile-prod-analytics.sql
                course_forum_file: prod.mongo
            csv_path:
              moocdb_csv_dir: moocdb_csv
            other_section:
              ignored: true
            """));
        return config;
    }

    private static string RepoRoot() => RepoPaths.Root;
}
