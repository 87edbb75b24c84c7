namespace VisMooc.Modules.Values;

/// <summary>Course id spelling and org from a course root block key, for both id eras.</summary>
public static class CourseKey
{
    /// <summary>
    /// Writes the course id as the package's tabular files spell it: <c>i4x://O/C/course/R</c> gives
    /// <c>O/C/R</c>, <c>block-v1:O+C+R+type@course+block@…</c> gives <c>course-v1:O+C+R</c>; any other
    /// key is returned as it is. Returns the number of bytes written to <paramref name="destination"/>
    /// (at least as long as <paramref name="key"/> + 10).
    /// </summary>
    public static int CourseId(ReadOnlySpan<byte> key, Span<byte> destination)
    {
        if (TrySplitI4x(key, out var org, out var course, out var run))
        {
            int n = 0;
            Append(destination, ref n, org);
            Append(destination, ref n, "/"u8);
            Append(destination, ref n, course);
            Append(destination, ref n, "/"u8);
            Append(destination, ref n, run);
            return n;
        }

        if (TrySplitBlockV1(key, out org, out course, out run))
        {
            int n = 0;
            Append(destination, ref n, "course-v1:"u8);
            Append(destination, ref n, org);
            Append(destination, ref n, "+"u8);
            Append(destination, ref n, course);
            Append(destination, ref n, "+"u8);
            Append(destination, ref n, run);
            return n;
        }

        key.CopyTo(destination);
        return key.Length;
    }

    /// <summary>The org part of the key, or empty when the key is neither <c>i4x://</c> nor <c>block-v1:</c>.</summary>
    public static ReadOnlySpan<byte> Org(ReadOnlySpan<byte> key)
    {
        if (TrySplitI4x(key, out var org, out _, out _) || TrySplitBlockV1(key, out org, out _, out _))
        {
            return org;
        }

        return default;
    }

    private static bool TrySplitI4x(ReadOnlySpan<byte> key, out ReadOnlySpan<byte> org, out ReadOnlySpan<byte> course, out ReadOnlySpan<byte> run)
    {
        org = course = run = default;
        if (!key.StartsWith("i4x://"u8))
        {
            return false;
        }

        var rest = key[6..];
        Span<Range> parts = stackalloc Range[5];
        if (SplitInto(rest, parts, (byte)'/') != 4 || !rest[parts[2]].SequenceEqual("course"u8))
        {
            return false;
        }

        org = rest[parts[0]];
        course = rest[parts[1]];
        run = rest[parts[3]];
        return org.Length > 0 && course.Length > 0 && run.Length > 0;
    }

    private static bool TrySplitBlockV1(ReadOnlySpan<byte> key, out ReadOnlySpan<byte> org, out ReadOnlySpan<byte> course, out ReadOnlySpan<byte> run)
    {
        org = course = run = default;
        if (!key.StartsWith("block-v1:"u8))
        {
            return false;
        }

        var rest = key[9..];
        Span<Range> parts = stackalloc Range[4];
        if (SplitInto(rest, parts, (byte)'+') < 3)
        {
            return false;
        }

        org = rest[parts[0]];
        course = rest[parts[1]];
        run = rest[parts[2]];
        return org.Length > 0 && course.Length > 0 && run.Length > 0 && run.IndexOf((byte)'@') < 0;
    }

    // Fills parts with the pieces between separators; returns their count, or parts.Length + 1 when there are more.
    private static int SplitInto(ReadOnlySpan<byte> text, Span<Range> parts, byte separator)
    {
        int count = 0;
        foreach (var range in text.Split(separator))
        {
            if (count == parts.Length)
            {
                return parts.Length + 1;
            }

            parts[count++] = range;
        }

        return count;
    }

    private static void Append(Span<byte> destination, ref int n, ReadOnlySpan<byte> part)
    {
        part.CopyTo(destination[n..]);
        n += part.Length;
    }
}
