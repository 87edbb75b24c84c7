namespace VisMooc.Modules.Synth;

/// <summary>
/// What the generated tracking logs hold, trap by trap, so tests can check a reader against the
/// design. "Video events" are lines whose <c>event_type</c> is a click type.
/// </summary>
public sealed class SynthEventCounts
{
    /// <summary>Every line written, in all day files.</summary>
    public long Lines { get; internal set; }

    /// <summary>Video events of the course with a username: the lines that become <c>click_events</c> rows (repeats included).</summary>
    public long VideoEvents { get; internal set; }

    /// <summary>Of <see cref="VideoEvents"/>: lines repeated, byte for byte, in the next day's file (mobile events filed late).</summary>
    public long RepeatedVideoEvents { get; internal set; }

    /// <summary>Of <see cref="VideoEvents"/>: events with <c>event</c> as an object (mobile, and some later browser events).</summary>
    public long EventAsObject { get; internal set; }

    /// <summary>Of <see cref="VideoEvents"/>: mobile events (<c>name</c> <c>edx.video.*</c>).</summary>
    public long MobileVideoEvents { get; internal set; }

    /// <summary>Of <see cref="VideoEvents"/>: events whose <c>context.course_id</c> is empty (the course is in <c>page</c>).</summary>
    public long CourseFromPage { get; internal set; }

    /// <summary>Of <see cref="VideoEvents"/>: usernames logged with a trailing newline.</summary>
    public long UsernamesWithNewline { get; internal set; }

    /// <summary>Of <see cref="VideoEvents"/>: events of users not in auth_user (staff).</summary>
    public long UsersNotInAuthUser { get; internal set; }

    /// <summary>Of <see cref="VideoEvents"/>: speed values that are not numbers (<c>"NaN"</c>, 2013 style; old style only).</summary>
    public long NotANumberSpeeds { get; internal set; }

    /// <summary>Video events of another course of the org, in the same files.</summary>
    public long OtherCourseVideoEvents { get; internal set; }

    /// <summary>Video events of the course without a username (logged-out sessions).</summary>
    public long LoggedOutVideoEvents { get; internal set; }

    /// <summary>Video events cut short (not JSON): rejected.</summary>
    public long TruncatedVideoEvents { get; internal set; }

    /// <summary>Other lines cut at 10,000 characters (not JSON): malformed, mentioning no click type.</summary>
    public long TruncatedOtherLines { get; internal set; }

    /// <summary>Server events whose <c>event_type</c> is the URL of a video handler (look like video events to a substring search).</summary>
    public long VideoHandlerServerEvents { get; internal set; }
}
