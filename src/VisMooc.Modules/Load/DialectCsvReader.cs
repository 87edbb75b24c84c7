using System.Text;
using VisMooc.Modules.IO;
using VisMooc.Modules.Output;
using VisMooc.Modules.Collections;

namespace VisMooc.Modules.Load;

/// <summary>
/// Reads CSV files in <see cref="MySqlCsvDialect"/> (what <c>vismooc convert</c> writes) back into
/// values: enclosed, backslash-escaped text or unenclosed <c>\N</c> for NULL; one record per LF.
/// </summary>
public sealed class DialectCsvReader : IDisposable
{
    private readonly LfLineReader? _lines;
    private long _lineNumber;
    private readonly string?[] _values;
    private readonly int[] _starts;
    private readonly int[] _lengths;
    private byte[] _bytes = new byte[4096];
    private int _used;

    /// <summary>Reads <paramref name="path"/>, whose rows must have <paramref name="fieldCount"/> fields.</summary>
    public DialectCsvReader(string path, int fieldCount)
    {
        FileName = Path.GetFileName(path);
        _lines = new LfLineReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));
        _values = new string?[fieldCount];
        _starts = new int[fieldCount];
        _lengths = new int[fieldCount];
    }

    /// <summary>A reader of rows given one at a time (<see cref="Parse(ReadOnlySpan{byte}, long)"/>) rather than read from a file; <paramref name="name"/> names them in messages.</summary>
    public static DialectCsvReader ForRows(string name, int fieldCount) => new(name, fieldCount, rows: true);

    private DialectCsvReader(string name, int fieldCount, bool rows)
    {
        _ = rows;
        FileName = name;
        _values = new string?[fieldCount];
        _starts = new int[fieldCount];
        _lengths = new int[fieldCount];
    }

    /// <summary>The file name, for messages.</summary>
    public string FileName { get; }

    /// <summary>Bytes of the file consumed so far (for progress).</summary>
    public long BytesRead => _lines?.BytesRead ?? 0;

    /// <summary>1-based line of the current row.</summary>
    public long LineNumber => _lines?.LineNumber ?? _lineNumber;

    /// <summary>The current row's values (null = SQL NULL) after <see cref="Read"/>; reused between rows.</summary>
    public IReadOnlyList<string?> Values => _values;

    /// <summary>Whether field <paramref name="field"/> of the current row is SQL NULL.</summary>
    public bool IsNull(int field) => _starts[field] < 0;

    /// <summary>The UTF-8 bytes of field <paramref name="field"/> of the current row, unescaped (empty for NULL); valid until the next read.</summary>
    public ReadOnlySpan<byte> Utf8(int field) => _starts[field] < 0 ? default : _bytes.AsSpan(_starts[field], _lengths[field]);

    /// <summary>Reads the next row into <see cref="Values"/>; false at the end.</summary>
    /// <exception cref="InvalidDataException">The row is not in the dialect or has the wrong number of fields; the message names file, line and column.</exception>
    public bool Read()
    {
        if (!ReadUtf8())
        {
            return false;
        }

        for (int f = 0; f < _values.Length; f++)
        {
            _values[f] = IsNull(f) ? null : Encoding.UTF8.GetString(Utf8(f));
        }

        return true;
    }

    /// <summary>Reads the next row as UTF-8 only (<see cref="Utf8"/>, <see cref="IsNull"/>), without making strings; false at the end.</summary>
    /// <exception cref="InvalidDataException">The row is not in the dialect or has the wrong number of fields; the message names file, line and column.</exception>
    public bool ReadUtf8()
    {
        if (_lines is null || !_lines.TryReadLine(out var line))
        {
            return false;
        }

        Parse(line);
        return true;
    }

    /// <summary>Parses one row (without its LF) into <see cref="Utf8"/> and <see cref="IsNull"/>; <paramref name="lineNumber"/> names it in messages.</summary>
    /// <exception cref="InvalidDataException">The row is not in the dialect or has the wrong number of fields.</exception>
    public void Parse(ReadOnlySpan<byte> line, long lineNumber)
    {
        _lineNumber = lineNumber;
        Parse(line);
    }

    private void Parse(ReadOnlySpan<byte> line)
    {
        int field = 0;
        int i = 0;
        // Unescaping never lengthens a value, so the line's length bounds the row's bytes.
        if (_bytes.Length < line.Length)
        {
            PooledArray.Resize(ref _bytes, 0, line.Length);
        }

        _used = 0;
        while (true)
        {
            if (field == _values.Length)
            {
                throw Error(i, $"more than {_values.Length} fields");
            }

            if (line[i..].StartsWith(MySqlCsvDialect.NullTokenUtf8))
            {
                _starts[field] = -1;
                i += 2;
            }
            else if (i < line.Length && line[i] == MySqlCsvDialect.Encloser)
            {
                i = ReadEnclosed(line, i + 1, field);
            }
            else
            {
                throw Error(i, "expected a value enclosed in '\"' or \\N");
            }

            field++;
            if (i == line.Length)
            {
                break;
            }

            if (line[i] != MySqlCsvDialect.FieldTerminator)
            {
                throw Error(i, "expected ',' after a value");
            }

            i++;
        }

        if (field != _values.Length)
        {
            throw Error(i, $"expected {_values.Length} fields, found {field}");
        }
    }

    private int ReadEnclosed(ReadOnlySpan<byte> line, int i, int field)
    {
        _starts[field] = _used;
        int start = i;
        while (i < line.Length)
        {
            int hit = line[i..].IndexOfAny((byte)MySqlCsvDialect.Encloser, (byte)MySqlCsvDialect.Escape);
            if (hit < 0)
            {
                i = line.Length;
                break;
            }

            i += hit;
            if (line[i] == MySqlCsvDialect.Encloser)
            {
                Append(line[start..i]);
                _lengths[field] = _used - _starts[field];
                return i + 1;
            }

            if (i + 1 >= line.Length)
            {
                break;
            }

            Append(line[start..i]);
            _bytes[_used++] = MySqlCsvDialect.Unescape(line[i + 1]);
            i += 2;
            start = i;
        }

        throw Error(i, "value not closed by '\"'");
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_bytes.AsSpan(_used));
        _used += bytes.Length;
    }

    private InvalidDataException Error(int byteInLine, string problem) =>
        new($"{FileName}:{LineNumber}:{byteInLine + 1}: {problem}");

    /// <inheritdoc/>
    public void Dispose() => _lines?.Dispose();
}
