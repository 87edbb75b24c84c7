using VisMooc.Modules.Input;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.Convert;

/// <summary>
/// The profiles of one course indexed by <c>user_id</c>, holding only the fields the users table
/// reads. This join is the only per-learner state a run keeps, so it is packed: each profile's
/// fields are written back to back (a varint length, 0 for NULL, then the bytes) into shared 1 MiB
/// pages, found through one 8-byte page/offset entry and a compact user-id index.
/// </summary>
public sealed class ProfileStore
{
    private const int PageSize = 1 << 20;

    private readonly LongIntMap _byUserId = new();
    private readonly List<byte[]> _pages = [];
    private readonly List<long> _locations = [];
    private readonly List<long> _userIds = [];
    private readonly List<bool> _matched = [];
    private int _pageUsed = PageSize;

    /// <summary>Number of profiles held.</summary>
    public int Count => _locations.Count;

    /// <summary>Adds the current record's profile; false when a profile for that user is already held.</summary>
    public bool Add(long userId, EdxTsvReader reader, IReadOnlyList<int> columns)
    {
        if (!_byUserId.TryAdd(userId, _locations.Count))
        {
            return false;
        }

        int size = 0;
        foreach (int c in columns)
        {
            var value = reader.GetField(c);
            size += VarintLength(value.IsNull ? 0u : (uint)value.Utf8.Length + 1) + value.Utf8.Length;
        }

        if (_pages.Count == 0 || PageSize - _pageUsed < size)
        {
            // A profile larger than a page (a huge goals text) gets a page of its own.
            _pages.Add(new byte[Math.Max(PageSize, size)]);
            _pageUsed = 0;
        }

        var page = _pages[^1].AsSpan(_pageUsed);
        int at = 0;
        foreach (int c in columns)
        {
            var value = reader.GetField(c);
            at += WriteVarint(page[at..], value.IsNull ? 0u : (uint)value.Utf8.Length + 1);
            value.Utf8.CopyTo(page[at..]);
            at += value.Utf8.Length;
        }

        _locations.Add(((long)(_pages.Count - 1) << 32) | (uint)_pageUsed);
        _pageUsed += size;
        _userIds.Add(userId);
        _matched.Add(false);
        return true;
    }

    /// <summary>The index of the profile of <paramref name="userId"/> (marking it matched), or -1.</summary>
    public int Match(long userId)
    {
        int index = _byUserId.Get(userId);
        if (index >= 0)
        {
            _matched[index] = true;
        }

        return index;
    }

    /// <summary>Field <paramref name="field"/> of profile <paramref name="index"/>.</summary>
    public FieldValue Get(int index, int field)
    {
        long location = _locations[index];
        ReadOnlySpan<byte> packed = _pages[(int)(location >> 32)].AsSpan((int)(uint)location);
        int at = 0;
        for (int f = 0; ; f++)
        {
            uint header = ReadVarint(packed, ref at);
            int length = header == 0 ? 0 : (int)(header - 1);
            if (f == field)
            {
                return header == 0 ? FieldValue.Null : FieldValue.Text(packed.Slice(at, length));
            }

            at += length;
        }
    }

    /// <summary>The user ids of profiles no auth_user row matched, in file order.</summary>
    public IEnumerable<long> Unmatched()
    {
        for (int i = 0; i < _locations.Count; i++)
        {
            if (!_matched[i])
            {
                yield return _userIds[i];
            }
        }
    }

    private static int VarintLength(uint value)
    {
        int n = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            n++;
        }

        return n;
    }

    private static int WriteVarint(Span<byte> dest, uint value)
    {
        int n = 0;
        while (value >= 0x80)
        {
            dest[n++] = (byte)(value | 0x80);
            value >>= 7;
        }

        dest[n++] = (byte)value;
        return n;
    }

    private static uint ReadVarint(ReadOnlySpan<byte> source, ref int at)
    {
        uint value = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = source[at++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
