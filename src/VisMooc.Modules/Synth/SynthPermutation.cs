namespace VisMooc.Modules.Synth;

/// <summary>
/// A cheap bijection of [0, n): <c>i → (a·i + c) mod n</c> with <c>a</c> coprime to <c>n</c>. Gives each
/// file its own row order (exports have no ORDER BY) without a shuffled array in memory.
/// </summary>
public readonly struct SynthPermutation
{
    private readonly long _n;
    private readonly long _a;
    private readonly long _c;

    /// <summary>A permutation of [0, <paramref name="n"/>) whose stride is near <paramref name="fraction"/>·n.</summary>
    public SynthPermutation(long n, double fraction, long offset)
    {
        _n = Math.Max(n, 1);
        long a = Math.Max(1, (long)(_n * fraction)) | 1;
        while (Gcd(a, _n) != 1)
        {
            a += 2;
        }

        _a = a % _n == 0 ? 1 : a % _n;
        _c = offset % _n;
    }

    /// <summary>The item at position <paramref name="i"/>.</summary>
    public long this[long i] => (long)((((UInt128)(ulong)_a * (ulong)i) + (ulong)_c) % (ulong)_n);

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
