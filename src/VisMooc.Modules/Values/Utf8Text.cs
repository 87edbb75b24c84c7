using System.Buffers;
using System.Text;

namespace VisMooc.Modules.Values;

/// <summary>Finding and replacing invalid UTF-8, so that no output carries it and no reader passes it on unreported.</summary>
public static class Utf8Text
{
    /// <summary>The index of the first byte that is not part of a valid UTF-8 sequence, or -1.</summary>
    public static int FirstInvalid(ReadOnlySpan<byte> utf8)
    {
        if (System.Text.Unicode.Utf8.IsValid(utf8))
        {
            return -1;
        }

        int i = 0;
        while (i < utf8.Length)
        {
            int nonAscii = utf8[i..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (nonAscii < 0)
            {
                return -1;
            }

            i += nonAscii;
            if (Rune.DecodeFromUtf8(utf8[i..], out _, out int consumed) != OperationStatus.Done)
            {
                return i;
            }

            i += consumed;
        }

        return -1;
    }

    /// <summary>The bytes with each invalid sequence replaced by U+FFFD (as <see cref="Encoding.UTF8"/> decodes it).</summary>
    public static byte[] Repair(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(utf8));
}
