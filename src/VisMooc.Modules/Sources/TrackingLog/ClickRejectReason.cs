namespace VisMooc.Modules.Sources.TrackingLog;

/// <summary>Why a line that concerns a converted course (or may) is rejected.</summary>
public enum ClickRejectReason
{
    /// <summary>Not rejected.</summary>
    None,
    /// <summary>The line is not a JSON object, even from its first <c>{</c>, and it mentions a click type.</summary>
    NotJsonObject,
    /// <summary><c>event</c> is missing, or neither a JSON object nor a string holding one.</summary>
    EventUnreadable,
    /// <summary><c>event.id</c> is missing, not a string, or blank.</summary>
    NoEventId,
    /// <summary><c>time</c> is missing or not a datetime the contract accepts.</summary>
    NoTime,
}
