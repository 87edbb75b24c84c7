using System.Buffers;

namespace VisMooc.Modules.Staging;

/// <summary>
/// What converting one chunk of input gave one table, held until it is the chunk's turn to be
/// written (<see cref="TableOutput.Append"/>): the rows with their keys, what the rows reference
/// for the cross-file checks, the rejects (already in the rejects file's format) and the first
/// warnings, in input order. Filled by a <see cref="TableChunkWriter"/>.
/// </summary>
public sealed class TableChunk
{
    private byte[] _csv = ArrayPool<byte>.Shared.Rent(1 << 16);
    private int[] _rows = ArrayPool<int>.Shared.Rent(3 * 256);
    private long[] _lines = ArrayPool<long>.Shared.Rent(256);
    private long[] _userIds = ArrayPool<long>.Shared.Rent(256);
    private int _userIdCount;
    private long[] _usernameHashes = ArrayPool<long>.Shared.Rent(256);
    private int _usernameHashCount;

    /// <summary>Records read.</summary>
    public long Read { get; internal set; }

    /// <summary>The input file of the rows (a chunk is cut from one file), for naming duplicates.</summary>
    public string FileName { get; internal set; } = "";

    /// <summary>Number of rows converted (duplicates are found when the chunk is written).</summary>
    public int RowCount { get; private set; }

    /// <summary>The rows' CSV bytes, back to back.</summary>
    internal ReadOnlySpan<byte> Csv => _csv.AsSpan(0, CsvLength);

    /// <summary>Bytes of <see cref="Csv"/>.</summary>
    internal int CsvLength { get; private set; }

    /// <summary>Numeric user ids of the rows that were not rejected, in row order.</summary>
    internal ReadOnlySpan<long> UserIds => _userIds.AsSpan(0, _userIdCount);

    /// <summary>Hashes of the usernames of the rows that were not rejected (see <see cref="CrossFileChecks.Observations.UsernameHashes"/>), in row order.</summary>
    internal ReadOnlySpan<long> UsernameHashes => _usernameHashes.AsSpan(0, _usernameHashCount);

    /// <summary>User ids that are not plain integers.</summary>
    internal List<string> OtherUserIds { get; } = [];

    /// <summary>Course ids of the rows, as runs of equal ids.</summary>
    internal List<(string Id, long Rows)> CourseIds { get; } = [];

    /// <summary>The rejects file's lines for the rejected records, or null when none was.</summary>
    internal MemoryStream? Rejects { get; set; }

    /// <summary>Records rejected.</summary>
    internal long RejectCount { get; set; }

    /// <summary>The first <see cref="TableStats.MaxExamples"/> rejects, as the report lists them.</summary>
    internal List<string> RejectExamples { get; } = [];

    /// <summary>Value-level warnings.</summary>
    internal long WarningCount { get; set; }

    /// <summary>The first <see cref="TableStats.MaxExamples"/> warnings, as the report lists them.</summary>
    internal List<string> WarningExamples { get; } = [];

    /// <summary>Row <paramref name="i"/>: where it ends in <see cref="Csv"/>, and where its key is.</summary>
    internal (int End, int KeyStart, int KeyLength) Row(int i) => (_rows[3 * i], _rows[(3 * i) + 1], _rows[(3 * i) + 2]);

    /// <summary>The input line of row <paramref name="i"/> (0 for records without lines, such as course blocks).</summary>
    internal long LineOf(int i) => _lines[i];

    /// <summary>Appends a converted row, read from <paramref name="line"/>, whose key is <paramref name="keyLength"/> bytes at <paramref name="keyOffset"/> of <paramref name="row"/>.</summary>
    internal void AddRow(ReadOnlySpan<byte> row, int keyOffset, int keyLength, long line)
    {
        if (_csv.Length - CsvLength < row.Length)
        {
            Grow(ref _csv, CsvLength, CsvLength + row.Length);
        }

        if (_rows.Length < 3 * (RowCount + 1))
        {
            Grow(ref _rows, 3 * RowCount, 3 * (RowCount + 1));
        }

        if (_lines.Length == RowCount)
        {
            Grow(ref _lines, RowCount, RowCount + 1);
        }

        row.CopyTo(_csv.AsSpan(CsvLength));
        _rows[3 * RowCount] = CsvLength + row.Length;
        _rows[(3 * RowCount) + 1] = CsvLength + keyOffset;
        _rows[(3 * RowCount) + 2] = keyLength;
        _lines[RowCount] = line;
        CsvLength += row.Length;
        RowCount++;
    }

    /// <summary>Records a numeric user id a row references.</summary>
    internal void AddUserId(long id)
    {
        if (_userIds.Length == _userIdCount)
        {
            Grow(ref _userIds, _userIdCount, _userIdCount + 1);
        }

        _userIds[_userIdCount++] = id;
    }

    /// <summary>Records the hash of a username a row references.</summary>
    internal void AddUsernameHash(long hash)
    {
        if (_usernameHashes.Length == _usernameHashCount)
        {
            Grow(ref _usernameHashes, _usernameHashCount, _usernameHashCount + 1);
        }

        _usernameHashes[_usernameHashCount++] = hash;
    }

    /// <summary>Gives the buffers back to the pool once the chunk is written.</summary>
    internal void Return()
    {
        ArrayPool<byte>.Shared.Return(_csv);
        ArrayPool<int>.Shared.Return(_rows);
        ArrayPool<long>.Shared.Return(_lines);
        ArrayPool<long>.Shared.Return(_userIds);
        ArrayPool<long>.Shared.Return(_usernameHashes);
        _csv = [];
        _rows = [];
        _lines = [];
        _userIds = [];
        _usernameHashes = [];
    }

    private static void Grow<T>(ref T[] array, int used, int needed)
    {
        T[] grown = ArrayPool<T>.Shared.Rent((int)Math.Min(Math.Max(array.Length * 2L, needed), Array.MaxLength));
        array.AsSpan(0, used).CopyTo(grown);
        ArrayPool<T>.Shared.Return(array);
        array = grown;
    }
}
