using System.Buffers;
using System.Buffers.Binary;
using VisMooc.Modules.Sources.EdxTsv;
using VisMooc.Modules.Collections;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.Sources.UsersJoin;

/// <summary>The valid profiles of one chunk, packed as <see cref="ProfileStore"/> keeps them, with their lines, until the store adds them in file order.</summary>
public sealed class ProfileBatch
{
    // Worst case of a field's length varint (a uint in 7-bit groups).
    private const int MaxVarint = 5;

    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(1 << 16);
    private int _length;
    private int[] _offsets = new int[256];
    private long[] _lines = new long[256];

    // Where each field of the record last packed starts in _bytes, and its length (-1 for NULL).
    private int[] _fieldStarts = [];
    private int[] _fieldLengths = [];

    /// <summary>Number of profiles.</summary>
    public int Count { get; private set; }

    /// <summary>The packed records, back to back, in an array of exactly their size (see <see cref="Seal"/>).</summary>
    internal byte[] Page { get; private set; } = [];

    /// <summary>Where each record starts in <see cref="Page"/>.</summary>
    internal ReadOnlySpan<int> Offsets => _offsets.AsSpan(0, Count);

    /// <summary>The line each record was read from.</summary>
    internal ReadOnlySpan<long> Lines => _lines.AsSpan(0, Count);

    /// <summary>
    /// Packs the reader's current profile, of user <paramref name="userId"/>, read from
    /// <paramref name="line"/>, reading each of its fields once: the record's fields stay readable
    /// through <see cref="LastField"/> until the next <see cref="Add"/>, so that the users job checks
    /// the profile from the bytes it stored, and <see cref="RemoveLast"/> takes it back if they fail.
    /// </summary>
    public void Add(long userId, long line, EdxTsvReader reader, IReadOnlyList<int> columns)
    {
        if (Count == _offsets.Length)
        {
            PooledArray.Resize(ref _offsets, Count, Count + 1);
            PooledArray.Resize(ref _lines, Count, Count + 1);
        }

        if (_fieldStarts.Length < columns.Count)
        {
            _fieldStarts = new int[columns.Count];
            _fieldLengths = new int[columns.Count];
        }

        int at = _length;
        Reserve(at, ProfileStore.RecordHeader);
        _bytes[at] = ProfileStore.Unmatched;
        BinaryPrimitives.WriteInt64LittleEndian(_bytes.AsSpan(at + 1), userId);
        at += ProfileStore.RecordHeader;
        for (int f = 0; f < columns.Count; f++)
        {
            var value = reader.GetField(columns[f]);
            Reserve(at, MaxVarint + value.Utf8.Length);
            at += ProfileStore.WriteVarint(_bytes.AsSpan(at), value.IsNull ? 0u : (uint)value.Utf8.Length + 1);
            _fieldStarts[f] = at;
            _fieldLengths[f] = value.IsNull ? -1 : value.Utf8.Length;
            value.Utf8.CopyTo(_bytes.AsSpan(at));
            at += value.Utf8.Length;
        }

        _offsets[Count] = _length;
        _lines[Count] = line;
        Count++;
        _length = at;
    }

    /// <summary>Field <paramref name="field"/> (an index into the columns given to <see cref="Add"/>) of the record last added, as the reader gave it.</summary>
    public FieldValue LastField(int field) =>
        _fieldLengths[field] < 0 ? FieldValue.Null : FieldValue.Text(_bytes.AsSpan(_fieldStarts[field], _fieldLengths[field]));

    /// <summary>Takes back the record last added (one whose values the users table cannot hold).</summary>
    public void RemoveLast()
    {
        Count--;
        _length = _offsets[Count];
    }

    /// <summary>
    /// Copies the records into <see cref="Page"/>, which the store keeps (so no page holds slack
    /// beyond its records), and gives the packing buffer back to the pool.
    /// </summary>
    public void Seal()
    {
        Page = GC.AllocateUninitializedArray<byte>(_length);
        _bytes.AsSpan(0, _length).CopyTo(Page);
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = [];
    }

    // Makes room for count more bytes at at, keeping every byte before it (the record being packed too).
    private void Reserve(int at, int count)
    {
        if (_bytes.Length - at < count)
        {
            PooledArray.Grow(ref _bytes, at, (long)at + count);
        }
    }
}
