using System.Globalization;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.Privacy;

/// <summary>
/// What a rejects file keeps of a rejected record (an edX TSV row or a forum JSON line): an
/// allow-list. A value is kept only when its column or key has a harmless role (ids, datetimes,
/// course ids, flags and codes, JSON structure) and the value has that role's shape; everything
/// else becomes <c>***</c>. So the record's shape (its fields, which are empty, its keys and
/// brackets), its ids and dates stay, to find it in the input and see what is wrong, while a name,
/// an email or a username never does, wherever a broken record puts it (a line split by a raw
/// LF, a shifted column, a file in UTF-16 whose every byte pair holds a NUL).
/// </summary>
public static class RawMasker
{
    private const string Masked = "***";

    private static readonly HashSet<string> s_genders = new(StringComparer.Ordinal) { "m", "f", "o" };

    private static readonly HashSet<string> s_educationLevels = new(StringComparer.Ordinal)
    {
        "p", "m", "b", "a", "hs", "jhs", "el", "none", "other", "p_se", "p_oth",
    };

    private static readonly HashSet<string> s_modes = new(StringComparer.Ordinal)
    {
        "honor", "audit", "verified", "professional", "no-id-professional", "credit", "masters", "executive-education",
    };

    private static readonly HashSet<string> s_certificateStatuses = new(StringComparer.Ordinal)
    {
        "downloadable", "notpassing", "audit_passing", "audit_notpassing", "generating", "regenerating", "deleting", "deleted",
        "error", "restricted", "unavailable", "unverified", "auditing", "honor_passing", "invalidated", "requesting",
    };

    /// <summary>The shape a value must have to be kept.</summary>
    private delegate bool Shape(ReadOnlySpan<byte> value);

    // The columns of the edX .sql files whose values are kept when they have the column's shape.
    private static readonly Dictionary<string, Shape> s_tsvColumns = new(StringComparer.Ordinal)
    {
        ["id"] = IsId,
        ["user_id"] = IsId,
        ["course_id"] = SafeText.IsCourseId,
        ["is_staff"] = IsFlag,
        ["is_active"] = IsFlag,
        ["is_superuser"] = IsFlag,
        ["allow_certificate"] = IsFlag,
        ["distinction"] = IsFlag,
        ["show_country"] = IsFlag,
        ["email_tag_filter_strategy"] = IsFlag,
        ["display_tag_filter_strategy"] = IsFlag,
        ["consecutive_days_visit_count"] = IsSmallNumber,
        ["year_of_birth"] = IsSmallNumber,
        ["grade"] = SafeText.IsNumber,
        ["last_login"] = SafeText.IsDateLike,
        ["date_joined"] = SafeText.IsDateLike,
        ["created"] = SafeText.IsDateLike,
        ["created_date"] = SafeText.IsDateLike,
        ["modified_date"] = SafeText.IsDateLike,
        ["profile_image_uploaded_at"] = SafeText.IsDateLike,
        ["gender"] = v => In(s_genders, v),
        ["level_of_education"] = v => In(s_educationLevels, v),
        ["mode"] = v => In(s_modes, v),
        ["status"] = v => In(s_certificateStatuses, v),
        ["country"] = v => v.Length == 2 && char.IsAsciiLetterUpper((char)v[0]) && char.IsAsciiLetterUpper((char)v[1]),
    };

    // The keys of forum documents: a known key is shown, and its value kept when it has the key's shape.
    private static readonly Dictionary<string, JsonKey> s_jsonKeys = new(StringComparer.Ordinal)
    {
        ["$oid"] = new(SafeText.IsHex, numbers: false),
        ["$date"] = new(SafeText.IsDateLike, numbers: true),
        ["$numberLong"] = new(SafeText.IsDateLike, numbers: true),
        ["_id"] = JsonKey.Structure,
        ["_type"] = new(v => v.SequenceEqual("Comment"u8) || v.SequenceEqual("CommentThread"u8), numbers: false),
        ["thread_type"] = new(v => v.SequenceEqual("discussion"u8) || v.SequenceEqual("question"u8), numbers: false),
        ["context"] = new(v => v.SequenceEqual("course"u8) || v.SequenceEqual("standalone"u8), numbers: false),
        ["course_id"] = new(SafeText.IsCourseId, numbers: false),
        ["author_id"] = new(IsId, numbers: true),
        ["user_id"] = new(IsId, numbers: true),
        ["abuse_flaggers"] = new(IsId, numbers: true),
        ["historical_abuse_flaggers"] = new(IsId, numbers: true),
        ["up"] = new(IsId, numbers: true),
        ["down"] = new(IsId, numbers: true),
        ["anonymous"] = JsonKey.Literal,
        ["anonymous_to_peers"] = JsonKey.Literal,
        ["closed"] = JsonKey.Literal,
        ["pinned"] = JsonKey.Literal,
        ["endorsed"] = JsonKey.Literal,
        ["visible"] = JsonKey.Literal,
        ["comment_count"] = JsonKey.Literal,
        ["count"] = JsonKey.Literal,
        ["point"] = JsonKey.Literal,
        ["up_count"] = JsonKey.Literal,
        ["down_count"] = JsonKey.Literal,
        ["depth"] = JsonKey.Literal,
        ["child_count"] = JsonKey.Literal,
        ["group_id"] = JsonKey.Literal,
        ["created_at"] = new(SafeText.IsDateLike, numbers: true),
        ["updated_at"] = new(SafeText.IsDateLike, numbers: true),
        ["last_activity_at"] = new(SafeText.IsDateLike, numbers: true),
        ["time"] = new(SafeText.IsDateLike, numbers: true),
        ["comment_thread_id"] = JsonKey.Structure,
        ["parent_id"] = JsonKey.Structure,
        ["parent_ids"] = JsonKey.Structure,
        ["votes"] = JsonKey.Structure,
        ["endorsement"] = JsonKey.Structure,
        ["body"] = JsonKey.Structure,
        ["title"] = JsonKey.Structure,
        ["commentable_id"] = JsonKey.Structure,
        ["sk"] = JsonKey.Structure,
        ["at_position_list"] = JsonKey.Structure,
        ["tags_array"] = JsonKey.Structure,
        ["author_username"] = JsonKey.Personal,
        ["retired_username"] = JsonKey.Personal,
        ["username"] = JsonKey.Personal,
        ["email"] = JsonKey.Personal,
        ["name"] = JsonKey.Personal,
    };

    /// <summary>
    /// The record with every field masked but those whose column (by the header) allows its
    /// value's shape; empty and <c>NULL</c> fields are kept everywhere (they say nothing). When the
    /// field count does not match the header, positions cannot be trusted: only a first field that
    /// is an id is kept.
    /// </summary>
    public static byte[] Mask(ReadOnlySpan<byte> raw, IReadOnlyList<string> header)
    {
        var output = new List<byte>(raw.Length);
        int fieldCount = raw.Count((byte)'\t') + 1;
        bool aligned = fieldCount == header.Count;
        int index = 0;
        foreach (var range in raw.Split((byte)'\t'))
        {
            if (index > 0)
            {
                output.Add((byte)'\t');
            }

            var value = raw[range];
            bool keep = value.IsEmpty || value.SequenceEqual("NULL"u8)
                || (aligned ? s_tsvColumns.TryGetValue(header[index], out var shape) && shape(value) : index == 0 && IsId(value));
            output.AddRange(keep ? value : "***"u8);
            index++;
        }

        return output.ToArray();
    }

    /// <summary>
    /// The forum line with every key but the known ones, and every value but those of the shape
    /// their key allows (and <c>true</c>, <c>false</c>, <c>null</c>), masked; the values of
    /// username, email and name keys are masked whole, objects and arrays included. It works on
    /// bytes and on broken JSON (a line cut inside a key or a value, an escaped key, a bare value,
    /// a UTF-16 line), since lines are rejected exactly because they are broken: where it cannot
    /// tell what a byte is, it masks it. Linear in the line.
    /// </summary>
    public static byte[] MaskJson(ReadOnlySpan<byte> line)
    {
        var output = new List<byte>(line.Length + 8);
        var containers = new List<JsonKey?>();
        JsonKey? valueKey = null; // the key whose value comes next; null: unknown (masked)
        int i = 0;
        if (line.StartsWith("\uFEFF"u8))
        {
            output.AddRange(line[..3]);
            i = 3;
        }

        int first = SkipSpace(line, i);
        if (first < line.Length && line[first] != '{')
        {
            // Not the start of a document (the tail of a line cut by a raw LF, a UTF-16 line):
            // whether the first quote opens or closes a string is unknown, so all up to it is masked.
            int quote = line[first..].IndexOf((byte)'"');
            output.AddRange(line[i..first]);
            output.AddRange("***"u8);
            if (quote < 0)
            {
                return output.ToArray();
            }

            output.Add((byte)'"');
            i = first + quote + 1;
        }

        while (i < line.Length)
        {
            byte b = line[i];
            switch (b)
            {
                case (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)':' or (byte)',':
                    output.Add(b);
                    i++;
                    break;
                case (byte)'{':
                    output.Add(b);
                    containers.Add(valueKey);
                    valueKey = null;
                    i++;
                    break;
                case (byte)'[':
                    // The elements of an array have the role of the key that holds it.
                    output.Add(b);
                    containers.Add(valueKey);
                    i++;
                    break;
                case (byte)'}' or (byte)']':
                    output.Add(b);
                    if (containers.Count > 0)
                    {
                        valueKey = containers[^1];
                        containers.RemoveAt(containers.Count - 1);
                    }

                    i++;
                    break;
                case (byte)'"':
                    i = String(line, i, output, ref valueKey);
                    break;
                default:
                    i = Bare(line, i, output, valueKey);
                    break;
            }
        }

        return output.ToArray();
    }

    /// <summary>A string at <paramref name="open"/>: a key (followed by a colon) or a value. Returns where the next token starts.</summary>
    private static int String(ReadOnlySpan<byte> line, int open, List<byte> output, ref JsonKey? valueKey)
    {
        int close = StringEnd(line, open);
        bool closed = close < line.Length;
        var text = line[(open + 1)..close];
        int colon = SkipSpace(line, close + 1);
        if (closed && colon < line.Length && line[colon] == ':')
        {
            var key = KeyOf(text);
            if (key is null)
            {
                output.AddRange("\"***\""u8);
                valueKey = null;
                return close + 1;
            }

            output.AddRange(line[open..(close + 1)]);
            if (!ReferenceEquals(key, JsonKey.Personal))
            {
                valueKey = key;
                return close + 1;
            }

            // A username, email or name: its whole value goes, whatever it is (a string, a
            // number, an object, an array), up to the end of the line when it is not closed.
            int start = SkipSpace(line, colon + 1);
            output.AddRange(line[(close + 1)..start]);
            valueKey = null;
            if (start == line.Length)
            {
                return start;
            }

            var (_, to) = ValueRange(line, start);
            if (line[start] != '"')
            {
                output.AddRange("***"u8);
                return to;
            }

            output.AddRange(to < line.Length ? "\"***\""u8 : "\"***"u8);
            return Math.Min(to + 1, line.Length);
        }

        // A value: kept when its key allows its shape.
        if (closed && valueKey?.Strings is { } shape && text.IndexOf((byte)'\\') < 0 && shape(text))
        {
            output.AddRange(line[open..(close + 1)]);
        }
        else
        {
            output.AddRange(closed ? "\"***\""u8 : "\"***"u8);
        }

        return closed ? close + 1 : line.Length;
    }

    /// <summary>A bare word (a number, <c>true</c>, <c>null</c>, or noise in a broken line). Returns where the next token starts.</summary>
    private static int Bare(ReadOnlySpan<byte> line, int start, List<byte> output, JsonKey? valueKey)
    {
        int length = line[start..].IndexOfAny("{}[]:,\" \t\r\n"u8);
        int end = length < 0 ? line.Length : start + length;
        var word = line[start..end];
        bool literal = word.SequenceEqual("true"u8) || word.SequenceEqual("false"u8) || word.SequenceEqual("null"u8);
        bool number = valueKey is { Numbers: true } && IsJsonNumber(word);
        output.AddRange(literal || number ? word : "***"u8);
        return end;
    }

    /// <summary>The role of a key, decoding its escapes (<c>author\u005fusername</c>), or null when it is not a known key.</summary>
    private static JsonKey? KeyOf(ReadOnlySpan<byte> raw)
    {
        Span<byte> decoded = stackalloc byte[32];
        int n = 0;
        for (int j = 0; j < raw.Length; j++)
        {
            if (n == decoded.Length)
            {
                return null; // longer than any known key
            }

            byte b = raw[j];
            if (b == '\\' && j + 1 < raw.Length)
            {
                j++;
                if (raw[j] == 'u' && j + 4 < raw.Length
                    && int.TryParse(raw.Slice(j + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code) && code < 0x80)
                {
                    b = (byte)code;
                    j += 4;
                }
                else
                {
                    b = raw[j];
                }
            }

            decoded[n++] = b;
        }

        return System.Text.Unicode.Utf8.IsValid(decoded[..n]) && s_jsonKeys.TryGetValue(System.Text.Encoding.UTF8.GetString(decoded[..n]), out var key) ? key : null;
    }

    /// <summary>Index of the quote that closes the string opened at <paramref name="open"/>, or the line's length when none does.</summary>
    private static int StringEnd(ReadOnlySpan<byte> line, int open)
    {
        for (int j = open + 1; j < line.Length; j++)
        {
            if (line[j] == '\\')
            {
                j++;
            }
            else if (line[j] == '"')
            {
                return j;
            }
        }

        return line.Length;
    }

    private static int SkipSpace(ReadOnlySpan<byte> line, int from)
    {
        while (from < line.Length && line[from] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            from++;
        }

        return from;
    }

    /// <summary>What to mask of the value starting at <paramref name="start"/>: a string's text, a whole object or array, or a bare word.</summary>
    private static (int Start, int End) ValueRange(ReadOnlySpan<byte> line, int start)
    {
        if (start >= line.Length)
        {
            return (start, start);
        }

        switch (line[start])
        {
            case (byte)'"':
                return (start + 1, StringEnd(line, start));
            case (byte)'{' or (byte)'[':
                int depth = 0;
                for (int j = start; j < line.Length; j++)
                {
                    switch (line[j])
                    {
                        case (byte)'"':
                            j = StringEnd(line, j);
                            break;
                        case (byte)'{' or (byte)'[':
                            depth++;
                            break;
                        case (byte)'}' or (byte)']':
                            if (--depth == 0)
                            {
                                return (start, j + 1);
                            }

                            break;
                    }
                }

                return (start, line.Length);
            default:
                int end = line[start..].IndexOfAny(",}] \t\r\n"u8);
                return (start, end < 0 ? line.Length : start + end);
        }
    }

    private static bool IsJsonNumber(ReadOnlySpan<byte> word)
    {
        var s = word.Length > 0 && word[0] == '-' ? word[1..] : word;
        int digits = 0;
        while (digits < s.Length && char.IsAsciiDigit((char)s[digits]))
        {
            digits++;
        }

        if (digits == 0 || digits > 20)
        {
            return false;
        }

        var rest = s[digits..];
        return rest.IsEmpty || (rest[0] is (byte)'.' or (byte)'e' or (byte)'E' && rest.Length <= 24 && rest[1..].IndexOfAnyExcept("0123456789+-eE"u8) < 0);
    }

    private static bool IsId(ReadOnlySpan<byte> value) => value.Length <= 20 && SafeText.IsDigits(value);

    private static bool IsFlag(ReadOnlySpan<byte> value) => value.Length is 1 or 2 && SafeText.IsNumber(value);

    private static bool IsSmallNumber(ReadOnlySpan<byte> value) => value.Length <= 6 && SafeText.IsNumber(value);

    private static bool In(HashSet<string> words, ReadOnlySpan<byte> value) =>
        value.Length <= 32 && value.IndexOfAnyExceptInRange((byte)0x21, (byte)0x7E) < 0 && words.Contains(System.Text.Encoding.ASCII.GetString(value));

    /// <summary>The role of a forum key: which string values (<see cref="Strings"/>) and whether bare numbers are kept.</summary>
    private sealed class JsonKey(Shape? strings, bool numbers)
    {
        /// <summary>A key whose value is an object or free text: walked into, its own strings masked.</summary>
        public static readonly JsonKey Structure = new(null, false);

        /// <summary>A flag or a count: numbers and literals kept.</summary>
        public static readonly JsonKey Literal = new(null, true);

        /// <summary>A username, email or name: its value masked whole.</summary>
        public static readonly JsonKey Personal = new(null, false);

        /// <summary>What a string value must look like to be kept; null: never kept.</summary>
        public Shape? Strings { get; } = strings;

        /// <summary>Whether a bare number is kept.</summary>
        public bool Numbers { get; } = numbers;
    }
}
