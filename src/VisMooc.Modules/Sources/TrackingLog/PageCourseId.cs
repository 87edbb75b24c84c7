namespace VisMooc.Modules.Sources.TrackingLog;

/// <summary>
/// The course named in a <c>page</c> URL, for events whose <c>context.course_id</c> is missing or
/// empty: the id after <c>/courses/</c> (<c>Org/Course/Run</c>, or one segment such as
/// <c>course-v1:Org+Course+Run</c>), else <c>course-v1:Org+Course+Run</c> from a
/// <c>/xblock/block-v1:Org+Course+Run+type@…</c> page.
/// </summary>
internal static class PageCourseId
{
    /// <summary>Bytes <see cref="TryGet"/> may need beyond the page's own length.</summary>
    public const int ExtraBytes = 10;

    /// <summary>Writes the course id into <paramref name="destination"/> (the page's length + <see cref="ExtraBytes"/>); false when the page names none.</summary>
    public static bool TryGet(ReadOnlySpan<byte> page, Span<byte> destination, out int written)
    {
        written = 0;
        int courses = page.IndexOf("/courses/"u8);
        if (courses >= 0 && TryCoursesSegment(page[(courses + "/courses/"u8.Length)..], destination, out written))
        {
            return true;
        }

        int xblock = page.IndexOf("/xblock/block-v1:"u8);
        if (xblock >= 0)
        {
            var key = Segment(page[(xblock + "/xblock/block-v1:"u8.Length)..]);
            int n = 0;
            int end = 0;
            for (int k = 0; k < 3; k++)
            {
                int plus = key[end..].IndexOf((byte)'+');
                int length = plus < 0 ? key.Length - end : plus;
                if (length == 0 || (k < 2 && plus < 0) || key.Slice(end, length).IndexOf((byte)'@') >= 0)
                {
                    return false;
                }

                end += length + 1;
            }

            "course-v1:"u8.CopyTo(destination);
            n = 10;
            key[..(end - 1)].CopyTo(destination[n..]);
            written = n + end - 1;
            return true;
        }

        return false;
    }

    private static bool TryCoursesSegment(ReadOnlySpan<byte> rest, Span<byte> destination, out int written)
    {
        written = 0;
        var first = Segment(rest);
        if (first.IndexOf((byte)':') >= 0)
        {
            // An opaque key (course-v1:, ccx-v1:…) is one segment: its parts are joined by '+'.
            first.CopyTo(destination);
            written = first.Length;
            return true;
        }

        // Org/Course/Run: three non-empty segments.
        int end = 0;
        for (int k = 0; k < 3; k++)
        {
            var segment = Segment(rest[end..]);
            if (segment.IsEmpty)
            {
                return false;
            }

            end += segment.Length;
            if (k < 2)
            {
                if (end >= rest.Length || rest[end] != (byte)'/')
                {
                    return false;
                }

                end++;
            }
        }

        rest[..end].CopyTo(destination);
        written = end;
        return true;
    }

    // Up to the next '/', '?' or '#'.
    private static ReadOnlySpan<byte> Segment(ReadOnlySpan<byte> text)
    {
        int end = text.IndexOfAny("/?#"u8);
        return end < 0 ? text : text[..end];
    }
}
