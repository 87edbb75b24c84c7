using System.Buffers;
using System.ComponentModel;
using VisMooc.Modules.Output;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.Conversions;

/// <summary>
/// The conversion functions table declarations name in <c>Convert = "…"</c>. Each writes exactly
/// one value for its column from its source field(s).
/// </summary>
public static class ValueConversions
{
    /// <summary>Copies the value as text; NULL becomes the empty string (the columns are NOT NULL).</summary>
    [Description("copied as text; NULL becomes the empty string")]
    public static void Text(CellWriter cell, FieldValue value) => cell.WriteText(value.Utf8);

    /// <summary><c>0</c> or <c>1</c> copied (edX's booleans, such as <c>is_active</c>); any other value, NULL and empty included, rejects the row.</summary>
    [Description("0 or 1 copied; any other value (NULL and empty too) rejects the row")]
    public static void ZeroOrOne(CellWriter cell, FieldValue value)
    {
        if (value.Utf8.Length != 1 || (value.Utf8[0] != '0' && value.Utf8[0] != '1'))
        {
            cell.RejectRow(SafeText.Describe(value) + " is not 0 or 1");
        }

        cell.WriteText(value.Utf8);
    }

    /// <summary>A user id copied (digits without a leading zero, see <see cref="UserIds"/>); anything else, NULL and empty included, rejects the row.</summary>
    [Description("a user id (digits without a leading zero) copied; anything else (NULL and empty too) rejects the row")]
    public static void UserId(CellWriter cell, FieldValue value)
    {
        if (!UserIds.IsValid(value.Utf8))
        {
            cell.RejectRow(UserIds.Problem(value));
        }

        cell.WriteText(value.Utf8);
    }

    /// <summary>Always the empty string (columns the original tool left empty).</summary>
    [Description("always the empty string")]
    public static void Empty(CellWriter cell) => cell.WriteText(ReadOnlySpan<byte>.Empty);

    /// <summary>A datetime in UTC as <c>YYYY-MM-DD HH:MM:SS</c>; NULL when absent, NULL plus a warning when unreadable.</summary>
    [Description("datetime converted to UTC, written YYYY-MM-DD HH:MM:SS (fraction dropped); absent/NULL/empty gives NULL; unreadable gives NULL and a warning")]
    public static void DateTimeUtc(CellWriter cell, FieldValue value)
    {
        switch (UtcDateTimeParser.TryParse(value, out var utc))
        {
            case DateTimeParse.Ok:
                cell.WriteDateTime(utc);
                break;
            case DateTimeParse.Null:
                cell.WriteNull();
                break;
            default:
                cell.WriteNull();
                cell.Warn("unreadable datetime written as NULL", value);
                break;
        }
    }

    /// <summary>
    /// A number as the shortest decimal that reads back as the same double, without exponent or trailing
    /// <c>.0</c> (<see cref="DoubleText"/>); NULL stays NULL; anything else (empty, text, NaN, infinity,
    /// a number beyond a double) is NULL with a warning. Negative zero is written <c>0</c>, as both databases give it back.
    /// </summary>
    [Description("number written as the shortest decimal that reads back as the same double (no exponent, no trailing .0); NULL gives NULL; anything else gives NULL and a warning")]
    public static void Double(CellWriter cell, FieldValue value)
    {
        if (value.IsNull)
        {
            cell.WriteNull();
            return;
        }

        const System.Globalization.NumberStyles Number = System.Globalization.NumberStyles.AllowLeadingSign
            | System.Globalization.NumberStyles.AllowDecimalPoint | System.Globalization.NumberStyles.AllowExponent;
        Span<byte> text = stackalloc byte[DoubleText.MaxLength];
        if (!double.TryParse(value.Utf8, Number, System.Globalization.CultureInfo.InvariantCulture, out double number)
            || !DoubleText.TryFormat(number == 0 ? 0d : number, text, out int written))
        {
            cell.WriteNull();
            cell.Warn("not a number, written as NULL", value);
            return;
        }

        cell.WriteText(text[..written]);
    }

    /// <summary>The stable id <c>H(value)</c> in decimal.</summary>
    [Description("stable id H(value): Python 2.7's string hash of the UTF-8 bytes, modulo 2^63, in decimal")]
    public static void StableId(CellWriter cell, FieldValue value) => cell.WriteInt64(PythonHash.Compute(value.Utf8));

    /// <summary>The pseudonym of the value (NULL hashes as the empty string): unsalted RIPEMD-160 hex, or keyed HMAC-SHA256 when a key is set.</summary>
    [Description("pseudonym: lowercase hex RIPEMD-160 of the UTF-8 bytes (unsalted, as MOOCdb); with --pseudonym-key-file, HMAC-SHA256 keyed by the file, first 40 hex digits")]
    public static void Pseudonym(CellWriter cell, FieldValue value)
    {
        if (cell.CheckOnly)
        {
            // Only checking whether the row fits: every pseudonym has the same 40 characters.
            cell.WriteText(CellWriter.PseudonymPlaceholder);
            return;
        }

        Span<byte> hex = stackalloc byte[Values.Pseudonym.HexLength];
        Values.Pseudonym.Hex(cell.PseudonymKey, value.Utf8, hex);
        cell.WriteText(hex);
    }

    /// <summary>The pseudonym of the value, or the empty string when the value is NULL or empty.</summary>
    [Description("as Pseudonym, or empty when NULL or empty")]
    public static void PseudonymOrEmpty(CellWriter cell, FieldValue value)
    {
        if (value.IsNullOrEmpty)
        {
            cell.WriteText(ReadOnlySpan<byte>.Empty);
            return;
        }

        Pseudonym(cell, value);
    }

    /// <summary>A JSON <c>display_name</c>: its text when it is a string, else the empty string.</summary>
    [Description("the JSON string, or empty when absent, null or not a string")]
    public static void DisplayName(CellWriter cell, FieldValue value) =>
        cell.WriteText(value.Kind == FieldKind.String ? value.Utf8 : ReadOnlySpan<byte>.Empty);

    /// <summary>The course id spelled as the package's tabular files spell it, from the course root key.</summary>
    [Description("course id as the package's TSV files spell it: i4x://O/C/course/R gives O/C/R, block-v1:O+C+R+… gives course-v1:O+C+R")]
    public static void CourseId(CellWriter cell, FieldValue courseKey)
    {
        byte[] rented = ArrayPool<byte>.Shared.Rent(courseKey.Utf8.Length + 16);
        int n = CourseKey.CourseId(courseKey.Utf8, rented);
        cell.WriteText(rented.AsSpan(0, n));
        ArrayPool<byte>.Shared.Return(rented);
    }

    /// <summary>The org part of the course root key, or empty for keys of neither era.</summary>
    [Description("the org part of the course key (empty for keys of neither era)")]
    public static void CourseOrg(CellWriter cell, FieldValue courseKey) => cell.WriteText(CourseKey.Org(courseKey.Utf8));

    /// <summary><c>{year of start}_Q0_R0</c>, or empty without a readable start.</summary>
    [Description("{year of the UTC start}_Q0_R0, or empty without a start (or one before the year 1000)")]
    public static void CourseYear(CellWriter cell, FieldValue start)
    {
        // A start that start_date cannot hold (before the year 1000) is no start there either.
        if (UtcDateTimeParser.TryParse(start, out var utc) != DateTimeParse.Ok || !ColumnValues.Holds(utc))
        {
            cell.WriteText(ReadOnlySpan<byte>.Empty);
            return;
        }

        Span<byte> text = stackalloc byte[10];
        int y = utc.Year;
        for (int i = 3; i >= 0; i--)
        {
            text[i] = (byte)('0' + (y % 10));
            y /= 10;
        }

        "_Q0_R0"u8.CopyTo(text[4..]);
        cell.WriteText(text);
    }

    /// <summary><c>H(course id + "|" + video key)</c>: unique per course run even for run-less i4x keys.</summary>
    [Description("H(course id + '|' + video key)")]
    public static void CourseVideoId(CellWriter cell, FieldValue courseKey, FieldValue videoKey)
    {
        byte[] rented = ArrayPool<byte>.Shared.Rent(courseKey.Utf8.Length + 16);
        int n = CourseKey.CourseId(courseKey.Utf8, rented);
        cell.WriteInt64(PythonHash.Compute(rented.AsSpan(0, n), "|"u8, videoKey.Utf8));
        ArrayPool<byte>.Shared.Return(rented);
    }

    /// <summary>First <c>html5_sources</c> entry when present, else the YouTube watch URL of <c>youtube_id_1_0</c>, else empty.</summary>
    [Description("first html5_sources entry; else https://www.youtube.com/watch?v={youtube_id_1_0}; else empty")]
    public static void VideoUrl(CellWriter cell, FieldValue firstHtml5Source, FieldValue youtubeId)
    {
        if (!firstHtml5Source.IsNull)
        {
            cell.WriteText(firstHtml5Source.Utf8);
        }
        else if (youtubeId.Kind == FieldKind.String && !youtubeId.Utf8.IsEmpty)
        {
            const string Prefix = "https://www.youtube.com/watch?v=";
            byte[] rented = ArrayPool<byte>.Shared.Rent(Prefix.Length + youtubeId.Utf8.Length);
            System.Text.Encoding.ASCII.GetBytes(Prefix, rented);
            youtubeId.Utf8.CopyTo(rented.AsSpan(Prefix.Length));
            cell.WriteText(rented.AsSpan(0, Prefix.Length + youtubeId.Utf8.Length));
            ArrayPool<byte>.Shared.Return(rented);
        }
        else
        {
            cell.WriteText(ReadOnlySpan<byte>.Empty);
        }
    }

    /// <summary>The profile's <c>id</c>, or <c>user-{auth_user.id}</c> for a user without a profile.</summary>
    [Description("the joined profile's id, or user-{auth_user.id} for a user without a profile")]
    public static void ProfileIdOrUserKey(CellWriter cell, FieldValue profileId, FieldValue userId)
    {
        if (!profileId.IsNull)
        {
            cell.WriteText(profileId.Utf8);
            return;
        }

        // The id comes from the input, so its size is not bounded: never put it on the stack.
        int length = 5 + userId.Utf8.Length;
        byte[] rented = ArrayPool<byte>.Shared.Rent(length);
        "user-"u8.CopyTo(rented);
        userId.Utf8.CopyTo(rented.AsSpan(5));
        cell.WriteText(rented.AsSpan(0, length));
        ArrayPool<byte>.Shared.Return(rented);
    }

    /// <summary>The value for forum threads (<c>_type</c> = <c>CommentThread</c>), else empty.</summary>
    [Description("the value when _type is CommentThread, else empty")]
    public static void ThreadOnly(CellWriter cell, FieldValue type, FieldValue value) =>
        cell.WriteText(type.Utf8.SequenceEqual("CommentThread"u8) ? value.Utf8 : ReadOnlySpan<byte>.Empty);

    /// <summary>The value for forum comments (<c>_type</c> = <c>Comment</c>), else empty.</summary>
    [Description("the value when _type is Comment, else empty")]
    public static void CommentOnly(CellWriter cell, FieldValue type, FieldValue value) =>
        cell.WriteText(type.Utf8.SequenceEqual("Comment"u8) ? value.Utf8 : ReadOnlySpan<byte>.Empty);
}
