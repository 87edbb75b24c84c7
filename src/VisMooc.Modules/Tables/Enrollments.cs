using VisMooc.Modules.Checks;
using VisMooc.Modules.Inputs;
using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Tables;

/// <summary><c>enrollments</c>: one row per <c>student_courseenrollment</c> row.</summary>
[VisMoocTable("enrollments", typeof(StudentCourseEnrollmentInput), Order = 4, KeyFields = "id")]
[Column("_id", SqlType.Varchar, 255, PrimaryKey = true, From = "id")]
[Column("user_id", SqlType.Varchar, 11, From = "user_id", Convert = "UserId", Role = ColumnRole.UserId, References = "users", Finding = CrossFileChecks.UserNotInAuthUser)]
[Column("course_id", SqlType.Varchar, 255, From = "course_id", Role = ColumnRole.CourseId)]
[Column("timestamp", SqlType.Datetime, Nullable = true, From = "created", Convert = "DateTimeUtc")]
[Column("action", SqlType.TinyInt, From = "is_active", Convert = "ZeroOrOne")]
public sealed partial class Enrollments;
