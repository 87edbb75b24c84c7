namespace VisMooc.Modules.IO;

/// <summary>
/// Tells, from the first bytes of an input file, that it is not UTF-8 text split by LF, which no
/// reader could then split into records: UTF-16 or UTF-32 text (with or without a byte order mark),
/// old-Mac CR-only line ends or other line separators than LF, or compressed or encrypted data under a plain name. Each answer is a
/// problem to report (naming the file is the caller's business), or null.
/// </summary>
public static class TextShape
{
    private const byte Cr = (byte)'\r';
    private const byte Lf = (byte)'\n';

    /// <summary>
    /// The problem with the start of a file (from its first byte, after a UTF-8 byte order mark):
    /// a UTF-16/32 byte order mark, a signature of compressed or encrypted data, or a NUL byte in
    /// the first line (UTF-16 text of ASCII characters has one in every other byte). Null when none.
    /// </summary>
    public static string? Encoding(ReadOnlySpan<byte> start)
    {
        if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0]) || start.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
        {
            return "the file is UTF-32 text (it starts with a UTF-32 byte order mark), not UTF-8: convert it first, e.g. iconv -f UTF-32 -t UTF-8 FILE > NEW";
        }

        if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return "the file is UTF-16 text (it starts with a UTF-16 byte order mark), not UTF-8: convert it first, e.g. iconv -f UTF-16 -t UTF-8 FILE > NEW";
        }

        if (Signature(start) is string packed)
        {
            return packed;
        }

        int lf = start.IndexOf(Lf);
        if ((lf < 0 ? start : start[..lf]).Contains((byte)0))
        {
            return "the file is not UTF-8 text: its first line holds NUL bytes (UTF-16 without a byte order mark?); convert it to UTF-8 first, e.g. iconv -f UTF-16 -t UTF-8 FILE > NEW";
        }

        return null;
    }

    /// <summary>
    /// The problem with a first line (without its LF) that holds a character that separates lines
    /// followed by more text: the file's lines are split by that character instead of LF, so it is
    /// all one line to a reader that splits at LF. Line separators are the C0 control characters
    /// but TAB (CR, form feed, vertical tab, the ASCII record separators…) and, with
    /// <paramref name="unicode"/>, NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR
    /// (U+2029). A CR before the LF (CRLF line ends) and trailing blanks are fine. A NUL is left to
    /// <see cref="Encoding"/>. Null when none.
    /// </summary>
    public static string? LineSeparators(ReadOnlySpan<byte> firstLine, bool unicode)
    {
        var text = TrimSeparatorsEnd(firstLine, unicode);
        if (text.Contains(Cr))
        {
            return "its first line holds a CR followed by more text: the file has old-Mac (CR-only) line ends, which VisMooc cannot split into records; convert them to LF first (e.g. mac2unix FILE)";
        }

        int at = FirstSeparator(text, unicode, out int length);
        if (at < 0)
        {
            return null;
        }

        string name = SeparatorName(text.Slice(at, length));
        return $"its first line holds the character {name} followed by more text: the file's lines are separated by that character instead of LF, which VisMooc cannot split into records; replace them by LF first";
    }

    /// <summary>
    /// Why a record that does not have the header's fields is likely where a file's line ends
    /// change (a damaged or converted file): it holds line separators (as <see cref="LineSeparators"/>
    /// counts them, CR included) and its text up to the first of the most frequent one is a whole
    /// record of <paramref name="fields"/> fields, or it holds a run of NUL bytes. Names the
    /// separator and its count; null otherwise (a lone CR inside a value, as Gen-A exports write, is
    /// no sign of other line ends).
    /// </summary>
    public static string? LineBreakHint(ReadOnlySpan<byte> record, bool unicode, int fields)
    {
        if (LongestNulRun(record) >= MinNulRun)
        {
            return ZeroFilled(LongestNulRun(record));
        }

        Span<int> counts = stackalloc int[35];
        var rest = record;
        while (true)
        {
            int at = FirstSeparator(rest, unicode, out int length);
            if (at < 0)
            {
                break;
            }

            counts[SeparatorIndex(rest.Slice(at, length))]++;
            rest = rest[(at + length)..];
        }

        int best = 0;
        for (int i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[best])
            {
                best = i;
            }
        }

        if (counts[best] == 0)
        {
            return null;
        }

        byte[] separator = SeparatorOfIndex(best);
        int first = record.IndexOf(separator);
        if (record[..first].Count((byte)'\t') != fields - 1)
        {
            return null;
        }

        string name = SeparatorName(separator);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"the line holds the character {name} {counts[best]} time(s): from here the file's lines seem separated by that character instead of LF (a damaged or converted file), so this one record holds the rest of them");
    }

    /// <summary>The shortest run of raw NUL bytes that marks a record as zero-filled (the exporter writes a NUL as <c>\0</c>, but raw NULs are read as data, so only a run at the very end of a file, or in a record that is rejected anyway, counts).</summary>
    public const int MinNulRun = 8;

    /// <summary>The length of the longest run of NUL bytes in <paramref name="bytes"/>.</summary>
    public static int LongestNulRun(ReadOnlySpan<byte> bytes)
    {
        int longest = 0;
        int at = bytes.IndexOf((byte)0);
        while (at >= 0)
        {
            bytes = bytes[at..];
            int run = bytes.IndexOfAnyExcept((byte)0);
            run = run < 0 ? bytes.Length : run;
            longest = Math.Max(longest, run);
            bytes = bytes[run..];
            at = bytes.IndexOf((byte)0);
        }

        return longest;
    }

    /// <summary>The reason for a record holding a run of <paramref name="run"/> NUL bytes.</summary>
    public static string ZeroFilled(int run) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"the line holds a run of {run} NUL bytes, which no export writes (NUL is written \\0): the file is zero-filled here, as after a crash or an unfinished copy; get the whole file again");

    /// <summary><paramref name="line"/> without the blanks and line separators it ends with.</summary>
    private static ReadOnlySpan<byte> TrimSeparatorsEnd(ReadOnlySpan<byte> line, bool unicode)
    {
        while (!line.IsEmpty)
        {
            byte last = line[^1];
            if (last is (byte)' ' or (byte)'\t' || (last is > 0 and < 0x20))
            {
                line = line[..^1];
            }
            else if (unicode && line.EndsWith((ReadOnlySpan<byte>)[0xC2, 0x85]))
            {
                line = line[..^2];
            }
            else if (unicode && (line.EndsWith((ReadOnlySpan<byte>)[0xE2, 0x80, 0xA8]) || line.EndsWith((ReadOnlySpan<byte>)[0xE2, 0x80, 0xA9])))
            {
                line = line[..^3];
            }
            else
            {
                break;
            }
        }

        return line;
    }

    private static int FirstSeparator(ReadOnlySpan<byte> text, bool unicode, out int length)
    {
        for (int i = 0; i < text.Length; i++)
        {
            byte b = text[i];
            if (b < 0x20 && b != (byte)'\t' && b != 0)
            {
                length = 1;
                return i;
            }

            if (unicode && b == 0xC2 && i + 1 < text.Length && text[i + 1] == 0x85)
            {
                length = 2;
                return i;
            }

            if (unicode && b == 0xE2 && i + 2 < text.Length && text[i + 1] == 0x80 && text[i + 2] is 0xA8 or 0xA9)
            {
                length = 3;
                return i;
            }
        }

        length = 0;
        return -1;
    }

    // 0..31: the C0 character; 32: NEL; 33: U+2028; 34: U+2029.
    private static int SeparatorIndex(ReadOnlySpan<byte> separator) => separator.Length switch
    {
        1 => separator[0],
        2 => 32,
        _ => separator[2] == 0xA8 ? 33 : 34,
    };

    private static byte[] SeparatorOfIndex(int index) => index switch
    {
        32 => [0xC2, 0x85],
        33 => [0xE2, 0x80, 0xA8],
        34 => [0xE2, 0x80, 0xA9],
        _ => [(byte)index],
    };

    private static string SeparatorName(ReadOnlySpan<byte> separator) => separator.Length switch
    {
        2 => "NEXT LINE (U+0085)",
        3 => separator[2] == 0xA8 ? "LINE SEPARATOR (U+2028)" : "PARAGRAPH SEPARATOR (U+2029)",
        _ => separator[0] switch
        {
            (byte)'\r' => "CR (U+000D)",
            (byte)'\f' => "form feed (U+000C)",
            (byte)'\v' => "vertical tab (U+000B)",
            _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"control character U+{separator[0]:X4}"),
        },
    };

    /// <summary>What a file is when it starts with the signature of compressed, archived or encrypted data; else null.</summary>
    public static string? Signature(ReadOnlySpan<byte> start)
    {
        if (start.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]))
        {
            return "the file is gzip-compressed but its name does not end in .gz: add .gz to its name (VisMooc then reads it as it is)";
        }

        if (start.StartsWith("PK\x03\x04"u8) || start.StartsWith("PK\x05\x06"u8))
        {
            return "the file is a zip archive: unzip it first";
        }

        if (start.StartsWith("BZh"u8) && start.Length > 3 && start[3] is >= (byte)'1' and <= (byte)'9')
        {
            return "the file is bzip2-compressed, which VisMooc does not read: decompress it first (bunzip2)";
        }

        if (start.StartsWith((ReadOnlySpan<byte>)[0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0]))
        {
            return "the file is xz-compressed, which VisMooc does not read: decompress it first (xz -d)";
        }

        if (start.StartsWith((ReadOnlySpan<byte>)[(byte)'7', (byte)'z', 0xBC, 0xAF, 0x27, 0x1C]))
        {
            return "the file is a 7z archive, which VisMooc does not read: extract it first (7z x)";
        }

        if (start.StartsWith((ReadOnlySpan<byte>)[0x28, 0xB5, 0x2F, 0xFD]))
        {
            return "the file is zstd-compressed, which VisMooc does not read: decompress it first (zstd -d)";
        }

        // OpenPGP: armoured, or a binary message's first packet (an encrypted session key); those
        // bytes never start UTF-8 text.
        if (start.StartsWith("-----BEGIN PGP"u8) || (!start.IsEmpty && start[0] is 0x84 or 0x85 or 0x8C or 0x8D or 0xC1 or 0xC3))
        {
            return "the file is encrypted (OpenPGP): decrypt it first (gpg --decrypt-files FILE)";
        }

        return null;
    }
}
