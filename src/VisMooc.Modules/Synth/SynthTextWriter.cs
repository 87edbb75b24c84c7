using System.Globalization;
using System.Text;

namespace VisMooc.Modules.Synth;

/// <summary>
/// Writes one generated file as UTF-8 (no BOM, LF only) under a partial name, with the escapes of
/// the exporter being imitated; renamed to its final name by <see cref="Commit"/>.
/// </summary>
public sealed class SynthTextWriter : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly string _partial;
    private readonly string _path;
    private readonly SynthStyle _style;
    private bool _committed;

    /// <summary>Opens <paramref name="path"/>'s partial file.</summary>
    public SynthTextWriter(string path, SynthStyle style)
    {
        _path = path;
        _style = style;
        _partial = Path.Combine(Path.GetDirectoryName(path)!, ".vismooc-partial-" + Path.GetFileName(path));
        var stream = SynthPartialFile.Create(_partial, path);
        _writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
    }

    /// <summary>Bytes written so far (after <see cref="Commit"/>: the file's size).</summary>
    public long Length { get; private set; }

    /// <summary>Text as it is.</summary>
    public void Raw(string text) => _writer.Write(text);

    /// <summary>One character as it is.</summary>
    public void Raw(char c) => _writer.Write(c);

    /// <summary>An integer in invariant decimal.</summary>
    public void Int(long value)
    {
        Span<char> digits = stackalloc char[20];
        value.TryFormat(digits, out int n, default, CultureInfo.InvariantCulture);
        _writer.Write(digits[..n]);
    }

    /// <summary>A TSV field as the era's exporter wrote it: null as <c>NULL</c>; Gen A leaves CR raw and writes NUL as <c>\0</c>, Gen B writes <c>\r</c>.</summary>
    public void Tsv(string? value)
    {
        if (value is null)
        {
            _writer.Write("NULL");
            return;
        }

        int start = 0;
        for (int i = 0; i < value.Length; i++)
        {
            string? escape = value[i] switch
            {
                '\\' => "\\\\",
                '\t' => "\\t",
                '\n' => "\\n",
                '\r' when _style == SynthStyle.New => "\\r",
                '\0' when _style == SynthStyle.Old => "\\0",
                _ => null,
            };
            if (escape is not null)
            {
                _writer.Write(value.AsSpan(start, i - start));
                _writer.Write(escape);
                start = i + 1;
            }
        }

        _writer.Write(value.AsSpan(start));
    }

    /// <summary>A TAB between fields.</summary>
    public void Tab() => _writer.Write('\t');

    /// <summary>A record's LF.</summary>
    public void EndLine() => _writer.Write('\n');

    /// <summary>A datetime as the TSV exporters wrote it: Gen B adds <c>.ffffff</c> when the microseconds are not zero.</summary>
    public void TsvDateTime(DateTime? value)
    {
        if (value is not DateTime v)
        {
            _writer.Write("NULL");
            return;
        }

        _writer.Write(v.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        long micros = v.Ticks % TimeSpan.TicksPerSecond / 10;
        if (_style == SynthStyle.New && micros != 0)
        {
            _writer.Write('.');
            _writer.Write(micros.ToString("000000", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>A JSON string: <paramref name="asciiOnly"/> escapes every non-ASCII character as <c>\uXXXX</c> (Python's json.dumps); <paramref name="escapeSlash"/> writes <c>/</c> as <c>\/</c> (older mongoexport).</summary>
    public void JsonString(string value, bool asciiOnly = false, bool escapeSlash = false)
    {
        _writer.Write('"');
        int start = 0;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            bool plain = c >= 0x20 && c != '"' && c != '\\' && !(escapeSlash && c == '/') && !(asciiOnly && c > 0x7E);
            if (plain)
            {
                continue;
            }

            _writer.Write(value.AsSpan(start, i - start));
            start = i + 1;
            switch (c)
            {
                case '"':
                    _writer.Write("\\\"");
                    break;
                case '\\':
                    _writer.Write("\\\\");
                    break;
                case '/':
                    _writer.Write("\\/");
                    break;
                case '\n':
                    _writer.Write("\\n");
                    break;
                case '\r':
                    _writer.Write("\\r");
                    break;
                case '\t':
                    _writer.Write("\\t");
                    break;
                default:
                    _writer.Write("\\u");
                    _writer.Write(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
            }
        }

        _writer.Write(value.AsSpan(start));
        _writer.Write('"');
    }

    /// <summary>Flushes, closes and gives the file its final name.</summary>
    public void Commit()
    {
        _writer.Flush();
        Length = _writer.BaseStream.Length;
        _writer.Dispose();
        File.Move(_partial, _path, overwrite: true);
        _committed = true;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _writer.Dispose();
        if (!_committed && File.Exists(_partial))
        {
            File.Delete(_partial);
        }
    }
}
