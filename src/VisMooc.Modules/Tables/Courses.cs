using VisMooc.Modules.Inputs;
using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Tables;

/// <summary><c>courses</c>: one row per course, from the course root block of <c>course_structure</c>.</summary>
[VisMoocTable("courses", typeof(CourseStructureInput), Records = InputRecords.CourseRoot, Order = 1, KeyFields = "key")]
[Column("_id", SqlType.Varchar, 255, PrimaryKey = true, From = "key", Convert = "StableId")]
[Column("original_id", SqlType.Varchar, 255, From = "key", Convert = "CourseId")]
[Column("name", SqlType.Text, From = "metadata.display_name", Convert = "DisplayName")]
[Column("year", SqlType.Varchar, 255, From = "metadata.start", Convert = "CourseYear")]
[Column("org", SqlType.Varchar, 255, From = "key", Convert = "CourseOrg")]
[Column("instructor", SqlType.Varchar, 255, Convert = "Empty")]
[Column("description", SqlType.Varchar, 255, Convert = "Empty")]
[Column("start_date", SqlType.Datetime, Nullable = true, From = "metadata.start", Convert = "DateTimeUtc")]
[Column("end_date", SqlType.Datetime, Nullable = true, From = "metadata.end", Convert = "DateTimeUtc")]
[Column("course_url", SqlType.Varchar, 2083, Convert = "Empty")]
[Column("image_url", SqlType.Varchar, 2083, Convert = "Empty")]
public sealed partial class Courses;
