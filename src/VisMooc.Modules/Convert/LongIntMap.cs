using System.Numerics;

namespace VisMooc.Modules.Convert;

/// <summary>
/// A map from 64-bit keys to non-negative ints in two open-addressing arrays (12 bytes a slot, at
/// most 75% full): the profile index of the users join, a third of <see cref="Dictionary{TKey, TValue}"/>'s memory.
/// </summary>
public sealed class LongIntMap
{
    private long[] _keys = new long[16];
    private int[] _values = NewValues(16);
    private int _shift = 64 - 4;

    /// <summary>Number of keys held.</summary>
    public int Count { get; private set; }

    /// <summary>Adds <paramref name="key"/> with <paramref name="value"/> (≥ 0); false, changing nothing, when the key is already there.</summary>
    public bool TryAdd(long key, int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if ((Count + 1) * 4L > _keys.Length * 3L)
        {
            Grow();
        }

        if (!Insert(_keys, _values, _shift, key, value))
        {
            return false;
        }

        Count++;
        return true;
    }

    /// <summary>The value of <paramref name="key"/>, or -1 when it is not there.</summary>
    public int Get(long key)
    {
        int mask = _keys.Length - 1;
        for (int i = Slot(key, _shift); ; i = (i + 1) & mask)
        {
            // A free slot is marked by value -1, so every key (long.MinValue too) can be stored.
            if (_values[i] < 0)
            {
                return -1;
            }

            if (_keys[i] == key)
            {
                return _values[i];
            }
        }
    }

    private static int Slot(long key, int shift) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> shift);

    private static bool Insert(long[] keys, int[] values, int shift, long key, int value)
    {
        int mask = keys.Length - 1;
        for (int i = Slot(key, shift); ; i = (i + 1) & mask)
        {
            if (values[i] < 0)
            {
                keys[i] = key;
                values[i] = value;
                return true;
            }

            if (keys[i] == key)
            {
                return false;
            }
        }
    }

    private static int[] NewValues(int size)
    {
        var values = GC.AllocateUninitializedArray<int>(size);
        Array.Fill(values, -1);
        return values;
    }

    private void Grow()
    {
        int size = _keys.Length * 2;
        var keys = GC.AllocateUninitializedArray<long>(size);
        var values = NewValues(size);
        int shift = 64 - BitOperations.Log2((uint)size);
        for (int i = 0; i < _keys.Length; i++)
        {
            if (_values[i] >= 0)
            {
                Insert(keys, values, shift, _keys[i], _values[i]);
            }
        }

        _keys = keys;
        _values = values;
        _shift = shift;
    }
}
