namespace VisMooc.Modules.Values;

/// <summary>
/// The stable id <c>H(s)</c>: Python 2.7's 64-bit string hash over UTF-8 bytes, taken modulo 2^63.
/// Gives <c>videos._id</c> the same values the original Python tool produced.
/// </summary>
public static class PythonHash
{
    /// <summary>Computes <c>H</c> of the UTF-8 bytes <paramref name="utf8"/>.</summary>
    public static long Compute(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return 0;
        }

        ulong x = (ulong)utf8[0] << 7;
        foreach (byte c in utf8)
        {
            x = unchecked((x * 1000003UL) ^ c);
        }

        x ^= (ulong)utf8.Length;
        long signed = unchecked((long)x);
        if (signed == -1)
        {
            signed = -2;
        }

        return signed >= 0 ? signed : unchecked(signed + long.MinValue);
    }

    /// <summary>Computes <c>H</c> of the concatenation of three UTF-8 byte runs, without joining them.</summary>
    public static long Compute(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c)
    {
        int length = a.Length + b.Length + c.Length;
        if (length == 0)
        {
            return 0;
        }

        byte first = a.Length > 0 ? a[0] : b.Length > 0 ? b[0] : c[0];
        ulong x = (ulong)first << 7;
        foreach (byte v in a)
        {
            x = unchecked((x * 1000003UL) ^ v);
        }

        foreach (byte v in b)
        {
            x = unchecked((x * 1000003UL) ^ v);
        }

        foreach (byte v in c)
        {
            x = unchecked((x * 1000003UL) ^ v);
        }

        x ^= (ulong)length;
        long signed = unchecked((long)x);
        if (signed == -1)
        {
            signed = -2;
        }

        return signed >= 0 ? signed : unchecked(signed + long.MinValue);
    }
}
