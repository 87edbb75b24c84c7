namespace VisMooc.Modules.Sources.TrackingLog;

/// <summary>
/// The contract's course match: ids are equal exactly, except that <c>Org/Course/Run</c> and
/// <c>course-v1:Org+Course+Run</c> name the same course. Nothing else is equal (a <c>ccx-v1:</c>
/// course is another course; case, spaces and extra key parts count).
/// </summary>
internal static class CourseIdMatch
{
    private static ReadOnlySpan<byte> V1 => "course-v1:"u8;

    /// <summary>Bytes <see cref="Canonical"/> may need beyond the id's own length.</summary>
    public const int ExtraBytes = 10;

    /// <summary>
    /// Writes the form two ids are compared in: <c>O/C/R</c> (three non-empty parts, no <c>+</c>)
    /// becomes <c>course-v1:O+C+R</c>; every other id stays as it is. Returns the length written
    /// (<paramref name="destination"/> holds at least the id's length + <see cref="ExtraBytes"/>).
    /// </summary>
    public static int Canonical(ReadOnlySpan<byte> id, Span<byte> destination)
    {
        if (TrySplitSlashes(id, out var org, out var course, out var run))
        {
            int n = 0;
            Append(destination, ref n, V1);
            Append(destination, ref n, org);
            destination[n++] = (byte)'+';
            Append(destination, ref n, course);
            destination[n++] = (byte)'+';
            Append(destination, ref n, run);
            return n;
        }

        id.CopyTo(destination);
        return id.Length;
    }

    /// <summary>Org, course and run of an id of either era; false for any other id.</summary>
    public static bool TrySplit(ReadOnlySpan<byte> id, out ReadOnlySpan<byte> org, out ReadOnlySpan<byte> course, out ReadOnlySpan<byte> run)
    {
        if (TrySplitSlashes(id, out org, out course, out run))
        {
            return true;
        }

        if (!id.StartsWith(V1))
        {
            return false;
        }

        var rest = id[V1.Length..];
        int a = rest.IndexOf((byte)'+');
        if (a <= 0)
        {
            return false;
        }

        int b = rest[(a + 1)..].IndexOf((byte)'+');
        if (b <= 0)
        {
            return false;
        }

        org = rest[..a];
        course = rest.Slice(a + 1, b);
        run = rest[(a + b + 2)..];
        return !run.IsEmpty && run.IndexOf((byte)'+') < 0 && rest.IndexOf((byte)'/') < 0;
    }

    private static bool TrySplitSlashes(ReadOnlySpan<byte> id, out ReadOnlySpan<byte> org, out ReadOnlySpan<byte> course, out ReadOnlySpan<byte> run)
    {
        org = course = run = default;
        int a = id.IndexOf((byte)'/');
        if (a <= 0)
        {
            return false;
        }

        int b = id[(a + 1)..].IndexOf((byte)'/');
        if (b <= 0)
        {
            return false;
        }

        org = id[..a];
        course = id.Slice(a + 1, b);
        run = id[(a + b + 2)..];
        return !run.IsEmpty && run.IndexOf((byte)'/') < 0 && id.IndexOf((byte)'+') < 0;
    }

    private static void Append(Span<byte> destination, ref int n, ReadOnlySpan<byte> part)
    {
        part.CopyTo(destination[n..]);
        n += part.Length;
    }
}
