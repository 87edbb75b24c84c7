namespace VisMooc.Modules.Values;

/// <summary>Outcome of reading a datetime value.</summary>
public enum DateTimeParse
{
    /// <summary>A datetime was read.</summary>
    Ok,
    /// <summary>The value is SQL NULL (missing, null, <c>NULL</c>, empty).</summary>
    Null,
    /// <summary>The value is present but not a datetime the contract accepts.</summary>
    Invalid,
}

/// <summary>
/// Reads every datetime shape of an edX package into UTC, over UTF-8 bytes, independent of the
/// machine's time zone and culture: <c>YYYY-MM-DD HH:MM:SS[.f…]</c> (UTC), ISO 8601 with <c>T</c>,
/// seconds, any fraction and <c>Z</c>/<c>±HH:MM</c>/<c>±HHMM</c>, and epoch milliseconds.
/// The fraction is truncated.
/// </summary>
public static class UtcDateTimeParser
{
    private static readonly long s_epochTicks = DateTime.UnixEpoch.Ticks;

    /// <summary>Reads a field: text in one of the string shapes, or a number of epoch milliseconds.</summary>
    public static DateTimeParse TryParse(FieldValue value, out DateTime utc)
    {
        utc = default;
        switch (value.Kind)
        {
            case FieldKind.Null:
                return DateTimeParse.Null;
            case FieldKind.Number:
                return TryParseEpochMilliseconds(value.Utf8, out utc);
            case FieldKind.String:
                if (value.Utf8.IsEmpty || value.Utf8.SequenceEqual("NULL"u8))
                {
                    return DateTimeParse.Null;
                }

                return TryParseText(value.Utf8, out utc) ? DateTimeParse.Ok : DateTimeParse.Invalid;
            default:
                return DateTimeParse.Invalid;
        }
    }

    /// <summary>Reads epoch milliseconds (an optional sign and digits); the fraction of a second is dropped after conversion.</summary>
    public static DateTimeParse TryParseEpochMilliseconds(ReadOnlySpan<byte> digits, out DateTime utc)
    {
        utc = default;
        if (!long.TryParse(digits, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out long ms))
        {
            return DateTimeParse.Invalid;
        }

        // Floor to whole seconds: -1500 ms is 23:59:58.5 on the day before the epoch, written 23:59:58.
        long seconds = Math.DivRem(ms, 1000, out long rem) - (rem < 0 ? 1 : 0);
        const long MinSeconds = -62135596800L; // 0001-01-01
        const long MaxSeconds = 253402300799L; // 9999-12-31 23:59:59
        if (seconds < MinSeconds || seconds > MaxSeconds)
        {
            return DateTimeParse.Invalid;
        }

        utc = new DateTime(s_epochTicks + (seconds * TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        return DateTimeParse.Ok;
    }

    /// <summary>Reads the text shapes; false when the text is not one of them or not a real date.</summary>
    public static bool TryParseText(ReadOnlySpan<byte> s, out DateTime utc) => TryParseText(s, out utc, out _);

    /// <summary>
    /// Reads the text shapes keeping the fraction to the microsecond (<c>datetime(6)</c>): the first six
    /// fraction digits count, further digits are dropped (never rounded), before the offset is applied.
    /// </summary>
    public static bool TryParseTextMicroseconds(ReadOnlySpan<byte> s, out DateTime utc)
    {
        if (!TryParseText(s, out utc, out int microseconds))
        {
            return false;
        }

        // Whole seconds plus at most 999,999 µs cannot pass DateTime.MaxValue (9999-12-31 23:59:59.9999999).
        utc = utc.AddTicks(microseconds * (TimeSpan.TicksPerMillisecond / 1000));
        return true;
    }

    // The whole-second UTC time, and the first six digits of the fraction as microseconds.
    private static bool TryParseText(ReadOnlySpan<byte> s, out DateTime utc, out int microseconds)
    {
        utc = default;
        microseconds = 0;
        // YYYY-MM-DD?HH:MM:SS is the shortest accepted form (19 bytes).
        if (s.Length < 19 || s[4] != '-' || s[7] != '-' || s[13] != ':' || s[16] != ':')
        {
            return false;
        }

        bool isT = s[10] == 'T';
        if (!isT && s[10] != ' ')
        {
            return false;
        }

        if (!Digits(s[..4], out int year) || !Digits(s.Slice(5, 2), out int month) || !Digits(s.Slice(8, 2), out int day)
            || !Digits(s.Slice(11, 2), out int hour) || !Digits(s.Slice(14, 2), out int minute) || !Digits(s.Slice(17, 2), out int second))
        {
            return false;
        }

        int i = 19;
        if (i < s.Length && s[i] == '.')
        {
            int start = ++i;
            while (i < s.Length && IsDigit(s[i]))
            {
                if (i - start < 6)
                {
                    microseconds = (microseconds * 10) + (s[i] - '0');
                }

                i++;
            }

            for (int scale = i - start; scale < 6; scale++)
            {
                microseconds *= 10;
            }

            if (i == start)
            {
                return false;
            }
        }

        int offsetMinutes = 0;
        if (i < s.Length)
        {
            if (!isT)
            {
                return false; // the space form carries no zone
            }

            if (s[i] == 'Z' && i + 1 == s.Length)
            {
                i++;
            }
            else if (s[i] is (byte)'+' or (byte)'-')
            {
                int sign = s[i] == '-' ? -1 : 1;
                var zone = s[(i + 1)..];
                int oh, om;
                if (zone.Length == 5 && zone[2] == ':' && Digits(zone[..2], out oh) && Digits(zone.Slice(3, 2), out om))
                {
                }
                else if (zone.Length == 4 && Digits(zone[..2], out oh) && Digits(zone.Slice(2, 2), out om))
                {
                }
                else
                {
                    return false;
                }

                if (oh > 23 || om > 59)
                {
                    return false;
                }

                offsetMinutes = sign * ((oh * 60) + om);
                i = s.Length;
            }
            else
            {
                return false;
            }
        }

        if (month < 1 || month > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        long ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks - (offsetMinutes * TimeSpan.TicksPerMinute);
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        utc = new DateTime(ticks, DateTimeKind.Utc);
        return true;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    private static bool Digits(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        foreach (byte b in s)
        {
            if (!IsDigit(b))
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }
}
