namespace VisMooc.Modules.Sources.TrackingLog;

/// <summary>The source fields a <c>click_events</c> declaration can name in <c>From</c>, as <see cref="ClickEventRowSource"/> binds them.</summary>
public static class ClickSourceFields
{
    /// <summary><c>observed_event_id</c>: the stable id of the line (32 hex digits).</summary>
    public const string LineId = "line.id";

    /// <summary>The converted course's id as <c>courses.original_id</c> spells it.</summary>
    public const string CourseId = "course.id";

    /// <summary><c>username</c> without surrounding whitespace.</summary>
    public const string Username = "username";

    /// <summary>The course-structure key of the video (or the contract's fallback).</summary>
    public const string VideoKey = "video.key";

    /// <summary><c>time</c> as logged.</summary>
    public const string Time = "time";

    /// <summary><c>event_type</c>.</summary>
    public const string EventType = "event_type";

    /// <summary><c>page</c> (NULL when absent or null).</summary>
    public const string Page = "page";

    /// <summary><c>event.code</c>.</summary>
    public const string Code = "event.code";

    /// <summary><c>event.currentTime</c>, else <c>event.current_time</c>.</summary>
    public const string CurrentTime = "event.currentTime";

    /// <summary><c>event.new_time</c>.</summary>
    public const string NewTime = "event.new_time";

    /// <summary><c>event.old_time</c>.</summary>
    public const string OldTime = "event.old_time";

    /// <summary><c>event.new_speed</c>.</summary>
    public const string NewSpeed = "event.new_speed";

    /// <summary><c>event.old_speed</c>.</summary>
    public const string OldSpeed = "event.old_speed";

    /// <summary>Every field, in column order of the proposed declaration.</summary>
    public static readonly IReadOnlyList<string> All = [LineId, CourseId, Username, VideoKey, Time, EventType, Page, Code, CurrentTime, NewTime, OldTime, NewSpeed, OldSpeed];
}
