using System.Globalization;
using VisMooc.Generated;
using VisMooc.Modules.Schema;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.Privacy;

/// <summary>
/// What a rejects file keeps of a rejected record (an edX TSV row or a forum JSON line): an
/// allow-list. A value is kept only when its column or key has a harmless role (ids, datetimes,
/// course ids, flags and codes, JSON structure) and the value has that role's shape; everything
/// else becomes <c>***</c>. So the record's shape (its fields, which are empty, its keys and
/// brackets), its ids and dates stay, to find it in the input and see what is wrong, while a name,
/// an email or a username never does, wherever a broken record puts it (a line split by a raw
/// LF, a shifted column, a file in UTF-16 whose every byte pair holds a NUL). Which fields are
/// kept, and which are personal, is declared on the inputs (<see cref="RawFieldAttribute"/>);
/// here are only the shapes.
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
    internal delegate bool Shape(ReadOnlySpan<byte> value);

    /// <summary>
    /// The record with every field masked but those whose column (by the header) allows its
    /// value's shape; empty and <c>NULL</c> fields are kept everywhere (they say nothing). When the
    /// field count does not match the header, positions cannot be trusted: only a first field that
    /// is an id is kept. The columns and their shapes are those the edX TSV inputs declare
    /// (<see cref="RawFieldAttribute"/>).
    /// </summary>
    public static byte[] Mask(ReadOnlySpan<byte> raw, IReadOnlyList<string> header) => Mask(raw, header, Roles.Declared);

    /// <summary>
    /// The forum line with every key but the known ones, and every value but those of the shape
    /// their key allows (and <c>true</c>, <c>false</c>, <c>null</c>), masked; the values of
    /// personal keys (username, email, name) are masked whole, objects and arrays included. It works on
    /// bytes and on broken JSON (a line cut inside a key or a value, an escaped key, a bare value,
    /// a UTF-16 line), since lines are rejected exactly because they are broken: where it cannot
    /// tell what a byte is, it masks it. Linear in the line. The keys and their roles are those the
    /// JSON inputs declare (<see cref="RawFieldAttribute"/>).
    /// </summary>
    public static byte[] MaskJson(ReadOnlySpan<byte> line) => MaskJson(line, Roles.Declared);

    /// <summary><see cref="Mask(ReadOnlySpan{byte}, IReadOnlyList{string})"/> with the columns of <paramref name="roles"/>.</summary>
    internal static byte[] Mask(ReadOnlySpan<byte> raw, IReadOnlyList<string> header, Roles roles)
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
                || (aligned ? roles.Columns.TryGetValue(header[index], out var shape) && shape(value) : index == 0 && IsId(value));
            output.AddRange(keep ? value : "***"u8);
            index++;
        }

        return output.ToArray();
    }

    /// <summary><see cref="MaskJson(ReadOnlySpan{byte})"/> with the keys of <paramref name="roles"/>.</summary>
    internal static byte[] MaskJson(ReadOnlySpan<byte> line, Roles roles)
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
                    i = String(line, i, output, ref valueKey, roles);
                    break;
                default:
                    i = Bare(line, i, output, valueKey);
                    break;
            }
        }

        return output.ToArray();
    }

    /// <summary>A string at <paramref name="open"/>: a key (followed by a colon) or a value. Returns where the next token starts.</summary>
    private static int String(ReadOnlySpan<byte> line, int open, List<byte> output, ref JsonKey? valueKey, Roles roles)
    {
        int close = StringEnd(line, open);
        bool closed = close < line.Length;
        var text = line[(open + 1)..close];
        int colon = SkipSpace(line, close + 1);
        if (closed && colon < line.Length && line[colon] == ':')
        {
            var key = KeyOf(text, roles);
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
    private static JsonKey? KeyOf(ReadOnlySpan<byte> raw, Roles roles)
    {
        Span<byte> decoded = stackalloc byte[roles.LongestKey];
        int n = 0;
        for (int j = 0; j < raw.Length; j++)
        {
            if (n == decoded.Length)
            {
                return null; // longer than any declared key
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

        return System.Text.Unicode.Utf8.IsValid(decoded[..n]) && roles.Keys.TryGetValue(System.Text.Encoding.UTF8.GetString(decoded[..n]), out var key) ? key : null;
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

    /// <summary>The test a value of <paramref name="shape"/> must pass to be kept; null when no string is kept.</summary>
    private static Shape? ShapeOf(RawShape shape) => shape switch
    {
        RawShape.Id => IsId,
        RawShape.CourseId => SafeText.IsCourseId,
        RawShape.Flag => IsFlag,
        RawShape.SmallNumber => IsSmallNumber,
        RawShape.Number => SafeText.IsNumber,
        RawShape.DateLike => SafeText.IsDateLike,
        RawShape.Hex => SafeText.IsHex,
        RawShape.Gender => v => In(s_genders, v),
        RawShape.EducationLevel => v => In(s_educationLevels, v),
        RawShape.EnrollmentMode => v => In(s_modes, v),
        RawShape.CertificateStatus => v => In(s_certificateStatuses, v),
        RawShape.Country => v => v.Length == 2 && char.IsAsciiLetterUpper((char)v[0]) && char.IsAsciiLetterUpper((char)v[1]),
        RawShape.ForumDocumentType => v => v.SequenceEqual("Comment"u8) || v.SequenceEqual("CommentThread"u8),
        RawShape.ThreadType => v => v.SequenceEqual("discussion"u8) || v.SequenceEqual("question"u8),
        RawShape.ForumContext => v => v.SequenceEqual("course"u8) || v.SequenceEqual("standalone"u8),
        _ => null, // None, Literal, Structure
    };

    /// <summary>Whether a bare JSON number is kept in a value of <paramref name="shape"/>: ids, dates (epoch milliseconds), flags and counts.</summary>
    private static bool KeepsNumbers(RawShape shape) =>
        shape is RawShape.Id or RawShape.DateLike or RawShape.Literal or RawShape.Flag or RawShape.SmallNumber or RawShape.Number;

    /// <summary>
    /// What the input declarations (<see cref="InputDescriptor.RawFields"/>) allow: the TSV columns of the edX TSV
    /// inputs with their shapes, and the JSON keys of the JSON inputs (forum dump, tracking logs) with their roles. A
    /// name declared differently by two inputs of one kind keeps the stricter reading: personal when one says so,
    /// otherwise masked unless all give it the same shape.
    /// </summary>
    internal sealed class Roles
    {
        private Roles(Dictionary<string, Shape> columns, Dictionary<string, JsonKey> keys)
        {
            Columns = columns;
            Keys = keys;
            LongestKey = Math.Min(256, keys.Keys.Select(k => System.Text.Encoding.UTF8.GetByteCount(k)).DefaultIfEmpty(0).Max());
        }

        /// <summary>The roles every input of this assembly declares.</summary>
        public static Roles Declared { get; } = From(GeneratedSources.All);

        /// <summary>The TSV columns whose values are kept when they have the column's shape.</summary>
        public Dictionary<string, Shape> Columns { get; }

        /// <summary>The JSON keys that are shown, with what is kept of their values.</summary>
        public Dictionary<string, JsonKey> Keys { get; }

        /// <summary>The longest key in UTF-8 bytes: a longer key is not declared.</summary>
        public int LongestKey { get; }

        public static Roles From(IEnumerable<InputDescriptor> inputs)
        {
            var columns = new Dictionary<string, Shape>(StringComparer.Ordinal);
            var keys = new Dictionary<string, JsonKey>(StringComparer.Ordinal);
            var list = inputs.ToList();
            foreach (var field in Merge(list.Where(i => i.Format == InputFormat.EdxTsv)))
            {
                if (!field.Personal && ShapeOf(field.Keep) is { } shape)
                {
                    columns[field.Name] = shape;
                }
            }

            foreach (var field in Merge(list.Where(i => i.Format is InputFormat.JsonLines or InputFormat.TrackingLog)))
            {
                keys[field.Name] = field.Personal ? JsonKey.Personal : new JsonKey(ShapeOf(field.Keep), KeepsNumbers(field.Keep));
            }

            return new Roles(columns, keys);
        }

        private static IEnumerable<RawFieldInfo> Merge(IEnumerable<InputDescriptor> inputs) =>
            inputs.SelectMany(i => i.RawFields).GroupBy(f => f.Name, StringComparer.Ordinal).Select(same =>
                same.Any(f => f.Personal) ? same.First(f => f.Personal)
                : same.Select(f => f.Keep).Distinct().Count() == 1 ? same.First()
                : new RawFieldInfo(same.Key, RawShape.None, Personal: false));
    }

    /// <summary>The role of a JSON key: which string values (<see cref="Strings"/>) and whether bare numbers are kept.</summary>
    internal sealed class JsonKey(Shape? strings, bool numbers)
    {
        /// <summary>A username, email or name: its value masked whole.</summary>
        public static readonly JsonKey Personal = new(null, false);

        /// <summary>What a string value must look like to be kept; null: never kept.</summary>
        public Shape? Strings { get; } = strings;

        /// <summary>Whether a bare number is kept.</summary>
        public bool Numbers { get; } = numbers;
    }
}
