using System.Collections;
using System.Numerics;

namespace VisMooc.Modules.Convert;

/// <summary>
/// A set of 64-bit integers in one open-addressing array (8 bytes a slot, at most 75% full): about
/// half the memory of <see cref="HashSet{T}"/> of <see cref="long"/>, which matters because a run
/// holds one per table with an entry per learner (duplicate detection, cross-file checks).
/// </summary>
public sealed class LongSet : IEnumerable<long>
{
    // long.MinValue marks an empty slot; the value itself is kept aside.
    private const long Empty = long.MinValue;
    private long[] _slots;
    private int _shift;
    private bool _hasEmptyValue;

    /// <summary>Creates an empty set.</summary>
    public LongSet()
    {
        _slots = NewSlots(16);
        _shift = 64 - 4;
    }

    /// <summary>Number of values held.</summary>
    public int Count { get; private set; }

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
            Grow();
        }

        if (!Insert(_slots, _shift, value))
        {
            return false;
        }

        Count++;
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
        for (int i = Slot(value, _shift); ; i = (i + 1) & mask)
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

    // Fibonacci hashing: spreads sequential ids (the usual keys) over the whole table.
    private static int Slot(long value, int shift) => (int)(((ulong)value * 0x9E3779B97F4A7C15UL) >> shift);

    private static bool Insert(long[] slots, int shift, long value)
    {
        int mask = slots.Length - 1;
        for (int i = Slot(value, shift); ; i = (i + 1) & mask)
        {
            long slot = slots[i];
            if (slot == value)
            {
                return false;
            }

            if (slot == Empty)
            {
                slots[i] = value;
                return true;
            }
        }
    }

    private static long[] NewSlots(int size)
    {
        var slots = GC.AllocateUninitializedArray<long>(size);
        Array.Fill(slots, Empty);
        return slots;
    }

    private void Grow()
    {
        var grown = NewSlots(_slots.Length * 2);
        int shift = 64 - BitOperations.Log2((uint)grown.Length);
        foreach (long slot in _slots)
        {
            if (slot != Empty)
            {
                Insert(grown, shift, slot);
            }
        }

        _slots = grown;
        _shift = shift;
    }
}
