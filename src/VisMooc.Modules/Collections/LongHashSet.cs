using System.Collections;

namespace VisMooc.Modules.Collections;

/// <summary>
/// The hashed part of a <see cref="LongSet"/>: 64-bit integers in one open-addressing array (8 bytes a slot, at most 75% full), about
/// half the memory of <see cref="HashSet{T}"/> of <see cref="long"/>, which matters because a run
/// holds one per table with an entry per learner whose ids are not dense (forum ids are hashes).
/// </summary>
internal sealed class LongHashSet : IEnumerable<long>
{
    // long.MinValue marks an empty slot; the value itself is kept aside.
    private const long Empty = long.MinValue;
    private long[] _slots = NewSlots(16);
    private bool _mixed;
    private bool _hasEmptyValue;

    /// <summary>Number of values held.</summary>
    public int Count { get; private set; }

    /// <summary>Removes every value and gives back the memory.</summary>
    public void Clear()
    {
        _slots = NewSlots(16);
        _mixed = false;
        _hasEmptyValue = false;
        Count = 0;
    }

    /// <summary>Adds <paramref name="value"/>; false when it was already there.</summary>
    public bool Add(long value)
    {
        if (value == Empty)
        {
            if (_hasEmptyValue)
            {
                return false;
            }

            _hasEmptyValue = true;
            Count++;
            return true;
        }

        if ((Count + 1) * 4L > _slots.Length * 3L)
        {
            Rebuild(_slots.Length * 2, _mixed);
        }

        int probes = Insert(_slots, _mixed, value);
        if (probes < 0)
        {
            return false;
        }

        Count++;
        if (probes > IdSlots.MaxProbe && !_mixed)
        {
            Rebuild(_slots.Length, mixed: true);
        }

        return true;
    }

    /// <summary>Whether <paramref name="value"/> is in the set.</summary>
    public bool Contains(long value)
    {
        if (value == Empty)
        {
            return _hasEmptyValue;
        }

        int mask = _slots.Length - 1;
        for (int i = IdSlots.First(value, mask, _mixed); ; i = (i + 1) & mask)
        {
            long slot = _slots[i];
            if (slot == value)
            {
                return true;
            }

            if (slot == Empty)
            {
                return false;
            }
        }
    }

    /// <inheritdoc/>
    public IEnumerator<long> GetEnumerator()
    {
        if (_hasEmptyValue)
        {
            yield return Empty;
        }

        foreach (long slot in _slots)
        {
            if (slot != Empty)
            {
                yield return slot;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Inserts <paramref name="value"/>; the number of slots probed, or -1 when it was already there.</summary>
    private static int Insert(long[] slots, bool mixed, long value)
    {
        int mask = slots.Length - 1;
        int probes = 0;
        for (int i = IdSlots.First(value, mask, mixed); ; i = (i + 1) & mask, probes++)
        {
            long slot = slots[i];
            if (slot == value)
            {
                return -1;
            }

            if (slot == Empty)
            {
                slots[i] = value;
                return probes;
            }
        }
    }

    private static long[] NewSlots(int size)
    {
        var slots = GC.AllocateUninitializedArray<long>(size);
        Array.Fill(slots, Empty);
        return slots;
    }

    private void Rebuild(int size, bool mixed)
    {
        var rebuilt = NewSlots(size);
        foreach (long slot in _slots)
        {
            if (slot != Empty)
            {
                Insert(rebuilt, mixed, slot);
            }
        }

        _slots = rebuilt;
        _mixed = mixed;
    }
}
