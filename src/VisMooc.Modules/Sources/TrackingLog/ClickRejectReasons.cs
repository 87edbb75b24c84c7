namespace VisMooc.Modules.Sources.TrackingLog;

/// <summary>The reject reasons as the rejects file writes them: one line, no value of the line in it.</summary>
public static class ClickRejectReasons
{
    /// <summary>The text of a reason.</summary>
    public static string Text(ClickRejectReason reason) => reason switch
    {
        ClickRejectReason.NotJsonObject => "not a JSON object (also not from its first '{'), and it mentions a video event type",
        ClickRejectReason.EventUnreadable => "'event' is missing or is neither a JSON object nor a string holding one",
        ClickRejectReason.NoEventId => "'event.id' is missing, empty or not a string",
        ClickRejectReason.NoTime => "'time' is missing or not a datetime (expected e.g. 2014-05-15T19:03:19.487373+00:00)",
        _ => "",
    };
}
