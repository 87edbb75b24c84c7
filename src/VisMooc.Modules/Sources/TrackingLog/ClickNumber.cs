using System.Globalization;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.Sources.TrackingLog;

/// <summary>
/// Reads the five numbers of a video event (times and speeds): a JSON number or a string holding a
/// decimal number (<c>"1.50"</c>; surrounding blanks, a sign and an exponent allowed, as Python's
/// <c>float()</c> reads them). Times must be finite and not negative; speeds also not zero.
/// </summary>
public static class ClickNumber
{
    /// <summary>Reads <paramref name="value"/>; <paramref name="number"/> is set when the result is <see cref="ClickNumberProblem.None"/>.</summary>
    public static ClickNumberProblem Read(FieldValue value, bool isSpeed, out double number)
    {
        number = 0;
        switch (value.Kind)
        {
            case FieldKind.Null:
                return ClickNumberProblem.Absent;
            case FieldKind.Number or FieldKind.String:
                if (!double.TryParse(value.Utf8, NumberStyles.Float, CultureInfo.InvariantCulture, out number))
                {
                    return ClickNumberProblem.NotANumber;
                }

                break;
            default:
                return ClickNumberProblem.NotANumber;
        }

        if (!double.IsFinite(number))
        {
            return ClickNumberProblem.NotFinite;
        }

        if (number < 0)
        {
            return ClickNumberProblem.Negative;
        }

        if (number == 0)
        {
            number = 0; // -0 is written as 0
            return isSpeed ? ClickNumberProblem.Zero : ClickNumberProblem.None;
        }

        return ClickNumberProblem.None;
    }

    /// <summary>The warning text of a problem (empty for None and Absent).</summary>
    public static string WarningText(ClickNumberProblem problem) => problem switch
    {
        ClickNumberProblem.NotANumber => "not a number, written as NULL",
        ClickNumberProblem.NotFinite => "not a finite number, written as NULL",
        ClickNumberProblem.Negative => "negative, written as NULL",
        ClickNumberProblem.Zero => "a speed of zero, written as NULL",
        _ => "",
    };
}
