using VisMooc.Modules.Inputs;
using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Tables;

/// <summary><c>course_video</c>: which videos belong to which course run, one row per video.</summary>
[VisMoocTable("course_video", typeof(CourseStructureInput), Records = InputRecords.Videos, Order = 2, KeyFields = "key")]
[Column("_id", SqlType.Varchar, 255, PrimaryKey = true, From = "course.key, key", Convert = "CourseVideoId")]
[Column("course_id", SqlType.Varchar, 255, From = "course.key", Convert = "CourseId")]
[Column("video_id", SqlType.Varchar, 255, From = "key")]
public sealed partial class CourseVideo;
