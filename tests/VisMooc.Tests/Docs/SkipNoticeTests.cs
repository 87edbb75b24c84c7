using VisMooc.Tests.Support;

namespace VisMooc.Tests.Docs;

/// <summary>A test run says once, at its start, why groups of tests are skipped (and CI, which requires them, is never told they may be).</summary>
public sealed class SkipNoticeTests
{
    [Fact]
    public void AMissingServerOrTerminalToolIsExplainedOnceUnlessRequired()
    {
        string? Nothing(string program) => null;
        string? Everything(string program) => "/usr/bin/" + program;
        string? NoVariables(string name) => null;
        string? Required(string name) => name is "VISMOOC_REQUIRE_MARIADB" or "VISMOOC_REQUIRE_TMUX" ? "1" : null;

        Assert.Equal(
            [
                "MySQL/MariaDB tests skipped: mariadbd is not installed (apt-get install mariadb-server mariadb-client, or run .ci/setup as root)",
                "terminal tests skipped: tmux or script is not installed (apt-get install tmux bsdutils, or run .ci/setup as root)",
            ],
            SkipNotices.For(Nothing, NoVariables));
        Assert.Empty(SkipNotices.For(Everything, NoVariables));
        Assert.Empty(SkipNotices.For(Nothing, Required));
    }

    [Fact]
    public void TheRunnerIsAskedToShowTheNotices()
    {
        string config = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "xunit.runner.json"));

        Assert.Contains("\"diagnosticMessages\": true", config, StringComparison.Ordinal);
        var framework = typeof(SkipNoticeTests).Assembly.GetCustomAttributesData().Single(a => a.AttributeType == typeof(TestFrameworkAttribute));
        Assert.Equal(typeof(VisMoocTestFramework).FullName, framework.ConstructorArguments[0].Value);
    }
}
