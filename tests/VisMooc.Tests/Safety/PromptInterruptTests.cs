using VisMooc.Tests.Load;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Safety;

/// <summary>
/// Harden item 7: Ctrl-C at a question on the terminal (the MySQL password, or the user and
/// database a MOOC-Learner-Curated config asks for) ends the run with exit code 130 and the one
/// interruption line, as Ctrl-C does anywhere else; it is neither swallowed nor a silent kill.
/// </summary>
public sealed class PromptInterruptTests
{
    private static string Tool => Path.Combine(AppContext.BaseDirectory, "vismooc.dll");

    [TmuxFact]
    public void CtrlCAtThePasswordQuestionOfALoadExits130WithTheInterruptionLine()
    {
        using var temp = new LoadFixtures.TempFolder();
        string sample = Path.Combine(RepoPaths.Root, "samples", "SynthX-STAT201x-3T2014");
        Assert.Equal(0, ToolRunner.Run(["convert", sample, "--out", Path.Combine(temp.Path, "csv"), "--quiet"]).ExitCode);

        using var terminal = Terminal.Run(temp.Path, ["dotnet", Tool, "load", "csv", "--db", "mysql://moocdb@127.0.0.1:1/moocdb"], columns: 120, rows: 20, t =>
        {
            t.WaitFor("MySQL password for moocdb@127.0.0.1:1 (Enter for none): ");
            t.Keys("C-c");
        });

        Assert.Equal(130, terminal.ExitCode);
        Assert.EndsWith("vismooc: interrupted: nothing was loaded; mysql://moocdb@127.0.0.1:1/moocdb is unchanged", terminal.Screen, StringComparison.Ordinal);
    }

    [TmuxFact]
    public void CtrlCAtAQuestionOfAConfigExits130WithTheInterruptionLine()
    {
        using var temp = new LoadFixtures.TempFolder();
        File.WriteAllText(Path.Combine(temp.Path, "config.yml"), """
            data_file:
              data_dir: data
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
              query_user: yes
              host: 127.0.0.1
              port: 1
            csv_path:
              moocdb_csv_dir: moocdb_csv

            """);

        using var terminal = Terminal.Run(temp.Path, ["dotnet", Tool, "run", "--config", "config.yml"], columns: 120, rows: 20, t =>
        {
            t.WaitFor("MySQL user: ");
            t.Keys("C-c");
        });

        Assert.Equal(130, terminal.ExitCode);
        Assert.EndsWith("vismooc: interrupted: nothing was converted or loaded", terminal.Screen, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "data")));
    }
}
