using System.Buffers.Binary;
using VisMooc.Modules.Collections;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.Sources.UsersJoin;

/// <summary>
/// The profiles of one course indexed by <c>user_id</c>, holding only the fields the users table
/// reads. This join is the only per-learner state a run keeps, so it is packed: each profile is
/// one record (a flag, the user id, then per field a varint length, 0 for NULL, and the bytes) in
/// the page of the chunk it was read from, found through a <see cref="LongLongMap"/> from user id
/// to record. Pages are packed by the threads that read the chunks (<see cref="ProfileBatch"/>)
/// and added in file order, so the first profile of a user wins whatever the thread count.
/// </summary>
public sealed class ProfileStore(int fieldCount)
{
    /// <summary>Bytes before a record's fields: the flag and the user id.</summary>
    internal const int RecordHeader = 1 + sizeof(long);

    internal const byte Unmatched = 0;
    private const byte Matched = 1;

    // A second profile of a user stays in its page (pages are packed before the index sees them) but is never found.
    private const byte Duplicate = 2;

    private readonly LongLongMap _byUserId = new();
    private readonly List<byte[]> _pages = [];

    /// <summary>Number of profiles held.</summary>
    public int Count => _byUserId.Count;

    /// <summary>Number of fields of each profile.</summary>
    public int FieldCount { get; } = fieldCount;

    /// <summary>
    /// Adds a chunk's profiles, in order; calls <paramref name="duplicate"/> with the user id and
    /// line of each one whose user already has a profile (that one is ignored).
    /// </summary>
    public void Add(ProfileBatch batch, Action<long, long> duplicate)
    {
        if (batch.Count == 0)
        {
            return;
        }

        byte[] page = batch.Page;
        int index = _pages.Count;
        _pages.Add(page);
        for (int i = 0; i < batch.Count; i++)
        {
            int offset = batch.Offsets[i];
            long userId = BinaryPrimitives.ReadInt64LittleEndian(page.AsSpan(offset + 1));
            if (!_byUserId.TryAdd(userId, Location(index, offset)))
            {
                page[offset] = Duplicate;
                duplicate(userId, batch.Lines[i]);
            }
        }
    }

    /// <summary>
    /// The location of the profile of <paramref name="userId"/> (marking it matched), or -1. Safe
    /// on several threads once every profile is added: the index is only read, and a mark is one
    /// byte, always set to the same value, read only after the threads are done.
    /// </summary>
    public long Match(long userId)
    {
        long location = _byUserId.Get(userId);
        if (location >= 0)
        {
            Volatile.Write(ref _pages[Page(location)][Offset(location)], Matched);
        }

        return location;
    }

    /// <summary>
    /// Reads the index entries and the records of these users' profiles, marking nothing, so
    /// that they are in the cache when the rows are converted. Each step is a loop of independent
    /// reads, so the processor waits for many cache misses at once. Returns the sum of a byte of
    /// each cache line read (never negative), so the reads are not optimised away.
    /// </summary>
    public int Touch(ReadOnlySpan<long> userIds)
    {
        Span<long> locations = stackalloc long[userIds.Length];
        for (int i = 0; i < userIds.Length; i++)
        {
            locations[i] = _byUserId.Get(userIds[i]);
        }

        int sum = 0;
        foreach (long location in locations)
        {
            if (location >= 0)
            {
                // A record may reach into the next cache line.
                byte[] page = _pages[Page(location)];
                int offset = Offset(location);
                sum += page[offset] + page[Math.Min(offset + 64, page.Length - 1)];
            }
        }

        return sum;
    }

    /// <summary>
    /// Where each field of the profile at <paramref name="location"/> lies in its page (see
    /// <see cref="PageOf"/>): start, or -1 for NULL, and length. The caller keeps the result, so
    /// threads do not share it.
    /// </summary>
    public void Decode(long location, Span<int> starts, Span<int> lengths)
    {
        ReadOnlySpan<byte> page = _pages[Page(location)];
        int at = Offset(location) + RecordHeader;
        for (int f = 0; f < FieldCount; f++)
        {
            uint header = ReadVarint(page, ref at);
            starts[f] = header == 0 ? -1 : at;
            lengths[f] = header == 0 ? 0 : (int)(header - 1);
            at += lengths[f];
        }
    }

    /// <summary>The page holding the profile at <paramref name="location"/>.</summary>
    public ReadOnlySpan<byte> PageOf(long location) => _pages[Page(location)];

    /// <summary>The user ids of profiles no auth_user row matched, in file order.</summary>
    public IEnumerable<long> UnmatchedUserIds()
    {
        foreach (byte[] page in _pages)
        {
            for (int at = 0; at < page.Length;)
            {
                byte flag = page[at];
                long userId = BinaryPrimitives.ReadInt64LittleEndian(page.AsSpan(at + 1));
                at = End(page, at);
                if (flag == Unmatched)
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
        for (int f = 0; f < FieldCount; f++)
        {
            uint header = ReadVarint(page, ref at);
            at += header == 0 ? 0 : (int)(header - 1);
        }

        return at;
    }

    internal static int WriteVarint(Span<byte> dest, uint value)
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
