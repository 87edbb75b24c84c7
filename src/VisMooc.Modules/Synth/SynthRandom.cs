namespace VisMooc.Modules.Synth;

/// <summary>
/// SplitMix64, seeded per (seed, stream, index): the generator's own PRNG, so that a seed gives the
/// same bytes on every .NET version (System.Random's algorithm is not part of its contract).
/// </summary>
/// <remarks>
/// Counter-based on purpose: learner <c>i</c>'s attributes are a pure function of <c>(seed, i)</c>, so
/// every file can visit learners in its own order without holding any per-learner state.
/// </remarks>
public struct SynthRandom
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private ulong _state;

    /// <summary>A generator for one item of one stream.</summary>
    public SynthRandom(ulong seed, SynthStream stream, long index)
    {
        _state = Mix(seed ^ Mix(((ulong)stream * Golden) ^ Mix((ulong)index + Golden)));
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong Next()
    {
        _state += Golden;
        return Mix(_state);
    }

    /// <summary>A number in [0, <paramref name="n"/>).</summary>
    public int Below(int n) => (int)(((Next() >> 32) * (ulong)n) >> 32);

    /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int Between(int min, int max) => min + Below(max - min + 1);

    /// <summary>A long in [0, <paramref name="n"/>).</summary>
    public long BelowLong(long n) => (long)(Next() % (ulong)n);

    /// <summary>True with probability <paramref name="percent"/>/100.</summary>
    public bool Chance(double percent) => (Next() >> 11) * (1.0 / (1UL << 53)) * 100 < percent;

    /// <summary>One of <paramref name="items"/>.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[Below(items.Count)];

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
