namespace VisMooc.Tests.Support;

/// <summary>
/// Why whole groups of tests will be skipped on this machine (a missing server or tool), said once
/// at the start of a test run rather than only as a "Skipped" beside each test's name.
/// </summary>
public static class SkipNotices
{
    /// <summary>One line per group that will be skipped, given how to find a program and read the environment.</summary>
    public static IReadOnlyList<string> For(Func<string, string?> findProgram, Func<string, string?> environment)
    {
        var notices = new List<string>();
        if (findProgram("mariadbd") is null && environment("VISMOOC_REQUIRE_MARIADB") != "1")
        {
            notices.Add("MySQL/MariaDB tests skipped: mariadbd is not installed (apt-get install mariadb-server mariadb-client, or run .ci/setup as root)");
        }

        if ((findProgram("tmux") is null || findProgram("script") is null) && environment("VISMOOC_REQUIRE_TMUX") != "1")
        {
            notices.Add("terminal tests skipped: tmux or script is not installed (apt-get install tmux bsdutils, or run .ci/setup as root)");
        }

        return notices;
    }

    /// <summary>The notices for this machine.</summary>
    public static IReadOnlyList<string> ForThisMachine() => For(MariaDbServer.FindBinary, Environment.GetEnvironmentVariable);
}
