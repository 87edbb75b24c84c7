using System.Globalization;

namespace VisMooc.Modules.Convert;

/// <summary>Masks personal fields in a raw record (an edX TSV row or a forum JSON line) before it goes to a rejects file.</summary>
public static class RawMasker
{
    private static readonly HashSet<string> s_personal = new(StringComparer.Ordinal)
    {
        // meta holds old_names and old_emails; the rest are names, usernames, emails and addresses.
        "username", "email", "name", "first_name", "last_name", "mailing_address", "meta",
    };

    private static readonly byte[][] s_jsonPersonalKeys =
        [.. new[] { "author_username", "retired_username", "username", "email", "name" }.Select(System.Text.Encoding.UTF8.GetBytes)];

    /// <summary>
    /// A forum line with the values of its username-like keys replaced by <c>***</c>. It works on
    /// bytes and on broken JSON too (a line cut inside a value, an escaped key, a bare value), since
    /// lines are rejected exactly because they are broken; invalid UTF-8 elsewhere is kept as it is.
    /// </summary>
    public static byte[] MaskJson(ReadOnlySpan<byte> line)
    {
        var masked = new List<(int Start, int End)>();
        int first = SkipSpace(line, 0);
        if (first < line.Length && line[first] != '{')
        {
            // Not the start of a document: the tail of a line cut inside a value, up to its closing quote.
            int quote = line.IndexOf((byte)'"');
            masked.Add((0, quote < 0 ? line.Length : quote));
        }

        // Keys found by walking the line's strings (this decodes escaped keys such as author\u005fusername)...
        int i = 0;
        while (i < line.Length)
        {
            if (line[i] != '"')
            {
                i++;
                continue;
            }

            int close = StringEnd(line, i);
            int colon = SkipSpace(line, close + 1);
            if (colon < line.Length && line[colon] == ':' && IsPersonalKey(line[(i + 1)..close]))
            {
                var value = ValueRange(line, SkipSpace(line, colon + 1));
                masked.Add(value);
                i = Math.Max(value.End, colon + 1);
                continue;
            }

            i = close + 1;
        }

        // ...and, in case the walk lost track of which quotes open strings (a line that starts inside
        // a value), every literal "key" followed by a colon, wherever it stands.
        foreach (var key in s_jsonPersonalKeys)
        {
            int from = 0;
            while (from < line.Length)
            {
                int hit = IndexOfQuoted(line[from..], key);
                if (hit < 0)
                {
                    break;
                }

                int after = from + hit + key.Length + 2;
                int colon = SkipSpace(line, after);
                if (colon < line.Length && line[colon] == ':')
                {
                    var value = ValueRange(line, SkipSpace(line, colon + 1));
                    masked.Add(value);
                    from = Math.Max(value.End, colon + 1);
                }
                else
                {
                    from = after;
                }
            }
        }

        masked.Sort();
        var output = new List<byte>(line.Length);
        int at = 0;
        foreach (var (start, end) in masked)
        {
            if (start < at)
            {
                at = Math.Max(at, end); // overlaps a range already masked
                continue;
            }

            output.AddRange(line[at..start]);
            output.AddRange("***"u8);
            at = end;
        }

        output.AddRange(line[at..]);
        return output.ToArray();
    }

    /// <summary>
    /// The raw record with every personal column replaced by <c>***</c>. When the record's field count
    /// does not match the header, positions cannot be trusted: every field is masked but a first one
    /// made of digits only (the row's id, to find it in the input).
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

            bool mask = aligned ? s_personal.Contains(header[index]) : index > 0 || raw[range].IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0;
            if (mask)
            {
                output.AddRange("***"u8);
            }
            else
            {
                output.AddRange(raw[range]);
            }

            index++;
        }

        return output.ToArray();
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

    private static int IndexOfQuoted(ReadOnlySpan<byte> text, byte[] key)
    {
        int from = 0;
        while (true)
        {
            int hit = text[from..].IndexOf(key);
            if (hit < 0)
            {
                return -1;
            }

            int at = from + hit;
            if (at > 0 && at + key.Length < text.Length && text[at - 1] == '"' && text[at + key.Length] == '"')
            {
                return at - 1;
            }

            from = at + 1;
        }
    }

    private static bool IsPersonalKey(ReadOnlySpan<byte> raw)
    {
        Span<byte> decoded = stackalloc byte[32];
        int n = 0;
        for (int j = 0; j < raw.Length; j++)
        {
            if (n == decoded.Length)
            {
                return false; // longer than any personal key
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

        foreach (var key in s_jsonPersonalKeys)
        {
            if (decoded[..n].SequenceEqual(key))
            {
                return true;
            }
        }

        return false;
    }
}
