using System.Text;

namespace VisMooc.Modules.Sources.TrackingLog;

/// <summary>
/// One course being converted, as the click-event reader needs it: its id as <c>courses.original_id</c>
/// spells it (written to <c>click_events.course_id</c>), the form ids are matched in, and its videos.
/// </summary>
public sealed class ClickCourse
{
    private readonly byte[] _org = [];
    private readonly byte[] _course = [];
    private readonly byte[] _run = [];
    private readonly byte[] _i4xPrefix = [];
    private readonly bool _hasParts;

    /// <summary>A course and the video-key map of its course structure.</summary>
    public ClickCourse(string courseId, VideoKeyMap videos)
    {
        CourseId = courseId;
        CourseIdUtf8 = Encoding.UTF8.GetBytes(courseId);
        Videos = videos;
        var canonical = new byte[CourseIdUtf8.Length + CourseIdMatch.ExtraBytes];
        Canonical = canonical[..CourseIdMatch.Canonical(CourseIdUtf8, canonical)];
        if (CourseIdMatch.TrySplit(CourseIdUtf8, out var org, out var course, out var run))
        {
            _hasParts = true;
            _org = org.ToArray();
            _course = course.ToArray();
            _run = run.ToArray();
            _i4xPrefix = Encoding.UTF8.GetBytes(HtmlId.Clean($"i4x-{Encoding.UTF8.GetString(org)}-{Encoding.UTF8.GetString(course)}-"));
        }
    }

    /// <summary>The course's position in its run's <see cref="ClickCourseSet"/> (set by whoever builds the set).</summary>
    public int Index { get; init; }

    /// <summary>The course id as <c>courses.original_id</c> spells it.</summary>
    public string CourseId { get; }

    /// <summary><see cref="CourseId"/> in UTF-8.</summary>
    public byte[] CourseIdUtf8 { get; }

    /// <summary>The id in the form the course match compares (<see cref="CourseIdMatch"/>).</summary>
    internal byte[] Canonical { get; }

    /// <summary>The course's videos by the ids the player logs.</summary>
    public VideoKeyMap Videos { get; }

    /// <summary>Bytes <see cref="WriteVideoKey"/> may need: the id's length plus this.</summary>
    internal int FallbackExtraBytes => _org.Length + _course.Length + _run.Length + 48;

    /// <summary>
    /// Writes the video key of <paramref name="eventId"/> (stripped) into <paramref name="destination"/>
    /// (its length + <see cref="FallbackExtraBytes"/>): the course structure's key when the map has it,
    /// else the contract's fallback, <c>i4x://{Org}/{Course}/video/B</c> for an <c>i4x-…-video-B</c> or
    /// <c>i4x-…-videoalpha-B</c> id and <c>block-v1:{Org}+{Course}+{Run}+type@video+block@{id}</c> for
    /// any other; <paramref name="fallback"/> says which. A course id of neither era has no parts to
    /// build a fallback from: the id itself is the key then.
    /// </summary>
    internal int WriteVideoKey(ReadOnlySpan<byte> eventId, Span<byte> destination, out bool fallback)
    {
        if (Videos.TryGet(eventId, out byte[] key))
        {
            fallback = false;
            key.CopyTo(destination);
            return key.Length;
        }

        fallback = true;
        if (!_hasParts)
        {
            eventId.CopyTo(destination);
            return eventId.Length;
        }

        int n = 0;
        var block = I4xBlockId(eventId);
        if (!block.IsEmpty)
        {
            Append(destination, ref n, "i4x://"u8);
            Append(destination, ref n, _org);
            Append(destination, ref n, "/"u8);
            Append(destination, ref n, _course);
            Append(destination, ref n, "/video/"u8);
            Append(destination, ref n, block);
            return n;
        }

        Append(destination, ref n, "block-v1:"u8);
        Append(destination, ref n, _org);
        Append(destination, ref n, "+"u8);
        Append(destination, ref n, _course);
        Append(destination, ref n, "+"u8);
        Append(destination, ref n, _run);
        Append(destination, ref n, "+type@video+block@"u8);
        Append(destination, ref n, eventId);
        return n;
    }

    // B of an i4x-…-video-B or i4x-…-videoalpha-B id: after this course's own html prefix when the id
    // has it (org and course may hold '-'), else after the first "-video-" or "-videoalpha-"; empty when neither.
    private ReadOnlySpan<byte> I4xBlockId(ReadOnlySpan<byte> id)
    {
        if (!id.StartsWith("i4x-"u8))
        {
            return default;
        }

        if (id.StartsWith(_i4xPrefix))
        {
            var rest = id[_i4xPrefix.Length..];
            if (rest.StartsWith("video-"u8))
            {
                return rest["video-"u8.Length..];
            }

            if (rest.StartsWith("videoalpha-"u8))
            {
                return rest["videoalpha-"u8.Length..];
            }
        }

        var tail = id[3..];
        int video = tail.IndexOf("-video-"u8);
        int alpha = tail.IndexOf("-videoalpha-"u8);
        if (video >= 0 && (alpha < 0 || video < alpha))
        {
            return tail[(video + "-video-"u8.Length)..];
        }

        return alpha >= 0 ? tail[(alpha + "-videoalpha-"u8.Length)..] : default;
    }

    private static void Append(Span<byte> destination, ref int n, ReadOnlySpan<byte> part)
    {
        part.CopyTo(destination[n..]);
        n += part.Length;
    }
}
