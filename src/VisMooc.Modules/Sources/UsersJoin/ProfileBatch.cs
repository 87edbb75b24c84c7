using System.Buffers;
using VisMooc.Modules.Sources.EdxTsv;

namespace VisMooc.Modules.Sources.UsersJoin;

/// <summary>The valid profiles of one chunk, packed as <see cref="ProfileStore"/> keeps them, with their lines, until the store adds them in file order.</summary>
public sealed class ProfileBatch
{
    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(1 << 16);
    private int _length;
    private int[] _offsets = new int[256];
    private long[] _lines = new long[256];

    /// <summary>Number of profiles.</summary>
    public int Count { get; private set; }

    /// <summary>The packed records, back to back, in an array of exactly their size (see <see cref="Seal"/>).</summary>
    internal byte[] Page { get; private set; } = [];

    /// <summary>Where each record starts in <see cref="Page"/>.</summary>
    internal ReadOnlySpan<int> Offsets => _offsets.AsSpan(0, Count);

    /// <summary>The line each record was read from.</summary>
    internal ReadOnlySpan<long> Lines => _lines.AsSpan(0, Count);

    /// <summary>Packs the reader's current profile, of user <paramref name="userId"/>, read from <paramref name="line"/>.</summary>
    public void Add(long userId, long line, EdxTsvReader reader, IReadOnlyList<int> columns)
    {
        int size = ProfileStore.RecordSize(reader, columns);
        if (_bytes.Length - _length < size)
        {
            byte[] grown = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(_bytes.Length * 2L, (long)_length + size), Array.MaxLength));
            _bytes.AsSpan(0, _length).CopyTo(grown);
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = grown;
        }

        if (Count == _offsets.Length)
        {
            Array.Resize(ref _offsets, Count * 2);
            Array.Resize(ref _lines, Count * 2);
        }

        ProfileStore.WriteRecord(_bytes.AsSpan(_length, size), userId, reader, columns);
        _offsets[Count] = _length;
        _lines[Count] = line;
        Count++;
        _length += size;
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
}
