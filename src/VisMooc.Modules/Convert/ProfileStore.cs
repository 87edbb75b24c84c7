using System.Buffers.Binary;
using VisMooc.Modules.Input;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.Convert;

/// <summary>
/// The profiles of one course indexed by <c>user_id</c>, holding only the fields the users table
/// reads. This join is the only per-learner state a run keeps, so it is packed: each profile is
/// one record in shared 1 MiB pages (a matched flag, the user id, then per field a varint length,
/// 0 for NULL, and the bytes), found through a <see cref="LongLongMap"/> from user id to record.
/// </summary>
public sealed class ProfileStore
{
    private const int PageSize = 1 << 20;
    private const int RecordHeader = 1 + sizeof(long);

    private readonly LongLongMap _byUserId = new();
    private readonly List<byte[]> _pages = [];
    private readonly List<int> _pageLengths = [];
    private int[] _starts = [];
    private int[] _lengths = [];
    private long _decoded = -1;

    /// <summary>Number of profiles held.</summary>
    public int Count => _byUserId.Count;

    /// <summary>Adds the current record's profile; false when a profile for that user is already held.</summary>
    public bool Add(long userId, EdxTsvReader reader, IReadOnlyList<int> columns)
    {
        if (_starts.Length != columns.Count)
        {
            _starts = new int[columns.Count];
            _lengths = new int[columns.Count];
        }

        int size = RecordHeader;
        foreach (int c in columns)
        {
            var value = reader.GetField(c);
            size += VarintLength(value.IsNull ? 0u : (uint)value.Utf8.Length + 1) + value.Utf8.Length;
        }

        if (_pages.Count == 0 || PageSize - _pageLengths[^1] < size)
        {
            // A profile larger than a page (a huge goals text) gets a page of its own.
            _pages.Add(new byte[Math.Max(PageSize, size)]);
            _pageLengths.Add(0);
        }

        int offset = _pageLengths[^1];
        if (!_byUserId.TryAdd(userId, Location(_pages.Count - 1, offset)))
        {
            return false;
        }

        var record = _pages[^1].AsSpan(offset);
        record[0] = 0;
        BinaryPrimitives.WriteInt64LittleEndian(record[1..], userId);
        int at = RecordHeader;
        foreach (int c in columns)
        {
            var value = reader.GetField(c);
            at += WriteVarint(record[at..], value.IsNull ? 0u : (uint)value.Utf8.Length + 1);
            value.Utf8.CopyTo(record[at..]);
            at += value.Utf8.Length;
        }

        _pageLengths[^1] = offset + size;
        return true;
    }

    /// <summary>The location of the profile of <paramref name="userId"/> (marking it matched), or -1.</summary>
    public long Match(long userId)
    {
        long location = _byUserId.Get(userId);
        if (location >= 0)
        {
            _pages[Page(location)][Offset(location)] = 1;
        }

        return location;
    }

    /// <summary>Field <paramref name="field"/> of the profile at <paramref name="location"/> (from <see cref="Match"/>).</summary>
    public FieldValue Get(long location, int field)
    {
        // A users row reads every field of one profile in turn: decode its lengths once.
        if (location != _decoded)
        {
            Decode(location);
        }

        int start = _starts[field];
        return start < 0 ? FieldValue.Null : FieldValue.Text(_pages[Page(location)].AsSpan(start, _lengths[field]));
    }

    /// <summary>The user ids of profiles no auth_user row matched, in file order.</summary>
    public IEnumerable<long> Unmatched()
    {
        for (int p = 0; p < _pages.Count; p++)
        {
            for (int at = 0; at < _pageLengths[p];)
            {
                byte matched = _pages[p][at];
                long userId = BinaryPrimitives.ReadInt64LittleEndian(_pages[p].AsSpan(at + 1));
                at = End(_pages[p], at);
                if (matched == 0)
                {
                    yield return userId;
                }
            }
        }
    }

    private static long Location(int page, int offset) => ((long)page << 32) | (uint)offset;

    private static int Page(long location) => (int)(location >> 32);

    private static int Offset(long location) => (int)(uint)location;

    private int End(byte[] page, int record)
    {
        int at = record + RecordHeader;
        for (int f = 0; f < _starts.Length; f++)
        {
            uint header = ReadVarint(page, ref at);
            at += header == 0 ? 0 : (int)(header - 1);
        }

        return at;
    }

    private void Decode(long location)
    {
        ReadOnlySpan<byte> page = _pages[Page(location)];
        int at = Offset(location) + RecordHeader;
        for (int f = 0; f < _starts.Length; f++)
        {
            uint header = ReadVarint(page, ref at);
            _starts[f] = header == 0 ? -1 : at;
            _lengths[f] = header == 0 ? 0 : (int)(header - 1);
            at += _lengths[f];
        }

        _decoded = location;
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
