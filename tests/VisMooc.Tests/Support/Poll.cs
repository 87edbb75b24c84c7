using System.Diagnostics;

namespace VisMooc.Tests.Support;

/// <summary>Waiting for a condition by checking it, never by sleeping for a guessed time.</summary>
public static class Poll
{
    /// <summary>Checks <paramref name="condition"/> until it holds (true) or <paramref name="timeout"/> has passed (false).</summary>
    public static bool Until(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }

            Thread.Sleep(1); // the interval between checks; the condition decides
        }

        return true;
    }
}
