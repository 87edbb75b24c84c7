using System.Security.Cryptography;

namespace VisMooc.Modules.Sources.TrackingLog;

/// <summary>
/// <c>observed_event_id</c>: the first 32 lowercase hex digits of SHA-256 of the line's bytes, without
/// its LF and without a CR right before that LF. The same line in two daily files is the same event.
/// </summary>
public static class StableEventId
{
    /// <summary>Length of the id in bytes.</summary>
    public const int Length = 32;

    /// <summary>
    /// Writes the id of <paramref name="line"/> (its bytes without the LF) into <paramref name="hex"/>.
    /// <paramref name="endsWithLf"/> false means the file's last line, which had no LF: a CR at its end
    /// is then data (it is not right before an LF).
    /// </summary>
    public static void Write(ReadOnlySpan<byte> line, Span<byte> hex, bool endsWithLf = true)
    {
        if (endsWithLf && !line.IsEmpty && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(line, hash);
        const string Digits = "0123456789abcdef";
        for (int i = 0; i < Length / 2; i++)
        {
            hex[2 * i] = (byte)Digits[hash[i] >> 4];
            hex[(2 * i) + 1] = (byte)Digits[hash[i] & 0xF];
        }
    }

    /// <summary>The id's first 16 hex digits as a number: what a duplicate set of 8 bytes per event keeps.</summary>
    public static ulong Prefix64(ReadOnlySpan<byte> hex)
    {
        ulong value = 0;
        for (int i = 0; i < 16; i++)
        {
            byte b = hex[i];
            value = (value << 4) | (uint)(b <= (byte)'9' ? b - '0' : b - 'a' + 10);
        }

        return value;
    }
}
