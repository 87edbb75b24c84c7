using System.Text;

namespace VisMooc.Modules.Sources.TrackingLog;

/// <summary>
/// Decodes the raw bytes of a JSON string token (between its quotes) into UTF-8 without throwing:
/// a lone surrogate escape (<c>\ud83d</c> alone, which browsers log and System.Text.Json's
/// <c>GetString</c> refuses) becomes U+FFFD. The decoded text is never longer than the raw bytes.
/// </summary>
internal static class JsonStringDecoder
{
    /// <summary>
    /// Decodes <paramref name="raw"/> into <paramref name="destination"/> (at least as long as
    /// <paramref name="raw"/>); returns the decoded length. Bytes that are not part of an escape are
    /// copied as they are; a malformed escape (the reader lets none through) is copied as typed.
    /// </summary>
    public static int Decode(ReadOnlySpan<byte> raw, Span<byte> destination)
    {
        int o = 0;
        int i = 0;
        while (i < raw.Length)
        {
            int backslash = raw[i..].IndexOf((byte)'\\');
            if (backslash < 0)
            {
                raw[i..].CopyTo(destination[o..]);
                return o + raw.Length - i;
            }

            raw.Slice(i, backslash).CopyTo(destination[o..]);
            o += backslash;
            i += backslash;
            if (i + 1 >= raw.Length)
            {
                destination[o++] = (byte)'\\';
                return o;
            }

            byte e = raw[i + 1];
            byte simple = e switch
            {
                (byte)'"' => (byte)'"',
                (byte)'\\' => (byte)'\\',
                (byte)'/' => (byte)'/',
                (byte)'b' => 0x08,
                (byte)'f' => 0x0C,
                (byte)'n' => (byte)'\n',
                (byte)'r' => (byte)'\r',
                (byte)'t' => (byte)'\t',
                _ => 0,
            };
            if (simple != 0)
            {
                destination[o++] = simple;
                i += 2;
                continue;
            }

            if (e != (byte)'u' || !TryHex4(raw, i + 2, out int unit))
            {
                destination[o++] = (byte)'\\';
                i++;
                continue;
            }

            i += 6;
            int scalar = unit;
            if (char.IsHighSurrogate((char)unit))
            {
                if (i + 1 < raw.Length && raw[i] == (byte)'\\' && raw[i + 1] == (byte)'u' && TryHex4(raw, i + 2, out int low) && char.IsLowSurrogate((char)low))
                {
                    scalar = char.ConvertToUtf32((char)unit, (char)low);
                    i += 6;
                }
                else
                {
                    scalar = 0xFFFD;
                }
            }
            else if (char.IsLowSurrogate((char)unit))
            {
                scalar = 0xFFFD;
            }

            o += new Rune(scalar).EncodeToUtf8(destination[o..]);
        }

        return o;
    }

    private static bool TryHex4(ReadOnlySpan<byte> raw, int at, out int value)
    {
        value = 0;
        if (at + 4 > raw.Length)
        {
            return false;
        }

        for (int k = 0; k < 4; k++)
        {
            int d = HexDigit(raw[at + k]);
            if (d < 0)
            {
                return false;
            }

            value = (value << 4) | d;
        }

        return true;
    }

    private static int HexDigit(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
