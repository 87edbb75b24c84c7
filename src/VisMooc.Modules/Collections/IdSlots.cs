namespace VisMooc.Modules.Collections;

/// <summary>
/// Where an id goes in the open-addressing tables of <see cref="LongHashSet"/> and <see cref="LongLongMap"/>.
/// Ids from edX are mostly ascending (auto-increment keys), so the plain low bits come first:
/// consecutive ids land in consecutive slots, and a table of a million learners is filled and
/// searched in cache order instead of one cache miss per row. A table whose ids cluster (a probe
/// run past <see cref="MaxProbe"/>) switches to a multiplicative (Fibonacci) hash.
/// </summary>
internal static class IdSlots
{
    /// <summary>Probe length after which a table rehashes with the mixing hash.</summary>
    public const int MaxProbe = 64;

    /// <summary>The first slot of <paramref name="key"/> in a table of <paramref name="mask"/> + 1 slots.</summary>
    public static int First(long key, int mask, bool mixed) =>
        mixed ? (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 32) & mask : (int)((ulong)key ^ ((ulong)key >> 32)) & mask;
}
