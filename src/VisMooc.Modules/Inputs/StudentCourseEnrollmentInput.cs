using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Inputs;

/// <summary><c>…-student_courseenrollment-….sql</c>: one row per enrollment.</summary>
[EdxInput("student_courseenrollment", Token = "student_courseenrollment", Extension = ".sql", Format = InputFormat.EdxTsv)]
[RawField("id", Keep = RawShape.Id)]
[RawField("user_id", Keep = RawShape.Id)]
[RawField("course_id", Keep = RawShape.CourseId)]
[RawField("created", Keep = RawShape.DateLike)]
[RawField("is_active", Keep = RawShape.Flag)]
[RawField("mode", Keep = RawShape.EnrollmentMode)]
public sealed partial class StudentCourseEnrollmentInput;
