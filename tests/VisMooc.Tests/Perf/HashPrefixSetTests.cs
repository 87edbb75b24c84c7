using VisMooc.Modules.Collections;

namespace VisMooc.Tests.Perf;

/// <summary>click_events' duplicate set: exact like a HashSet, and within its documented bytes per id.</summary>
public sealed class HashPrefixSetTests
{
    [Fact]
    public void MatchesHashSetOnRandomAndClashingValues()
    {
        var set = new HashPrefixSet();
        var reference = new HashSet<ulong>();
        var random = new Random(14_2);
        for (int i = 0; i < 300_000; i++)
        {
            // Random ids, repeats, and values sharing the top 16 bits or the low 48 bits (same bucket, same rest).
            ulong v = (i % 7) switch
            {
                0 when reference.Count > 0 => (ulong)random.NextInt64() << 1,
                1 => 0xABCD_0000_0000_0000UL | (ulong)(uint)random.Next(1000),
                2 => ((ulong)(uint)random.Next(1 << 16) << 48) | 0x1234_5678_9ABCUL,
                3 => ulong.MaxValue - (ulong)(uint)random.Next(50),
                4 => (ulong)(uint)random.Next(50),
                _ => (ulong)random.NextInt64() ^ ((ulong)(uint)random.Next() << 63),
            };
            Assert.Equal(reference.Add(v), set.Add(v));
            if (i % 5 == 0)
            {
                ulong again = reference.ElementAt(0);
                Assert.False(set.Add(again));
            }
        }

        Assert.Equal(reference.Count, set.Count);
        Assert.All(reference.Take(20_000), v => Assert.True(set.Contains(v)));
        for (int i = 0; i < 20_000; i++)
        {
            ulong probe = (ulong)random.NextInt64();
            Assert.Equal(reference.Contains(probe), set.Contains(probe));
        }
    }

    [Fact]
    public void HoldsAtMostSixAndThreeQuarterBytesPerIdPlusItsFixedPart()
    {
        // The bound for the duplicate set is 8 bytes per written event: 6.75 + 5.25 MiB / n is under 8 from 4.5M ids on.
        var set = new HashPrefixSet();
        var random = new Random(14_2);
        long fixedArrays = 65_536L * 8 * 6; // a bucket's slack of up to 8 values
        for (int n = 1; n <= 2_000_000; n++)
        {
            set.Add((ulong)random.NextInt64() ^ ((ulong)(uint)random.Next() << 63));
            if (n % 100_000 == 0)
            {
                Assert.InRange(set.ArrayBytes, n * 6L, (long)(n * HashPrefixSet.MaxBytesPerValue) + fixedArrays);
            }
        }

        Assert.True(HashPrefixSet.MaxBytesPerValue + (HashPrefixSet.MaxFixedBytes / 4_500_000.0) <= 8);
    }
}
