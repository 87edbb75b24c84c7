using BenchmarkDotNet.Attributes;
using VisMooc.Modules.Collections;

namespace VisMooc.Benchmarks;

/// <summary>
/// The per-learner sets (written ids, cross-file user ids): 1M ids as a large course gives them,
/// ascending with gaps and in random order, into LongSet against HashSet&lt;long&gt;.
/// </summary>
[MemoryDiagnoser]
public class SetBenchmarks
{
    private long[] _ascending = [];
    private long[] _shuffled = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _ascending = Enumerable.Range(0, 1_000_000).Select(i => 7_000_000L + (i * 3L) + random.Next(3)).ToArray();
        _shuffled = _ascending.OrderBy(_ => random.Next()).ToArray();
    }

    [Benchmark(Baseline = true, Description = "HashSet<long>.Add, 1M ascending ids")]
    public int HashSetAscending() => Fill(new HashSet<long>(), _ascending);

    [Benchmark(Description = "LongSet.Add, 1M ascending ids")]
    public int LongSetAscending() => Fill(new LongSet(), _ascending);

    [Benchmark(Description = "HashSet<long>.Add, 1M ids in random order")]
    public int HashSetShuffled() => Fill(new HashSet<long>(), _shuffled);

    [Benchmark(Description = "LongSet.Add, 1M ids in random order")]
    public int LongSetShuffled() => Fill(new LongSet(), _shuffled);

    private static int Fill(HashSet<long> set, long[] ids)
    {
        foreach (long id in ids)
        {
            set.Add(id);
        }

        return set.Count;
    }

    private static int Fill(LongSet set, long[] ids)
    {
        foreach (long id in ids)
        {
            set.Add(id);
        }

        return set.Count;
    }
}
