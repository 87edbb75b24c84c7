using System.ComponentModel;
using VisMooc.Modules.Output;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.Sources.TrackingLog;

/// <summary>
/// The conversions <c>click_events</c> adds to the ones in <c>ValueConversions</c>: <c>datetime(6)</c>
/// and the five doubles, each writing exactly one value into a <see cref="CellWriter"/>.
/// </summary>
public static class ClickConversions
{
    /// <summary>A datetime in UTC as <c>YYYY-MM-DD HH:MM:SS.ffffff</c>; NULL when absent, NULL plus a warning when unreadable.</summary>
    [Description("datetime converted to UTC, written YYYY-MM-DD HH:MM:SS.ffffff (six fraction digits, further digits dropped; no offset = UTC); absent/NULL/empty gives NULL; unreadable gives NULL and a warning")]
    public static void DateTime6Utc(CellWriter cell, FieldValue value)
    {
        if (value.IsNullOrEmpty || (value.Kind == FieldKind.String && value.Utf8.SequenceEqual("NULL"u8)))
        {
            cell.WriteNull();
        }
        else if (value.Kind == FieldKind.String && UtcDateTimeParser.TryParseTextMicroseconds(value.Utf8, out var utc) && ColumnValues.Holds(utc))
        {
            WriteDateTime6(cell, utc);
        }
        else
        {
            cell.WriteNull();
            cell.Warn("unreadable datetime written as NULL", value);
        }
    }

    /// <summary>A video time: the shortest round-trip decimal; NULL when absent; NULL and a warning when not a finite number ≥ 0.</summary>
    [Description("number (JSON number or numeric string) written as the shortest decimal that reads back as the same double, no exponent, no trailing .0; absent/null gives NULL; not a number, not finite or negative gives NULL and a warning")]
    public static void VideoTime(CellWriter cell, FieldValue value) => Number(cell, value, isSpeed: false);

    /// <summary>A playback speed: as <see cref="VideoTime"/>, and zero is NULL with a warning too.</summary>
    [Description("as VideoTime, and a speed of zero also gives NULL and a warning")]
    public static void VideoSpeed(CellWriter cell, FieldValue value) => Number(cell, value, isSpeed: true);

    /// <summary>Writes a UTC datetime as <c>YYYY-MM-DD HH:MM:SS.ffffff</c> (the microseconds of the value; finer ticks dropped).</summary>
    public static void WriteDateTime6(CellWriter cell, DateTime utc)
    {
        Span<byte> text = stackalloc byte[26];
        Digits(text[..4], utc.Year);
        text[4] = (byte)'-';
        Digits(text.Slice(5, 2), utc.Month);
        text[7] = (byte)'-';
        Digits(text.Slice(8, 2), utc.Day);
        text[10] = (byte)' ';
        Digits(text.Slice(11, 2), utc.Hour);
        text[13] = (byte)':';
        Digits(text.Slice(14, 2), utc.Minute);
        text[16] = (byte)':';
        Digits(text.Slice(17, 2), utc.Second);
        text[19] = (byte)'.';
        Digits(text.Slice(20, 6), (int)(utc.Ticks % TimeSpan.TicksPerSecond / 10));
        cell.WriteText(text);
    }

    /// <summary>Writes a finite double as its shortest round-trip decimal without exponent (<see cref="DoubleText"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or infinite (check first: such values are NULL).</exception>
    public static void WriteDouble(CellWriter cell, double value)
    {
        // Negative zero ("-0" in a log) is written 0: the databases give -0 back as 0.
        Span<byte> text = stackalloc byte[DoubleText.MaxLength];
        if (!DoubleText.TryFormat(value == 0 ? 0 : value, text, out int n))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "only finite numbers have a decimal form");
        }

        cell.WriteText(text[..n]);
    }

    private static void Number(CellWriter cell, FieldValue value, bool isSpeed)
    {
        var problem = ClickNumber.Read(value, isSpeed, out double number);
        if (problem == ClickNumberProblem.None)
        {
            WriteDouble(cell, number);
            return;
        }

        cell.WriteNull();
        if (problem != ClickNumberProblem.Absent)
        {
            cell.Warn(ClickNumber.WarningText(problem), value);
        }
    }

    private static void Digits(Span<byte> destination, int value)
    {
        for (int i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
