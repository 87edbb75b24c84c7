using System.Collections;
using System.Numerics;

namespace VisMooc.Modules.Collections;

/// <summary>
/// A set of 64-bit integers for the per-learner sets of a run (written <c>_id</c>s, user ids of
/// the cross-file checks). edX ids are auto-increment numbers, dense over a range, so once the set
/// is big enough a bitmap over that range holds them (one bit per possible id: a million
/// learners' ids spread over three million numbers cost 375 KB, not the 16-40 MB of a hash set);
/// ids far outside the range, and sets that are not dense (hashes), go to a <see cref="LongHashSet"/>.
/// </summary>
public sealed class LongSet : IEnumerable<long>
{
    // Below this size a hash set is small anyway; above it, a bitmap is used while it costs at most
    // MaxBitsPerValue bits per value held.
    private const int BitmapFrom = 4096;
    private const long MaxBitsPerValue = 32;

    private readonly LongHashSet _hashed = new();
    private ulong[]? _bits;
    private long _base;
    private int _inBitmap;

    /// <summary>Number of values held.</summary>
    public int Count => _hashed.Count + _inBitmap;

    /// <summary>Adds <paramref name="value"/>; false when it was already there.</summary>
    /// <remarks>Invariant: no value of the hashed part lies inside the bitmap's range.</remarks>
    public bool Add(long value)
    {
        if (_bits is not null && TryBit(value, out int word, out ulong mask))
        {
            return SetBit(word, mask);
        }

        if (_bits is not null && !_hashed.Contains(value) && TryExtend(value))
        {
            TryBit(value, out int w, out ulong m);
            return SetBit(w, m);
        }

        bool added = _hashed.Add(value);
        if (_bits is null && _hashed.Count >= BitmapFrom && (_hashed.Count & (_hashed.Count - 1)) == 0)
        {
            // Tried at every power of two: ids that arrive in random order (enrollments' user ids)
            // only look dense once enough of them are in.
            TryBecomeBitmap();
        }

        return added;
    }

    /// <summary>Whether <paramref name="value"/> is in the set.</summary>
    public bool Contains(long value) =>
        _bits is not null && TryBit(value, out int word, out ulong mask) ? (_bits[word] & mask) != 0 : _hashed.Contains(value);

    /// <inheritdoc/>
    public IEnumerator<long> GetEnumerator()
    {
        if (_bits is not null)
        {
            for (int w = 0; w < _bits.Length; w++)
            {
                for (ulong word = _bits[w]; word != 0; word &= word - 1)
                {
                    yield return _base + (w * 64L) + BitOperations.TrailingZeroCount(word);
                }
            }
        }

        foreach (long value in _hashed)
        {
            yield return value;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private bool TryBit(long value, out int word, out ulong mask)
    {
        // Unsigned compare: values below the base wrap around to huge offsets.
        ulong offset = unchecked((ulong)(value - _base));
        if (value >= _base && offset < (ulong)_bits!.Length * 64)
        {
            word = (int)(offset >> 6);
            mask = 1UL << (int)(offset & 63);
            return true;
        }

        word = 0;
        mask = 0;
        return false;
    }

    private bool SetBit(int word, ulong mask)
    {
        if ((_bits![word] & mask) != 0)
        {
            return false;
        }

        _bits[word] |= mask;
        _inBitmap++;
        return true;
    }

    /// <summary>Grows the bitmap to cover <paramref name="value"/> when it stays dense enough; false otherwise.</summary>
    private bool TryExtend(long value)
    {
        const long Limit = 1L << 62; // keeps every sum below free of overflow; ids are far smaller
        if (value > Limit || value < -Limit || _base > Limit || _base < -Limit)
        {
            return false;
        }

        long low = Math.Min(_base, value);
        long high = Math.Max(_base + (_bits!.Length * 64L), value + 1);
        // Room for a quarter more on the growing side, so that ascending ids do not reallocate each time.
        long span = high - low;
        if (span <= 0 || span > (Count + 1) * MaxBitsPerValue || span > (long)Array.MaxLength * 64 / 2)
        {
            return false;
        }

        long headroom = span / 4;
        long newBase = value < _base ? low - headroom : low;
        long newHigh = value < _base ? high : high + headroom;
        Rebase(newBase, newHigh);
        return true;
    }

    private void TryBecomeBitmap()
    {
        // The dense core: the middle 98% of the values, estimated from an even sample, so that a
        // few stray ids (a test account, a typo) do not keep the set hashed. Values outside it stay
        // in the hashed part. Costs one pass and a small sort; hashes (never dense) pay it at each
        // power of two, which adds up to about two passes over the set.
        const int Samples = 2048;
        var sample = new List<long>(Samples);
        int step = Math.Max(1, _hashed.Count / Samples);
        int n = 0;
        foreach (long v in _hashed)
        {
            if (n++ % step == 0)
            {
                sample.Add(v);
            }
        }

        sample.Sort();
        long low = sample[sample.Count / 100];
        long high = sample[sample.Count - 1 - (sample.Count / 100)];
        const long Limit = 1L << 62;
        if (low < -Limit || high > Limit)
        {
            return;
        }

        long inCore = 0;
        foreach (long v in _hashed)
        {
            if (v >= low && v <= high)
            {
                inCore++;
            }
        }

        long span = high - low + 1;
        if (span > inCore * MaxBitsPerValue)
        {
            return;
        }

        var values = HashedValues();
        _base = low;
        _bits = new ulong[(int)((span + (span / 4) + 63) / 64)];
        _hashed.Clear();
        foreach (long v in values)
        {
            if (TryBit(v, out int word, out ulong mask))
            {
                SetBit(word, mask);
            }
            else
            {
                _hashed.Add(v);
            }
        }
    }

    private void Rebase(long newBase, long newHigh)
    {
        // Keep the old bits word-aligned in the new array, so they move with one copy.
        var old = _bits!;
        long shiftWords = newBase < _base ? (_base - newBase + 63) / 64 : 0;
        newBase = _base - (shiftWords * 64);
        var bits = new ulong[(int)((newHigh - newBase + 63) / 64)];
        Array.Copy(old, 0, bits, shiftWords, old.Length);
        _bits = bits;
        _base = newBase;

        // Hashed values the wider range now covers move into the bitmap (keeps the invariant of Add).
        bool covered = false;
        foreach (long v in _hashed)
        {
            if (TryBit(v, out _, out _))
            {
                covered = true;
                break;
            }
        }

        if (covered)
        {
            var hashed = HashedValues();
            _hashed.Clear();
            foreach (long v in hashed)
            {
                if (TryBit(v, out int nw, out ulong mask))
                {
                    SetBit(nw, mask);
                }
                else
                {
                    _hashed.Add(v);
                }
            }
        }
    }

    // The hashed values in a new array. Loops rather than LINQ in this type: each LINQ operator
    // over long is compiled at run time, in every run whose sets grow (see docs/benchmarks.md).
    private long[] HashedValues()
    {
        var values = new long[_hashed.Count];
        int n = 0;
        foreach (long v in _hashed)
        {
            values[n++] = v;
        }

        return values;
    }
}
