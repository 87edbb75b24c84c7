using System.Buffers;
using System.Text;

namespace VisMooc.Modules.Sources.TrackingLog;

/// <summary>Removes surrounding whitespace (Unicode White_Space: ASCII blanks, NBSP, ideographic space…) from UTF-8 text.</summary>
internal static class Utf8Whitespace
{
    /// <summary>The text without leading and trailing whitespace.</summary>
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> text) => text[TrimRange(text)];

    /// <summary>Where the text without leading and trailing whitespace lies.</summary>
    public static Range TrimRange(ReadOnlySpan<byte> text)
    {
        int start = 0;
        int end = text.Length;
        while (start < end)
        {
            if (text[start] < 0x80)
            {
                if (!IsAsciiWhiteSpace(text[start]))
                {
                    break;
                }

                start++;
                continue;
            }

            if (Rune.DecodeFromUtf8(text[start..end], out var rune, out int n) != OperationStatus.Done || !Rune.IsWhiteSpace(rune))
            {
                break;
            }

            start += n;
        }

        while (end > start)
        {
            if (text[end - 1] < 0x80)
            {
                if (!IsAsciiWhiteSpace(text[end - 1]))
                {
                    break;
                }

                end--;
                continue;
            }

            if (Rune.DecodeLastFromUtf8(text[start..end], out var rune, out int n) != OperationStatus.Done || !Rune.IsWhiteSpace(rune))
            {
                break;
            }

            end -= n;
        }

        return start..end;
    }

    // Tab, LF, VT, FF, CR (U+0009–U+000D) and space; U+0085 and the others are not ASCII.
    private static bool IsAsciiWhiteSpace(byte b) => b == (byte)' ' || (uint)(b - 0x09) <= 0x0D - 0x09;
}
