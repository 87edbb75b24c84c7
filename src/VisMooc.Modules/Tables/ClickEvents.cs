using VisMooc.Modules.Checks;
using VisMooc.Modules.Inputs;
using VisMooc.Modules.Output;
using VisMooc.Modules.Schema;
using VisMooc.Modules.Sources.TrackingLog;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.Tables;

/// <summary><c>click_events</c>: VisMOOC's video clickstream, one row per video event of a converted course in the tracking logs.</summary>
[VisMoocTable("click_events", typeof(TrackingLogInput), Order = 8, KeyFields = "line.id")]
[Column("observed_event_id", SqlType.Varchar, 50, PrimaryKey = true, From = "line.id")]
[Column("course_id", SqlType.Varchar, 255, From = "course.id")]
[Column("user_id", SqlType.Varchar, 50, Index = true, From = "username", Convert = "Pseudonym", Role = ColumnRole.Username, References = "users", Finding = CrossFileChecks.UserNotInAuthUser)]
[Column("video_id", SqlType.Varchar, 255, Index = true, From = "video.key")]
[Column("observed_event_timestamp", SqlType.DateTime6, From = "time", Convert = "DateTime6Utc")]
[Column("observed_event_type", SqlType.Varchar, 255, From = "event_type")]
[Column("url", SqlType.Varchar, 2083, From = "page")]
[Column("code", SqlType.Varchar, 50, From = "event.code")]
[Column("video_current_time", SqlType.Double, Nullable = true, From = "event.currentTime", Convert = "VideoTime")]
[Column("video_new_time", SqlType.Double, Nullable = true, From = "event.new_time", Convert = "VideoTime")]
[Column("video_old_time", SqlType.Double, Nullable = true, From = "event.old_time", Convert = "VideoTime")]
[Column("video_new_speed", SqlType.Double, Nullable = true, From = "event.new_speed", Convert = "VideoSpeed")]
[Column("video_old_speed", SqlType.Double, Nullable = true, From = "event.old_speed", Convert = "VideoSpeed")]
public sealed partial class ClickEvents
{
    // The contract does not say the timestamp column accepts NULL: every written event has a readable
    // time (the parser rejects the others), so it is NOT NULL, as MLC declared it.

    /// <summary>time in UTC as YYYY-MM-DD HH:MM:SS.ffffff.</summary>
    [System.ComponentModel.Description("datetime converted to UTC, written YYYY-MM-DD HH:MM:SS.ffffff (six fraction digits, further digits dropped; no offset = UTC)")]
    public static void DateTime6Utc(CellWriter cell, FieldValue value) => ClickConversions.DateTime6Utc(cell, value);

    /// <summary>A video time: shortest round-trip decimal; NULL when absent; NULL and a warning when not a finite number ≥ 0.</summary>
    [System.ComponentModel.Description("number or numeric string as the shortest decimal that reads back as the same double (no exponent, no trailing .0); absent/null gives NULL; not a number, not finite or negative gives NULL and a warning")]
    public static void VideoTime(CellWriter cell, FieldValue value) => ClickConversions.VideoTime(cell, value);

    /// <summary>A playback speed: as VideoTime, and zero also gives NULL and a warning.</summary>
    [System.ComponentModel.Description("as VideoTime, and a speed of zero also gives NULL and a warning")]
    public static void VideoSpeed(CellWriter cell, FieldValue value) => ClickConversions.VideoSpeed(cell, value);
}
