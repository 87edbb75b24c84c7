using System.Buffers.Text;
using System.Globalization;
using VisMooc.Modules.Schema;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.Output;

/// <summary>
/// What a column of each declared SQL type can hold, as MySQL/MariaDB in strict mode and SQLite
/// both load it back exactly as written: the one check every written value passes through
/// (<see cref="CellWriter"/>), so a row that reaches a CSV loads into both databases alike.
/// </summary>
public static class ColumnValues
{
    /// <summary>Bytes a <c>text</c> column holds (MySQL counts bytes, not characters, for the TEXT types).</summary>
    public const int TextBytes = 65_535;

    /// <summary>Bytes a <c>MEDIUMTEXT</c> column holds.</summary>
    public const int MediumTextBytes = 16_777_215;

    /// <summary>The first year MySQL's <c>datetime</c> is documented to hold.</summary>
    public const int MinYear = 1000;

    /// <summary>The last year MySQL's <c>datetime</c> holds.</summary>
    public const int MaxYear = 9999;

    /// <summary>
    /// The length in bytes up to which every valid UTF-8 value fits a column of this type, so the
    /// writer checks nothing more on the common path; -1 when each value must be checked (numbers
    /// and datetimes, whose text has a grammar).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static int AlwaysFits(SqlType type, int size) => type switch
    {
        // A value of n bytes has at most n code points.
        SqlType.Varchar => size,
        SqlType.Text => TextBytes,
        SqlType.MediumText => MediumTextBytes,
        SqlType.LongText => int.MaxValue,
        _ => -1,
    };

    /// <summary>Whether a datetime column holds <paramref name="utc"/> (years 1000 to 9999).</summary>
    public static bool Holds(DateTime utc) => HoldsYear(utc.Year);

    /// <summary>Whether a datetime column holds a datetime of <paramref name="year"/> (DateTime's own years end at 9999).</summary>
    public static bool HoldsYear(int year) => year >= MinYear;

    /// <summary>
    /// Why a column of <paramref name="type"/> (and <paramref name="size"/>) cannot hold the valid
    /// UTF-8 <paramref name="utf8"/> so that both databases give it back as written, or null when it
    /// can. Quotes the value only when it is a number (see <see cref="SafeText"/>).
    /// </summary>
    public static string? Problem(SqlType type, int size, ReadOnlySpan<byte> utf8)
    {
        switch (type)
        {
            case SqlType.Varchar:
                // MySQL counts characters of utf8mb4 (code points), not bytes or UTF-16 units.
                int codePoints = CodePoints(utf8);
                return codePoints <= size ? null : Invariant($"{codePoints} characters, the column holds {size}");
            case SqlType.Text or SqlType.MediumText or SqlType.LongText:
                long max = type switch { SqlType.Text => TextBytes, SqlType.MediumText => MediumTextBytes, _ => uint.MaxValue };
                return utf8.Length <= max ? null : Invariant($"{utf8.Length} bytes, the column holds {max}");
            case SqlType.TinyInt:
                return Integer(utf8, sbyte.MinValue, sbyte.MaxValue, "TINYINT");
            case SqlType.Int:
                return Integer(utf8, int.MinValue, int.MaxValue, "INT");
            case SqlType.BigInt:
                return Integer(utf8, long.MinValue, long.MaxValue, "BIGINT");
            case SqlType.Datetime:
                return IsDatetime(utf8) ? null : SafeText.Describe(utf8) + " is not a datetime YYYY-MM-DD HH:MM:SS in the years 1000 to 9999";
            case SqlType.DateTime6:
                return utf8.Length == 26 && utf8[19] == '.' && IsDatetime(utf8[..19]) && utf8[20..].IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0
                    ? null
                    : SafeText.Describe(utf8) + " is not a datetime(6) YYYY-MM-DD HH:MM:SS.ffffff in the years 1000 to 9999";
            case SqlType.Double:
                return IsShortestDouble(utf8) ? null : SafeText.Describe(utf8) + " is not a finite number written as the shortest decimal that reads back as the same double";
            default:
                return null;
        }
    }

    /// <summary>Number of code points of valid UTF-8 (every byte that does not continue a sequence starts one).</summary>
    public static int CodePoints(ReadOnlySpan<byte> utf8)
    {
        int continuation = 0;
        foreach (byte b in utf8)
        {
            continuation += (b & 0xC0) == 0x80 ? 1 : 0;
        }

        return utf8.Length - continuation;
    }

    /// <summary>
    /// An integer written as MySQL writes one (an optional minus, no leading zero, no plus, no
    /// spaces) within the type's range. Other spellings (<c>01</c>, <c>+1</c>, <c>1.0</c>, <c>1e0</c>)
    /// would load, but as another text than the CSV holds, and <c>1.5</c> loads as 2 into MariaDB
    /// and as 1.5 into SQLite.
    /// </summary>
    private static string? Integer(ReadOnlySpan<byte> utf8, long min, long max, string typeName)
    {
        var digits = utf8.Length > 0 && utf8[0] == '-' ? utf8[1..] : utf8;
        bool canonical = digits.Length > 0 && digits.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0
            && (digits[0] != '0' || (digits.Length == 1 && digits.Length == utf8.Length));
        if (!canonical)
        {
            return SafeText.Describe(utf8) + " is not an integer as MySQL writes one (digits, an optional minus, no leading zero)";
        }

        // Digits beyond the range of long do not parse: outside the range too.
        bool parsed = Utf8Parser.TryParse(utf8, out long value, out int consumed) && consumed == utf8.Length;
        return parsed && value >= min && value <= max ? null : Invariant($"{SafeText.Describe(utf8)} is outside {typeName}'s {min} to {max}");
    }

    /// <summary>
    /// The text <see cref="DoubleText"/> writes for a finite double: both databases read it back as
    /// that double, and give it back as the same text. Other spellings (<c>1.50</c>, <c>1e3</c>,
    /// <c>+1</c>, <c>.5</c>) would load as a number whose text differs from the CSV's.
    /// </summary>
    private static bool IsShortestDouble(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length == 0 || utf8.Length > DoubleText.MaxLength || utf8.IndexOfAnyExcept("0123456789.-"u8) >= 0
            || !double.TryParse(utf8, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value))
        {
            return false;
        }

        // Negative zero: MariaDB and SQLite both give it back as 0.
        Span<byte> canonical = stackalloc byte[DoubleText.MaxLength];
        return (value != 0 || !double.IsNegative(value)) && DoubleText.TryFormat(value, canonical, out int n) && canonical[..n].SequenceEqual(utf8);
    }

    /// <summary><c>YYYY-MM-DD HH:MM:SS</c>, a real date and time, in the years the column holds.</summary>
    private static bool IsDatetime(ReadOnlySpan<byte> s)
    {
        if (s.Length != 19 || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || s[16] != ':')
        {
            return false;
        }

        foreach (int i in (ReadOnlySpan<int>)[0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18])
        {
            if (!char.IsAsciiDigit((char)s[i]))
            {
                return false;
            }
        }

        int year = ((s[0] - '0') * 1000) + ((s[1] - '0') * 100) + ((s[2] - '0') * 10) + (s[3] - '0');
        int month = ((s[5] - '0') * 10) + (s[6] - '0');
        int day = ((s[8] - '0') * 10) + (s[9] - '0');
        int hour = ((s[11] - '0') * 10) + (s[12] - '0');
        int minute = ((s[14] - '0') * 10) + (s[15] - '0');
        int second = ((s[17] - '0') * 10) + (s[18] - '0');
        return year >= MinYear && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            && hour < 24 && minute < 60 && second < 60;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
