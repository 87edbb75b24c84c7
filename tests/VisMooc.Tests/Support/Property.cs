using System.Diagnostics;
using CsCheck;
using Xunit.Sdk;

namespace VisMooc.Tests.Support;

/// <summary>
/// Runs a property over a fixed number of generated cases from a fixed seed, so every run of the
/// suite checks the same cases and a failure names the one seed that replays it.
/// <c>VISMOOC_PROPERTY_ITERATIONS=N</c> runs N cases instead (the longer run);
/// <c>VISMOOC_PROPERTY_SEED=S</c> replays the single case S.
/// </summary>
public static class Property
{
    /// <summary>How long one case may take before it counts as a hang (a guard, not a speed test).</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);

    /// <summary>Checks <paramref name="property"/> on <paramref name="iterations"/> cases of <paramref name="gen"/> (reader properties guard each case with <see cref="Bounded"/>).</summary>
    public static void Check<T>(Gen<T> gen, Action<T> property, int iterations, ulong seed, Func<T, string>? print = null)
    {
        string? replay = Environment.GetEnvironmentVariable("VISMOOC_PROPERTY_SEED");
        int count = replay is not null ? 1
            : int.TryParse(Environment.GetEnvironmentVariable("VISMOOC_PROPERTY_ITERATIONS"), out int more) ? more : iterations;
        for (int i = 0; i < count; i++)
        {
            var pcg = replay is not null ? PCG.Parse(replay) : new PCG(1, seed + (ulong)i);
            string caseSeed = pcg.ToString();
            T value = gen.Generate(pcg, null!, out _);
            try
            {
                property(value);
            }
            catch (Exception e)
            {
                string shown = print?.Invoke(value) ?? Describe(value);
                throw new XunitException($"case {i + 1} of {count} failed; replay it with VISMOOC_PROPERTY_SEED={caseSeed} "
                    + $"(a CsCheck seed: Check.Sample(gen, property, seed: \"{caseSeed}\") shrinks it): {e.Message}\ninput: {shown}", e);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on its own thread; fails when it takes longer than <see cref="HangGuard"/>
    /// or allocates more than <paramref name="perInputByte"/> bytes per input byte plus 4 MB.
    /// </summary>
    public static void Bounded(long inputBytes, Action work, int perInputByte = 16)
    {
        long allocated = 0;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                work();
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        var clock = Stopwatch.StartNew();
        thread.Start();
        if (!thread.Join(HangGuard))
        {
            throw new XunitException($"did not finish within {HangGuard.TotalSeconds} s on {inputBytes} input bytes (a hang?)");
        }

        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }

        long bound = (perInputByte * inputBytes) + (4 << 20);
        if (allocated > bound)
        {
            throw new XunitException($"allocated {allocated} bytes for {inputBytes} input bytes (bound {bound}) in {clock.Elapsed}");
        }
    }

    private static string Describe<T>(T value)
    {
        string text = value switch
        {
            byte[] bytes => Convert.ToHexString(bytes.AsSpan(0, Math.Min(bytes.Length, 600))) + (bytes.Length > 600 ? $"… ({bytes.Length} bytes)" : ""),
            _ => value?.ToString() ?? "null",
        };
        return text.Length > 2000 ? text[..2000] + "…" : text;
    }
}
