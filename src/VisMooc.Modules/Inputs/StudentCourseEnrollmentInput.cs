using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Inputs;

/// <summary><c>…-student_courseenrollment-….sql</c>: one row per enrollment.</summary>
[EdxInput("student_courseenrollment", Token = "student_courseenrollment", Extension = ".sql", Format = InputFormat.EdxTsv)]
public sealed partial class StudentCourseEnrollmentInput;
