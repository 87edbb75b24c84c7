using System.Buffers.Text;
using System.Globalization;
using VisMooc.Modules.Collections;

namespace VisMooc.Modules.Synth;

/// <summary>
/// Builds one tracking-log line as UTF-8 bytes in a reused buffer, written the way the logger wrote
/// it: Python's <c>json.dumps</c> (<c>", "</c> and <c>": "</c>, non-ASCII as <c>\uXXXX</c>) for the
/// line, and a browser's compact <c>JSON.stringify</c> for the <c>event</c> text inside it.
/// </summary>
internal sealed class SynthLogLine
{
    private byte[] _buffer = new byte[4096];

    /// <summary>Bytes so far.</summary>
    public int Length { get; private set; }

    /// <summary>The line so far.</summary>
    public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, Length);

    /// <summary>Empties the line.</summary>
    public void Clear() => Length = 0;

    /// <summary>Keeps only the first <paramref name="length"/> bytes (a line the logger cut short).</summary>
    public void Cut(int length) => Length = Math.Min(Length, length);

    /// <summary>ASCII text as it is.</summary>
    public void Raw(string ascii)
    {
        var span = Reserve(ascii.Length);
        for (int i = 0; i < ascii.Length; i++)
        {
            span[i] = (byte)ascii[i];
        }

        Length += ascii.Length;
    }

    /// <summary>Bytes as they are.</summary>
    public void Raw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        Length += bytes.Length;
    }

    /// <summary>One ASCII character.</summary>
    public void Raw(char c)
    {
        Reserve(1)[0] = (byte)c;
        Length++;
    }

    /// <summary>A JSON string as Python's <c>ensure_ascii</c> writes it.</summary>
    public void String(string value)
    {
        Raw('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"':
                    Raw("\\\"");
                    break;
                case '\\':
                    Raw("\\\\");
                    break;
                case '\n':
                    Raw("\\n");
                    break;
                case '\r':
                    Raw("\\r");
                    break;
                case '\t':
                    Raw("\\t");
                    break;
                case < ' ' or > '~':
                    Raw("\\u");
                    Raw(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    Raw(c);
                    break;
            }
        }

        Raw('"');
    }

    /// <summary>JSON text (ASCII) as a JSON string: the browser's <c>event</c>, encoded once more.</summary>
    public void StringOf(ReadOnlySpan<byte> json)
    {
        Raw('"');
        foreach (byte b in json)
        {
            if (b is (byte)'"' or (byte)'\\')
            {
                Raw('\\');
            }

            Raw((char)b);
        }

        Raw('"');
    }

    /// <summary>An integer.</summary>
    public void Int(long value)
    {
        Utf8Formatter.TryFormat(value, Reserve(20), out int n);
        Length += n;
    }

    /// <summary>A number as JavaScript and Python write it (shortest round trip).</summary>
    public void Number(double value)
    {
        value.TryFormat(Reserve(32), out int n, "R", CultureInfo.InvariantCulture);
        Length += n;
    }

    /// <summary>A time as Python's <c>isoformat()</c>: microseconds only when not zero, with or without <c>+00:00</c>.</summary>
    public void Time(DateTime utc, bool offset)
    {
        Raw('"');
        Raw(utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        long micros = utc.Ticks % TimeSpan.TicksPerSecond / 10;
        if (micros != 0)
        {
            Raw('.');
            Raw(micros.ToString("D6", CultureInfo.InvariantCulture));
        }

        if (offset)
        {
            Raw("+00:00");
        }

        Raw('"');
    }

    private Span<byte> Reserve(int count)
    {
        if (_buffer.Length - Length < count)
        {
            PooledArray.Resize(ref _buffer, Length, (long)Length + count);
        }

        return _buffer.AsSpan(Length);
    }
}
