using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;
using VisMooc.Modules.Schema;
using VisMooc.Modules.Values;
using VisMooc.Modules.Collections;

namespace VisMooc.Modules.Output;

/// <summary>
/// Builds one CSV row in <see cref="MySqlCsvDialect"/> into a reused buffer. Generated
/// <c>WriteRow</c> methods drive it field by field, naming each column's declared type;
/// conversions write one value per field. Every value is checked against its column's type
/// (<see cref="ColumnValues"/>): one that the column cannot hold marks the row as rejected
/// (<see cref="Problem"/>), with the reason. No allocation per row once the buffer has grown to
/// the largest row, and none for a value that fits.
/// </summary>
public sealed class CellWriter
{
    // What a pseudonym is made of when a row is only checked (see CheckOnly): its length is all that matters.
    private static readonly byte[] s_pseudonymPlaceholder = Encoding.ASCII.GetBytes(new string('0', Pseudonym.HexLength));

    private byte[] _buffer;
    private int _length;
    private int _fieldStart;
    private int _valueCount;
    private int _alwaysFits;
    private SqlType _type;
    private int _size;
    private bool _nullable;
    private string _columnName = "";
    private string? _problem;
    private string _problemColumn = "";
    private int _keyColumn = -1;
    private int _column;
    private int _keyStart;
    private int _keyLength;
    private IWarningSink? _warnings;

    /// <summary>Creates a writer with an initial row buffer.</summary>
    public CellWriter(int initialCapacity = 4096) => _buffer = new byte[Math.Max(initialCapacity, 64)];

    /// <summary>The completed row, including its final LF.</summary>
    public ReadOnlySpan<byte> Row => _buffer.AsSpan(0, _length);

    /// <summary>The primary-key value as written (enclosed and escaped), for duplicate detection.</summary>
    public ReadOnlySpan<byte> Key => _buffer.AsSpan(_keyStart, _keyLength);

    /// <summary>Where <see cref="Key"/> starts in <see cref="Row"/>.</summary>
    public int KeyOffset => _keyStart;

    /// <summary>The key of keyed pseudonyms (HMAC-SHA256), or null for MOOCdb's unsalted RIPEMD-160.</summary>
    public byte[]? PseudonymKey { get; set; }

    /// <summary>
    /// The columns (bit k for column k, columns below 64) whose values may reject the row; the others
    /// are written unchecked. All by default; the users job checks a profile's columns alone.
    /// </summary>
    public ulong CheckedColumns { get; set; } = ulong.MaxValue;

    /// <summary>
    /// True when rows are only checked, never kept: conversions may then skip work whose result
    /// cannot change whether the row fits (a pseudonym is always 40 hex digits, whatever it hashes).
    /// </summary>
    public bool CheckOnly { get; set; }

    /// <summary>Why the current row cannot be written (the first value a column cannot hold), or null.</summary>
    public string? Problem => _problem;

    /// <summary>The column of <see cref="Problem"/>.</summary>
    public string ProblemColumn => _problemColumn;

    /// <summary>A pseudonym's stand-in while <see cref="CheckOnly"/>: its length, without the hash.</summary>
    internal static ReadOnlySpan<byte> PseudonymPlaceholder => s_pseudonymPlaceholder;

    /// <summary>Where warnings of the current row go (file and line are the sink's business).</summary>
    public IWarningSink? Warnings
    {
        get => _warnings;
        set => _warnings = value;
    }

    /// <summary>Starts a row whose primary key is column <paramref name="keyColumn"/>.</summary>
    public void BeginRow(int keyColumn)
    {
        _length = 0;
        _keyColumn = keyColumn;
        _keyStart = 0;
        _keyLength = 0;
        _problem = null;
        _problemColumn = "";
    }

    /// <summary>
    /// Starts a field of column <paramref name="column"/>, declared as <paramref name="type"/> (with
    /// <paramref name="size"/>, 0 when unsized). False when its value is not wanted: the row is only
    /// checked (<see cref="CheckOnly"/>) and the column is not among <see cref="CheckedColumns"/>, so the
    /// caller may skip the conversion (<see cref="EndField"/> then ends the field as written).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool BeginField(int column, string columnName, SqlType type, int size, bool nullable)
    {
        if (column > 0)
        {
            Put((byte)MySqlCsvDialect.FieldTerminator);
        }

        bool checks = IsChecked(column);
        StartField(column, columnName, type, size, nullable, checks ? ColumnValues.AlwaysFits(type, size) : int.MaxValue);
        return checks || !CheckOnly;
    }

    /// <summary>
    /// Starts a field of column <paramref name="column"/> that is only checked, never written (the
    /// generated <c>CheckRow</c> calls it for each of <see cref="CheckedColumns"/>): as
    /// <see cref="BeginField"/> for a checked column, without the separator before it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void BeginCheck(int column, string columnName, SqlType type, int size, bool nullable) =>
        StartField(column, columnName, type, size, nullable, ColumnValues.AlwaysFits(type, size));

    /// <summary>Ends a field begun by <see cref="BeginCheck"/>: the same checks as <see cref="EndField"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EndCheck()
    {
        if (_valueCount != 1)
        {
            EndValues();
        }
    }

    /// <summary>Ends a field; a conversion that wrote nothing gives the empty string.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EndField()
    {
        if (_valueCount != 1)
        {
            EndValues();
        }

        if (_column == _keyColumn)
        {
            _keyStart = _fieldStart;
            _keyLength = _length - _fieldStart;
        }
    }

    /// <summary>Ends the row with LF.</summary>
    public void EndRow() => Put((byte)MySqlCsvDialect.LineTerminator);

    /// <summary>
    /// Rejects the current row because the current column's value cannot be written (for
    /// conversions whose columns hold less than their SQL type, such as 0 or 1 in a TINYINT). The
    /// conversion still writes one value. The first reason of a row is kept.
    /// </summary>
    public void RejectRow(string reason)
    {
        if (_problem is null && IsChecked(_column))
        {
            _problem = reason;
            _problemColumn = _columnName;
        }
    }

    /// <summary>Writes SQL NULL.</summary>
    public void WriteNull()
    {
        if (!_nullable)
        {
            RejectRow("NULL, and the column is NOT NULL");
        }

        _valueCount++;
        PutRange(MySqlCsvDialect.NullTokenUtf8);
    }

    /// <summary>Writes a text value given as UTF-8, enclosed and escaped.</summary>
    public void WriteText(ReadOnlySpan<byte> utf8)
    {
        // Only checking, and the value fits by its length even once invalid bytes became U+FFFD
        // (one code point each, three bytes each): nothing to look at, nothing to write.
        if (CheckOnly && (long)utf8.Length * (_type == SqlType.Varchar ? 1 : 3) <= _alwaysFits)
        {
            _valueCount++;
            return;
        }

        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            // The output is UTF-8 by contract (a MySQL utf8mb4 load refuses anything else). The
            // readers warn about invalid bytes with their offset in the file; here they become U+FFFD.
            WriteText(Utf8Text.Repair(utf8));
            return;
        }

        _valueCount++;
        if (utf8.Length > _alwaysFits && ColumnValues.Problem(_type, _size, utf8) is string problem)
        {
            RejectRow(problem);
        }

        if (!CheckOnly)
        {
            Append(utf8);
        }
    }

    /// <summary>Encloses and escapes a value known to fit its column.</summary>
    private void Append(ReadOnlySpan<byte> utf8)
    {
        Put((byte)MySqlCsvDialect.Encloser);
        while (true)
        {
            int i = utf8.IndexOfAny(MySqlCsvDialect.NeedsEscape);
            if (i < 0)
            {
                PutRange(utf8);
                break;
            }

            PutRange(utf8[..i]);
            var span = Reserve(2);
            span[0] = (byte)MySqlCsvDialect.Escape;
            span[1] = MySqlCsvDialect.EscapeLetter(utf8[i]);
            _length += 2;
            utf8 = utf8[(i + 1)..];
        }

        Put((byte)MySqlCsvDialect.Encloser);
    }

    /// <summary>Writes a text value given as UTF-16.</summary>
    public void WriteText(ReadOnlySpan<char> text)
    {
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (max <= 512)
        {
            Span<byte> tmp = stackalloc byte[512];
            int n = Encoding.UTF8.GetBytes(text, tmp);
            WriteText(tmp[..n]);
        }
        else
        {
            byte[] rented = ArrayPool<byte>.Shared.Rent(max);
            int n = Encoding.UTF8.GetBytes(text, rented);
            WriteText(rented.AsSpan(0, n));
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Writes an integer as an enclosed decimal value.</summary>
    public void WriteInt64(long value)
    {
        Span<byte> tmp = stackalloc byte[24];
        Utf8Formatter.TryFormat(value, tmp, out int n);
        WriteText(tmp[..n]);
    }

    /// <summary>
    /// Writes a datetime as <c>YYYY-MM-DD HH:MM:SS</c> (the caller gives UTC). Into a datetime
    /// column, one before the year 1000 (which MySQL's <c>datetime</c> does not hold) is treated as
    /// an unreadable datetime: NULL with a warning (a rejected row when the column is NOT NULL).
    /// </summary>
    public void WriteDateTime(DateTime value)
    {
        // The date's parts in one pass over the ticks (Year, Month and Day each make one), and
        // the text straight into the row: digits and "- :" are never escaped, so the enclosed
        // value is the 19 bytes between two enclosers, as Append would write them.
        value.Deconstruct(out int year, out int month, out int day);
        var span = Reserve(21);
        span[0] = (byte)MySqlCsvDialect.Encloser;
        Four(span[1..], year);
        span[5] = (byte)'-';
        Two(span[6..], month);
        span[8] = (byte)'-';
        Two(span[9..], day);
        span[11] = (byte)' ';
        Two(span[12..], value.Hour);
        span[14] = (byte)':';
        Two(span[15..], value.Minute);
        span[17] = (byte)':';
        Two(span[18..], value.Second);
        span[20] = (byte)MySqlCsvDialect.Encloser;
        if (_type == SqlType.Datetime && !ColumnValues.HoldsYear(year))
        {
            string text = Encoding.ASCII.GetString(span.Slice(1, 19));
            WriteNull();
            Warn($"datetime {text} is outside the years {ColumnValues.MinYear} to {ColumnValues.MaxYear} that a MySQL datetime holds; written as NULL");
            return;
        }

        _valueCount++;
        _length += 21;
    }

    /// <summary>Reports a warning about the current column; the row is still written.</summary>
    public void Warn(string message) => _warnings?.Warn(_columnName, message);

    /// <summary>
    /// Reports a warning naming the raw value (shortened for the log) when it has a datetime's
    /// shape (<see cref="SafeText.IsDateLike"/>); any other text is not quoted, as a value in the
    /// wrong place can be a name, an email or a phone number that must not reach the report.
    /// </summary>
    public void Warn(string message, FieldValue raw) =>
        Warn(SafeText.IsDateLike(raw.Utf8)
            ? message + ": '" + Shorten(raw.Utf8) + "'"
            : message + " (a value of " + raw.Utf8.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes, not quoted: it is not date-like and may be personal data)");

    /// <summary>Decodes at most 240 bytes of a value for messages.</summary>
    public static string Shorten(ReadOnlySpan<byte> utf8)
    {
        const int Max = 240;
        string s = Encoding.UTF8.GetString(utf8.Length > Max ? utf8[..Max] : utf8);
        return utf8.Length > Max ? s + "…" : s;
    }

    /// <summary>Whether values of <paramref name="column"/> may reject the row (see <see cref="CheckedColumns"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsChecked(int column) => column < 64 && (CheckedColumns >> column & 1) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void StartField(int column, string columnName, SqlType type, int size, bool nullable, int alwaysFits)
    {
        _column = column;
        _columnName = columnName;
        _type = type;
        _size = size;
        _nullable = nullable;
        _alwaysFits = alwaysFits;
        _fieldStart = _length;
        _valueCount = 0;
    }

    // A conversion that wrote no value wrote the empty string; one that wrote more is a bug in it.
    // Out of line: the fields that call it are rare, and the inlined EndField and EndCheck stay small.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void EndValues()
    {
        if (_valueCount == 0)
        {
            WriteText(ReadOnlySpan<byte>.Empty);
        }
        else
        {
            throw new InvalidOperationException($"The conversion of column '{_columnName}' wrote {_valueCount} values; it must write exactly one.");
        }
    }

    // Four decimal digits of a year (0 to 9999), with leading zeros.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Four(Span<byte> dest, int value)
    {
        Two(dest, value / 100);
        Two(dest[2..], value % 100);
    }

    // Two decimal digits of 0 to 99, with a leading zero.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Two(Span<byte> dest, int value)
    {
        dest[1] = (byte)('0' + (value % 10));
        dest[0] = (byte)('0' + (value / 10));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Put(byte b)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_length++] = b;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void PutRange(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        _length += bytes.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> Reserve(int count)
    {
        if (_buffer.Length - _length < count)
        {
            Grow(count);
        }

        return _buffer.AsSpan(_length);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int atLeast)
    {
        PooledArray.Resize(ref _buffer, _length, (long)_length + atLeast);
    }
}
