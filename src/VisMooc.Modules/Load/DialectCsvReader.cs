using System.Text;
using VisMooc.Modules.Input;
using VisMooc.Modules.Output;

namespace VisMooc.Modules.Load;

/// <summary>
/// Reads CSV files in <see cref="MySqlCsvDialect"/> (what <c>vismooc convert</c> writes) back into
/// values: enclosed, backslash-escaped text or unenclosed <c>\N</c> for NULL; one record per LF.
/// </summary>
public sealed class DialectCsvReader : IDisposable
{
    private readonly LfLineReader _lines;
    private readonly string?[] _values;
    private readonly StringBuilder _text = new();

    /// <summary>Reads <paramref name="path"/>, whose rows must have <paramref name="fieldCount"/> fields.</summary>
    public DialectCsvReader(string path, int fieldCount)
    {
        FileName = Path.GetFileName(path);
        _lines = new LfLineReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));
        _values = new string?[fieldCount];
    }

    /// <summary>The file name, for messages.</summary>
    public string FileName { get; }

    /// <summary>1-based line of the current row.</summary>
    public long LineNumber => _lines.LineNumber;

    /// <summary>The current row's values (null = SQL NULL); reused between rows.</summary>
    public IReadOnlyList<string?> Values => _values;

    /// <summary>Reads the next row; false at the end.</summary>
    /// <exception cref="InvalidDataException">The row is not in the dialect or has the wrong number of fields; the message names file, line and column.</exception>
    public bool Read()
    {
        if (!_lines.TryReadLine(out var line))
        {
            return false;
        }

        int field = 0;
        int i = 0;
        while (true)
        {
            if (field == _values.Length)
            {
                throw Error(i, $"more than {_values.Length} fields");
            }

            if (line[i..].StartsWith("\\N"u8))
            {
                _values[field] = null;
                i += 2;
            }
            else if (i < line.Length && line[i] == '"')
            {
                i = ReadEnclosed(line, i + 1, out _values[field]);
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

            if (line[i] != ',')
            {
                throw Error(i, "expected ',' after a value");
            }

            i++;
        }

        if (field != _values.Length)
        {
            throw Error(i, $"expected {_values.Length} fields, found {field}");
        }

        return true;
    }

    private int ReadEnclosed(ReadOnlySpan<byte> line, int i, out string? value)
    {
        _text.Clear();
        int start = i;
        while (i < line.Length)
        {
            byte b = line[i];
            if (b == '"')
            {
                Flush(line[start..i]);
                value = _text.ToString();
                return i + 1;
            }

            if (b == '\\')
            {
                if (i + 1 >= line.Length)
                {
                    break;
                }

                Flush(line[start..i]);
                _text.Append(line[i + 1] switch
                {
                    (byte)'n' => '\n',
                    (byte)'r' => '\r',
                    (byte)'0' => '\0',
                    (byte)'t' => '\t',
                    var other => (char)other,
                });
                i += 2;
                start = i;
                continue;
            }

            i++;
        }

        throw Error(i, "value not closed by '\"'");
    }

    private void Flush(ReadOnlySpan<byte> utf8)
    {
        if (!utf8.IsEmpty)
        {
            _text.Append(Encoding.UTF8.GetString(utf8));
        }
    }

    private InvalidDataException Error(int byteInLine, string problem) =>
        new($"{FileName}:{_lines.LineNumber}:{byteInLine + 1}: {problem}");

    /// <inheritdoc/>
    public void Dispose() => _lines.Dispose();
}
