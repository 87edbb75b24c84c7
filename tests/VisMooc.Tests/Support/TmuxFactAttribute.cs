namespace VisMooc.Tests.Support;

/// <summary>
/// A fact that runs the tool on a pseudo-terminal under tmux. Where tmux or script is not
/// installed the test is reported as skipped with the reason; with <c>VISMOOC_REQUIRE_TMUX=1</c>
/// (set by CI) it runs and fails instead.
/// </summary>
public sealed class TmuxFactAttribute : FactAttribute
{
    /// <summary>Sets the skip reason when a tool is missing and not required.</summary>
    public TmuxFactAttribute()
    {
        if ((MariaDbServer.FindBinary("tmux") is null || MariaDbServer.FindBinary("script") is null) && Environment.GetEnvironmentVariable("VISMOOC_REQUIRE_TMUX") != "1")
        {
            Skip = "tmux or script is not installed (apt-get install tmux bsdutils); terminal tests skipped";
        }
    }
}
