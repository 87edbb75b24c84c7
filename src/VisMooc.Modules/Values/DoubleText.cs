using System.Globalization;

namespace VisMooc.Modules.Values;

/// <summary>
/// Writes a double as the shortest decimal that reads back as the same double, in plain notation
/// (<c>290</c>, <c>308.506103515625</c>, <c>0.00000015</c>, never <c>1.5E-07</c>), invariant, into a
/// caller's UTF-8 buffer without allocating. MySQL and SQLite read such text back exactly, and a
/// reader never meets an exponent or a culture's decimal comma.
/// </summary>
public static class DoubleText
{
    /// <summary>
    /// Bytes that any finite double needs: a sign, "0.", 323 zeros before the digits of the smallest
    /// subnormal, and up to 17 significant digits; 309 digits for the largest. Rounded up.
    /// </summary>
    public const int MaxLength = 352;

    /// <summary>
    /// Writes <paramref name="value"/> into <paramref name="destination"/>; false when the value is not
    /// finite or the destination is shorter than needed (<see cref="MaxLength"/> always suffices).
    /// Negative zero is written <c>-0</c> (it reads back as negative zero).
    /// </summary>
    public static bool TryFormat(double value, Span<byte> destination, out int written)
    {
        written = 0;
        if (!double.IsFinite(value))
        {
            return false;
        }

        // .NET's "R" is the shortest round-trip form since .NET Core 3.0; only its layout is changed
        // here (it switches to an exponent below 1E-05 and from 1E+16 on).
        Span<byte> shortest = stackalloc byte[32];
        if (!value.TryFormat(shortest, out int n, "R", CultureInfo.InvariantCulture))
        {
            return false;
        }

        shortest = shortest[..n];
        bool negative = shortest[0] == (byte)'-';
        if (negative)
        {
            shortest = shortest[1..];
        }

        // Split into significant digits and the position of the decimal point relative to them.
        Span<byte> digits = stackalloc byte[32];
        int count = 0;
        int point = -1;
        int exponent = 0;
        for (int i = 0; i < shortest.Length; i++)
        {
            byte b = shortest[i];
            if (b == (byte)'.')
            {
                point = count;
            }
            else if (b is (byte)'E' or (byte)'e')
            {
                exponent = ParseExponent(shortest[(i + 1)..]);
                break;
            }
            else
            {
                digits[count++] = b;
            }
        }

        if (point < 0)
        {
            point = count;
        }

        point += exponent;
        int lead = 0;
        while (lead < count - 1 && digits[lead] == (byte)'0')
        {
            lead++;
            point--;
        }

        int end = count;
        while (end > lead + 1 && digits[end - 1] == (byte)'0')
        {
            end--;
        }

        var significant = digits[lead..end];
        if (significant.Length == 1 && significant[0] == (byte)'0')
        {
            point = 1; // zero: one digit before the point whatever the exponent said
        }

        int length = (negative ? 1 : 0) + (point <= 0 ? 2 - point + significant.Length
            : point >= significant.Length ? point
            : significant.Length + 1);
        if (destination.Length < length)
        {
            return false;
        }

        int o = 0;
        if (negative)
        {
            destination[o++] = (byte)'-';
        }

        if (point <= 0)
        {
            destination[o++] = (byte)'0';
            destination[o++] = (byte)'.';
            destination.Slice(o, -point).Fill((byte)'0');
            o += -point;
            significant.CopyTo(destination[o..]);
            o += significant.Length;
        }
        else if (point >= significant.Length)
        {
            significant.CopyTo(destination[o..]);
            o += significant.Length;
            destination.Slice(o, point - significant.Length).Fill((byte)'0');
            o += point - significant.Length;
        }
        else
        {
            significant[..point].CopyTo(destination[o..]);
            o += point;
            destination[o++] = (byte)'.';
            significant[point..].CopyTo(destination[o..]);
            o += significant.Length - point;
        }

        written = o;
        return true;
    }

    private static int ParseExponent(ReadOnlySpan<byte> text)
    {
        int sign = 1;
        int i = 0;
        if (i < text.Length && text[i] is (byte)'+' or (byte)'-')
        {
            sign = text[i] == (byte)'-' ? -1 : 1;
            i++;
        }

        int value = 0;
        for (; i < text.Length; i++)
        {
            value = (value * 10) + (text[i] - '0');
        }

        return sign * value;
    }
}
