using VisMooc.Modules.Collections;


namespace VisMooc.Tests.Perf;

/// <summary>The compact per-learner sets behave exactly like HashSet/Dictionary on every id shape they meet.</summary>
public sealed class CompactSetTests
{
    public static TheoryData<string> Shapes => ["ascending", "strided", "descending", "random", "dense-with-outliers", "clustered", "extremes"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void LongSetMatchesHashSet(string shape)
    {
        var set = new LongSet();
        var reference = new HashSet<long>();
        foreach (long v in Values(shape))
        {
            Assert.Equal(reference.Add(v), set.Add(v));
        }

        Assert.Equal(reference.Count, set.Count);
        Assert.Equal(reference.Order(), set.Order());
        foreach (long probe in Values(shape).Take(5_000).SelectMany(v => new[] { v, v + 1, v - 1, -v, v ^ 0x5555 }))
        {
            Assert.Equal(reference.Contains(probe), set.Contains(probe));
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void LongLongMapMatchesDictionary(string shape)
    {
        var map = new LongLongMap();
        var reference = new Dictionary<long, long>();
        long i = 0;
        foreach (long key in Values(shape))
        {
            Assert.Equal(reference.TryAdd(key, i), map.TryAdd(key, i));
            i++;
        }

        Assert.Equal(reference.Count, map.Count);
        foreach (long probe in Values(shape).SelectMany(v => new[] { v, v + 7 }))
        {
            Assert.Equal(reference.TryGetValue(probe, out long value) ? value : -1, map.Get(probe));
        }
    }

    private static IEnumerable<long> Values(string shape)
    {
        var random = new Random(12345);
        const int N = 60_000;
        switch (shape)
        {
            case "ascending":
                for (long k = 0; k < N; k++)
                {
                    yield return 7_000_000 + (k * 3) + random.Next(3);
                }

                break;
            case "strided":
                // Multiples of 2^20: every id has the same low bits, the worst case for the cache-friendly slots.
                for (long k = 0; k < N; k++)
                {
                    yield return k << 20;
                }

                break;
            case "descending":
                for (long k = N; k > 0; k--)
                {
                    yield return 1_000_000 + (k * 2);
                    yield return 1_000_000 + (k * 2); // duplicates too
                }

                break;
            case "random":
                for (int k = 0; k < N; k++)
                {
                    yield return random.NextInt64(long.MinValue, long.MaxValue);
                }

                break;
            case "dense-with-outliers":
                for (long k = 0; k < N; k++)
                {
                    yield return k % 997 == 0 ? random.NextInt64(-1L << 50, 1L << 50) : 40_000 + k;
                    if (k == 5_000)
                    {
                        yield return 245_000; // too far for the bitmap now: kept in the hash part
                    }

                    if (k == 50_000)
                    {
                        yield return 290_000; // the bitmap grows over 245,000, which must move into it
                        yield return 245_000;
                    }

                    if (k % 5_000 == 0)
                    {
                        yield return 40_000 + k + 3_000; // lands ahead of the range, later inside it
                        yield return 39_000 - (k / 10); // below the base
                    }
                }

                break;
            case "clustered":
                for (long k = 0; k < N; k++)
                {
                    yield return ((k % 50) << 40) + (k / 50);
                }

                break;
            default:
                foreach (long v in new[] { long.MinValue, long.MaxValue, 0, -1, 1, long.MinValue + 1, long.MaxValue - 1, long.MinValue, 0 })
                {
                    yield return v;
                }

                for (long k = 0; k < 10_000; k++)
                {
                    yield return k;
                }

                yield return long.MaxValue;
                yield return long.MinValue;
                break;
        }
    }
}
