namespace VisMooc.Modules.Collections;

/// <summary>
/// A map from 64-bit keys to non-negative 64-bit values in one open-addressing array of key/value
/// pairs (16 bytes a slot, at most 75% full), so a lookup touches one cache line: where each
/// profile of the users join is stored, by user id.
/// </summary>
public sealed class LongLongMap
{
    private const long Free = -1;
    private long[] _pairs = NewPairs(16);
    private bool _mixed;

    /// <summary>Number of keys held.</summary>
    public int Count { get; private set; }

    private int Slots => _pairs.Length / 2;

    /// <summary>Adds <paramref name="key"/> with <paramref name="value"/> (≥ 0); false, changing nothing, when the key is already there.</summary>
    public bool TryAdd(long key, long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if ((Count + 1) * 4L > Slots * 3L)
        {
            Rebuild(Slots * 2, _mixed);
        }

        int probes = Insert(_pairs, _mixed, key, value);
        if (probes < 0)
        {
            return false;
        }

        Count++;
        if (probes > IdSlots.MaxProbe && !_mixed)
        {
            Rebuild(Slots, mixed: true);
        }

        return true;
    }

    /// <summary>The value of <paramref name="key"/>, or -1 when it is not there.</summary>
    public long Get(long key)
    {
        int mask = Slots - 1;
        for (int i = IdSlots.First(key, mask, _mixed); ; i = (i + 1) & mask)
        {
            // A free slot is marked by value -1, so every key (long.MinValue too) can be stored.
            long value = _pairs[(2 * i) + 1];
            if (value == Free)
            {
                return -1;
            }

            if (_pairs[2 * i] == key)
            {
                return value;
            }
        }
    }

    private static int Insert(long[] pairs, bool mixed, long key, long value)
    {
        int mask = (pairs.Length / 2) - 1;
        int probes = 0;
        for (int i = IdSlots.First(key, mask, mixed); ; i = (i + 1) & mask, probes++)
        {
            if (pairs[(2 * i) + 1] == Free)
            {
                pairs[2 * i] = key;
                pairs[(2 * i) + 1] = value;
                return probes;
            }

            if (pairs[2 * i] == key)
            {
                return -1;
            }
        }
    }

    private static long[] NewPairs(int slots)
    {
        var pairs = GC.AllocateUninitializedArray<long>(2 * slots);
        Array.Fill(pairs, Free);
        return pairs;
    }

    private void Rebuild(int slots, bool mixed)
    {
        var pairs = NewPairs(slots);
        for (int i = 0; i < _pairs.Length; i += 2)
        {
            if (_pairs[i + 1] != Free)
            {
                Insert(pairs, mixed, _pairs[i], _pairs[i + 1]);
            }
        }

        _pairs = pairs;
        _mixed = mixed;
    }
}
