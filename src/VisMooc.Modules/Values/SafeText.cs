using System.Buffers;
using System.Globalization;
using System.Text;

namespace VisMooc.Modules.Values;

/// <summary>
/// The masking rule for every output other than the tables (rejects' <c>raw</c>, reject reasons,
/// warnings, findings, <c>report.json</c>, the console, <c>--json</c>): an input value is quoted
/// only when it is proven harmless by its shape (a number, a user id, a datetime, a course id or
/// block key of the expected form, a known edX column name); anything else is described by its
/// length, never shown. A value in the wrong place (a shifted column, a broken record) can be a
/// username, an email or a name, and a shape is the only proof it is not.
/// </summary>
public static class SafeText
{
    // The characters edX allows in the parts of a course id (opaque-keys' ALLOWED_ID_CHARS, ASCII only).
    private static readonly SearchValues<byte> s_courseIdChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-~.:"u8);

    // ...and in block keys, which add the separators of their parts.
    private static readonly SearchValues<byte> s_blockKeyChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-~.:+@/"u8);

    private static readonly SearchValues<byte> s_hex = SearchValues.Create("0123456789abcdefABCDEF"u8);

    private static readonly HashSet<string> s_columnNames = new(StringComparer.Ordinal)
    {
        // auth_user, with the obsolete Askbot columns (both spellings of avatar_type).
        "id", "username", "first_name", "last_name", "email", "password", "is_staff", "is_active", "is_superuser",
        "last_login", "date_joined", "status", "email_key", "avatar_typ", "avatar_type", "country", "show_country",
        "date_of_birth", "interesting_tags", "ignored_tags", "email_tag_filter_strategy", "display_tag_filter_strategy",
        "consecutive_days_visit_count",
        // auth_userprofile
        "user_id", "name", "language", "location", "meta", "courseware", "gender", "mailing_address", "year_of_birth",
        "level_of_education", "goals", "allow_certificate", "city", "bio", "profile_image_uploaded_at", "phone_number", "state",
        // student_courseenrollment
        "course_id", "created", "mode",
        // certificates_generatedcertificate
        "download_url", "grade", "key", "distinction", "verify_uuid", "download_uuid", "created_date", "modified_date", "error_reason",
    };

    /// <summary>A decimal number: an optional sign, up to 20 digits, an optional fraction of up to 20 digits.</summary>
    public static bool IsNumber(ReadOnlySpan<byte> s)
    {
        if (s.Length > 0 && s[0] is (byte)'-' or (byte)'+')
        {
            s = s[1..];
        }

        int dot = s.IndexOf((byte)'.');
        var whole = dot < 0 ? s : s[..dot];
        var fraction = dot < 0 ? default : s[(dot + 1)..];
        return whole.Length is > 0 and <= 20 && IsDigits(whole) && (dot < 0 || (fraction.Length is > 0 and <= 20 && IsDigits(fraction)));
    }

    /// <summary>Digits only (at least one).</summary>
    public static bool IsDigits(ReadOnlySpan<byte> s) => s.Length > 0 && s.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;

    /// <summary>Hex digits only (at least one, at most 64): a Mongo ObjectId, a block hash.</summary>
    public static bool IsHex(ReadOnlySpan<byte> s) => s.Length is > 0 and <= 64 && s.IndexOfAnyExcept(s_hex) < 0;

    /// <summary>
    /// A datetime as edX or Mongo writes one, its numbers possibly out of range: epoch milliseconds
    /// (<c>-?digits</c>), or <c>YYYY-M-D</c>, optionally followed by <c>T</c> or a space and
    /// <c>H[:M[:S[.f]]]</c>, and <c>Z</c> or an offset. Year first: a phone number does not pass.
    /// </summary>
    public static bool IsDateLike(ReadOnlySpan<byte> s)
    {
        if (IsDigits(s.Length > 0 && s[0] == '-' ? s[1..] : s))
        {
            return s.Length <= 21;
        }

        int at = 0;
        if (!Digits(s, ref at, 4, 4) || !Literal(s, ref at, '-') || !Digits(s, ref at, 1, 2) || !Literal(s, ref at, '-') || !Digits(s, ref at, 1, 2))
        {
            return false;
        }

        if (at < s.Length && s[at] is (byte)'T' or (byte)' ')
        {
            at++;
            if (!Digits(s, ref at, 1, 2))
            {
                return false;
            }

            for (int part = 0; part < 2 && at < s.Length && s[at] == ':'; part++)
            {
                at++;
                if (!Digits(s, ref at, 1, 2))
                {
                    return false;
                }
            }

            if (at < s.Length && s[at] is (byte)'.' or (byte)',')
            {
                at++;
                if (!Digits(s, ref at, 1, 12))
                {
                    return false;
                }
            }
        }

        if (at < s.Length && s[at] is (byte)'Z' or (byte)'z')
        {
            at++;
        }
        else if (at < s.Length && s[at] is (byte)'+' or (byte)'-')
        {
            at++;
            if (!Digits(s, ref at, 2, 2))
            {
                return false;
            }

            if (at < s.Length && s[at] == ':')
            {
                at++;
            }

            if (at < s.Length && !Digits(s, ref at, 2, 2))
            {
                return false;
            }
        }

        return at == s.Length;
    }

    /// <summary>
    /// A course id of either era, or a CCX course: <c>Org/Course/Run</c>, <c>course-v1:Org+Course+Run</c>,
    /// <c>ccx-v1:Org+Course+Run+ccx@N</c>, each part made of the characters edX allows (ASCII letters,
    /// digits, <c>_ - ~ . :</c>). An email (<c>@</c>) or a name (spaces) is not one.
    /// </summary>
    public static bool IsCourseId(ReadOnlySpan<byte> s)
    {
        if (s.Length is 0 or > 255)
        {
            return false;
        }

        if (s.StartsWith("course-v1:"u8))
        {
            return Parts(s["course-v1:".Length..], (byte)'+', 3);
        }

        if (s.StartsWith("ccx-v1:"u8))
        {
            var rest = s["ccx-v1:".Length..];
            int last = rest.LastIndexOf((byte)'+');
            return last > 0 && Parts(rest[..last], (byte)'+', 3) && rest[(last + 1)..].StartsWith("ccx@"u8) && IsDigits(rest[(last + 1 + 4)..]);
        }

        return s.IndexOf((byte)':') < 0 && Parts(s, (byte)'/', 3);
    }

    /// <summary>As <see cref="IsCourseId(ReadOnlySpan{byte})"/>, for text.</summary>
    public static bool IsCourseId(string s) => IsCourseId(Encoding.UTF8.GetBytes(s));

    /// <summary>A course-structure block key: <c>i4x://…</c> or <c>block-v1:…</c>, of the characters edX keys are made of.</summary>
    public static bool IsBlockKey(ReadOnlySpan<byte> s) =>
        s.Length <= 512 && (s.StartsWith("i4x://"u8) || s.StartsWith("block-v1:"u8)) && s.IndexOfAnyExcept(s_blockKeyChars) < 0;

    /// <summary>A column name of the edX files (their documented headers); any other "name" may be data read as a header.</summary>
    public static bool IsColumnName(string name) => s_columnNames.Contains(name);

    /// <summary>As <see cref="Describe(ReadOnlySpan{byte})"/>, or <c>NULL</c> for SQL NULL.</summary>
    public static string Describe(FieldValue value) => value.IsNull ? "NULL" : Describe(value.Utf8);

    /// <summary>A value for a message: itself when it is a number, else its length (<c>a value of 12 characters, not quoted</c>).</summary>
    public static string Describe(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return "the empty string";
        }

        return IsNumber(utf8) ? Encoding.ASCII.GetString(utf8) : Length(utf8) + " (not quoted)";
    }

    /// <summary>A value for a message when <paramref name="harmless"/>: quoted, else described by its length.</summary>
    public static string Quote(ReadOnlySpan<byte> utf8, bool harmless) =>
        harmless ? "'" + Encoding.UTF8.GetString(utf8) + "'" : Length(utf8) + " (not quoted)";

    /// <summary>As <see cref="Quote(ReadOnlySpan{byte}, bool)"/>, for text.</summary>
    public static string Quote(string text, bool harmless) => harmless ? "'" + text + "'" : Length(Encoding.UTF8.GetBytes(text)) + " (not quoted)";

    /// <summary>A header name for a message: quoted when it is a known edX column name.</summary>
    public static string ColumnName(string name) => IsColumnName(name) ? "'" + name + "'" : Length(Encoding.UTF8.GetBytes(name)) + " (not quoted)";

    private static string Length(ReadOnlySpan<byte> utf8)
    {
        // Characters as MySQL counts them (code points); bytes when the value is not UTF-8.
        bool utf8Valid = System.Text.Unicode.Utf8.IsValid(utf8);
        int count = utf8.Length;
        if (utf8Valid)
        {
            count = 0;
            foreach (byte b in utf8)
            {
                count += (b & 0xC0) == 0x80 ? 0 : 1;
            }
        }

        string unit = utf8Valid ? " character" : " byte";
        return "a value of " + count.ToString(CultureInfo.InvariantCulture) + unit + (count == 1 ? "" : "s");
    }

    private static bool Parts(ReadOnlySpan<byte> s, byte separator, int count)
    {
        int n = 0;
        foreach (var range in s.Split(separator))
        {
            var part = s[range];
            if (part.IsEmpty || part.IndexOfAnyExcept(s_courseIdChars) >= 0)
            {
                return false;
            }

            n++;
        }

        return n == count;
    }

    private static bool Digits(ReadOnlySpan<byte> s, ref int at, int min, int max)
    {
        int start = at;
        while (at < s.Length && at - start < max && char.IsAsciiDigit((char)s[at]))
        {
            at++;
        }

        return at - start >= min;
    }

    private static bool Literal(ReadOnlySpan<byte> s, ref int at, char c)
    {
        if (at < s.Length && s[at] == c)
        {
            at++;
            return true;
        }

        return false;
    }
}
