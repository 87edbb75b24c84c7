namespace VisMooc.Modules.Sources.TrackingLog;

/// <summary>What one tracking-log line is for <c>click_events</c> (the contract's "Which lines").</summary>
public enum ClickLineOutcome
{
    /// <summary>Empty or only JSON whitespace: skipped, not counted as anything.</summary>
    Blank,
    /// <summary>
    /// Not a click event: a JSON object whose <c>event_type</c> is no click type, or a line the
    /// prefilter proved cannot be one (not parsed unless the parser validates every line).
    /// </summary>
    NotClickEvent,
    /// <summary>Not a JSON object, even from its first <c>{</c>, and mentions no click type: counted as malformed.</summary>
    Malformed,
    /// <summary>Not a JSON object and mentions a click type: malformed, and rejected (<see cref="ClickRejectReason.NotJsonObject"/>).</summary>
    MalformedClick,
    /// <summary>A click event of a course not being converted (<see cref="ParsedClickEvent.FoundCourseId"/> says which, possibly empty).</summary>
    OtherCourse,
    /// <summary>A click event of a converted course whose <c>username</c> is missing, not a string, or blank.</summary>
    NoUsername,
    /// <summary>A click event of a converted course that cannot be a row (<see cref="ParsedClickEvent.RejectReason"/>).</summary>
    Rejected,
    /// <summary>A row: every field of <see cref="ParsedClickEvent"/> is set.</summary>
    Click,
}
