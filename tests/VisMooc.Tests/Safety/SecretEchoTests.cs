using VisMooc.Tests.Load;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Safety;

/// <summary>
/// Harden item 4: a secret typed where it does not belong never comes back: not from a --db value
/// (after a ':' in its authority, nor its database part when malformed), not from a config file's
/// mysql section, not from a mysql-client-style <c>-pSECRET</c> or <c>--password=SECRET</c>. Each
/// case plants the secret and searches standard output, standard error and every file the run wrote.
/// </summary>
public sealed class SecretEchoTests : IDisposable
{
    private const string Secret = "Hq7pSecr3tZ";

    private readonly LoadFixtures.TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string[]> CommandLines => new()
    {
        { ["load", "csv", $"-p{Secret}"] },
        { ["load", "csv", "--db", "mysql://u@localhost/db", $"-p{Secret}"] },
        { ["run", "in", $"-p{Secret}", "--out", "out"] },
        { ["load", "csv", $"--password={Secret}"] },
        { ["load", "csv", $"--pass={Secret}"] },
        { ["convert", "in", "--threads", $"-p{Secret}"] },
        { ["load", "csv", "--mode", $"-p{Secret}"] },
        { [$"-p{Secret}", "load", "csv"] },
        { ["load", "csv", "--db", $"mysql://user:pa/{Secret}"] },
        { ["load", "csv", "--db", $"mysql://user@host/db/{Secret}"] },
        { ["load", "csv", "--db", $"mysql://user@host/db:{Secret}"] },
        { ["load", "csv", "--db", $"mysql://user@host/db@{Secret}"] },
        { ["load", "csv", "--db", $"mysql://user@host/{Secret}\n"] },
        { ["load", "csv", "--db", $"mysql://user@host/db.{Secret}"] },
        { ["describe", $"mysql://user:{Secret}@host/db"] },
        { ["describe", $"-p{Secret}"] },
    };

    [Theory]
    [MemberData(nameof(CommandLines))]
    public void ACommandLineNeverEchoesThePlantedSecret(string[] args)
    {
        Directory.CreateDirectory(Path.Combine(_temp.Path, "csv"));
        var run = ToolRunner.Run(args, workingDirectory: _temp.Path);

        Assert.True(run.ExitCode is 1 or 2, $"exit {run.ExitCode}: {run.RawStdErr}");
        AssertNowhere(run);
    }

    public static TheoryData<string, string> ConfigMistakes => new()
    {
        // The password typed under another key of the mysql section, or the database holding it.
        { "  query_password: no\n", $"  query_password: {Secret}\n" },
        { "  query_user: no\n", $"  query_user: {Secret}\n" },
        { "  port: 3306\n", $"  port: {Secret}\n" },
        { "  port: 3306\n", "  port: 3306\n  password: 123456789\n  port2: 1\n" },
        { "  database: moocdb\n", $"  database: moocdb/{Secret}\n" },
        { "  database: moocdb\n", $"  database: 'moocdb:{Secret}'\n" },
        { "  database: moocdb\n", "  database: ''\n" },
    };

    [Theory]
    [MemberData(nameof(ConfigMistakes))]
    public void AConfigNeverEchoesItsMysqlValues(string line, string replacement)
    {
        string config = Path.Combine(_temp.Path, "config.yml");
        File.WriteAllText(config, $"""
            data_file:
              data_dir: {Path.Combine(_temp.Path, "data")}
              course_folder: C
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
              password: {Secret}
              database: moocdb
            csv_path:
              moocdb_csv_dir: moocdb_csv
            pipeline:
              vismooc_extensions:
                vismooc_process: yes
                vismooc_populate: yes

            """.Replace(line, replacement, StringComparison.Ordinal));

        var run = ToolRunner.Run(["run", "--config", config], workingDirectory: _temp.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Single(run.StdErr.Trim().Split('\n'));
        AssertNowhere(run);
        Assert.DoesNotContain("123456789", run.StdOut + run.RawStdErr, StringComparison.Ordinal);
    }

    private void AssertNowhere(ToolRunner.Result run)
    {
        Assert.DoesNotContain(Secret, run.StdOut + run.RawStdErr, StringComparison.Ordinal);
        foreach (string file in Directory.GetFiles(_temp.Path, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith("config.yml", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(Secret, File.ReadAllText(file), StringComparison.Ordinal);
        }
    }
}
