using System.Buffers;
using System.Buffers.Text;
using System.Text;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.Output;

/// <summary>
/// Builds one CSV row in <see cref="MySqlCsvDialect"/> into a reused buffer. Generated
/// <c>WriteRow</c> methods drive it field by field; conversions write one value per field.
/// No allocation per row once the buffer has grown to the largest row.
/// </summary>
public sealed class CellWriter
{
    private static readonly SearchValues<byte> s_needsEscape = SearchValues.Create("\\\"\n\r\0"u8);

    // What a datetime or a number may be made of; values of other characters are not quoted in warnings.
    private static readonly SearchValues<byte> s_quotable = SearchValues.Create("0123456789 -:.+/,TZtz"u8);

    private byte[] _buffer;
    private int _length;
    private int _fieldStart;
    private int _valueCount;
    private int _maxChars;
    private string _columnName = "";
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
    }

    /// <summary>Starts a field; <paramref name="maxChars"/> &gt; 0 reports longer values.</summary>
    public void BeginField(int column, string columnName, int maxChars)
    {
        if (column > 0)
        {
            Put((byte)MySqlCsvDialect.FieldTerminator);
        }

        _column = column;
        _columnName = columnName;
        _maxChars = maxChars;
        _fieldStart = _length;
        _valueCount = 0;
    }

    /// <summary>Ends a field; a conversion that wrote nothing gives the empty string.</summary>
    public void EndField()
    {
        if (_valueCount == 0)
        {
            WriteText(ReadOnlySpan<byte>.Empty);
        }
        else if (_valueCount > 1)
        {
            throw new InvalidOperationException($"The conversion of column '{_columnName}' wrote {_valueCount} values; it must write exactly one.");
        }

        if (_column == _keyColumn)
        {
            _keyStart = _fieldStart;
            _keyLength = _length - _fieldStart;
        }
    }

    /// <summary>Ends the row with LF.</summary>
    public void EndRow() => Put((byte)MySqlCsvDialect.LineTerminator);

    /// <summary>Writes SQL NULL.</summary>
    public void WriteNull()
    {
        _valueCount++;
        var span = Reserve(2);
        span[0] = (byte)'\\';
        span[1] = (byte)'N';
        _length += 2;
    }

    /// <summary>Writes a text value given as UTF-8, enclosed and escaped.</summary>
    public void WriteText(ReadOnlySpan<byte> utf8)
    {
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            // The output is UTF-8 by contract (a MySQL utf8mb4 load refuses anything else). The
            // readers warn about invalid bytes with their offset in the file; here they become U+FFFD.
            WriteText(Utf8Text.Repair(utf8));
            return;
        }

        _valueCount++;
        if (_maxChars > 0 && utf8.Length > _maxChars)
        {
            CheckLength(utf8);
        }

        Put((byte)MySqlCsvDialect.Encloser);
        while (true)
        {
            int i = utf8.IndexOfAny(s_needsEscape);
            if (i < 0)
            {
                PutRange(utf8);
                break;
            }

            PutRange(utf8[..i]);
            var span = Reserve(2);
            span[0] = (byte)'\\';
            span[1] = utf8[i] switch
            {
                (byte)'\n' => (byte)'n',
                (byte)'\r' => (byte)'r',
                0 => (byte)'0',
                var b => b,
            };
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

    /// <summary>Writes a datetime as <c>YYYY-MM-DD HH:MM:SS</c> (the caller gives UTC).</summary>
    public void WriteDateTime(DateTime value)
    {
        Span<byte> tmp = stackalloc byte[19];
        Digits(tmp[..4], value.Year);
        tmp[4] = (byte)'-';
        Digits(tmp.Slice(5, 2), value.Month);
        tmp[7] = (byte)'-';
        Digits(tmp.Slice(8, 2), value.Day);
        tmp[10] = (byte)' ';
        Digits(tmp.Slice(11, 2), value.Hour);
        tmp[13] = (byte)':';
        Digits(tmp.Slice(14, 2), value.Minute);
        tmp[16] = (byte)':';
        Digits(tmp.Slice(17, 2), value.Second);
        WriteText(tmp);
    }

    /// <summary>Reports a warning about the current column; the row is still written.</summary>
    public void Warn(string message) => _warnings?.Warn(_columnName, message);

    /// <summary>
    /// Reports a warning naming the raw value (shortened for the log) when it looks like what the
    /// column holds (digits and date punctuation); any other text is not quoted, as a value in the
    /// wrong place can be a name or an email that must not reach the report.
    /// </summary>
    public void Warn(string message, FieldValue raw) =>
        Warn(raw.Utf8.IndexOfAnyExcept(s_quotable) < 0
            ? message + ": '" + Shorten(raw.Utf8) + "'"
            : message + " (a value of " + raw.Utf8.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes, not quoted: it is not date-like and may be personal data)");

    /// <summary>Decodes at most 240 bytes of a value for messages.</summary>
    public static string Shorten(ReadOnlySpan<byte> utf8)
    {
        const int Max = 240;
        string s = Encoding.UTF8.GetString(utf8.Length > Max ? utf8[..Max] : utf8);
        return utf8.Length > Max ? s + "…" : s;
    }

    private void CheckLength(ReadOnlySpan<byte> utf8)
    {
        // Count code points (what MySQL counts), not bytes or UTF-16 units.
        int codePoints = utf8.Length - CountContinuationBytes(utf8);
        if (codePoints > _maxChars)
        {
            Warn($"value of {codePoints} characters is longer than the column's {_maxChars}; written in full, a strict server will refuse it");
        }
    }

    private static int CountContinuationBytes(ReadOnlySpan<byte> utf8)
    {
        int n = 0;
        foreach (byte b in utf8)
        {
            n += (b & 0xC0) == 0x80 ? 1 : 0;
        }

        return n;
    }

    private static void Digits(Span<byte> dest, int value)
    {
        for (int i = dest.Length - 1; i >= 0; i--)
        {
            dest[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    private void Put(byte b)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_length++] = b;
    }

    private void PutRange(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        _length += bytes.Length;
    }

    private Span<byte> Reserve(int count)
    {
        if (_buffer.Length - _length < count)
        {
            Grow(count);
        }

        return _buffer.AsSpan(_length);
    }

    private void Grow(int atLeast)
    {
        int size = Math.Max(_buffer.Length * 2, _length + atLeast);
        Array.Resize(ref _buffer, size);
    }
}
