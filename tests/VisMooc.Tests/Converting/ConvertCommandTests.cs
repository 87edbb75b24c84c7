using VisMooc.Tests.Support;

namespace VisMooc.Tests.Converting;

/// <summary><c>vismooc convert</c> run as a user runs it (a child process): exit codes, one-line errors, warnings.</summary>
public sealed class ConvertCommandTests
{
    private const string C = "SynthX-CMD1-2099_T1";

    [Fact]
    public void AUserWithoutProfileAndAHugeIdIsWrittenWithoutCrashingTheProcess()
    {
        // users._id is user-{auth_user.id} for a user without a profile. That id was built on the
        // stack, so a 16 MB id field (hostile or broken input) overflowed it and killed the process.
        using var h = new ConvertHarness();
        string id = new('7', 16 * 1024 * 1024);
        h.Write(C, "auth_user-prod-analytics.sql", "id\tusername\n" + id + "\tada\n2\tbo\n");

        var run = ToolRunner.Run(["convert", h.Input, "--out", h.Output, "--quiet"]);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.StdErr[..Math.Min(run.StdErr.Length, 400)]}");
        var users = h.Rows("users");
        Assert.Equal(["user-" + id, "user-2"], users.Select(r => r[0]));
        Assert.Equal([id, "2"], users.Select(r => r[1]));
    }
}
