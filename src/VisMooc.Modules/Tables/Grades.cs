using VisMooc.Modules.Checks;
using VisMooc.Modules.Inputs;
using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Tables;

/// <summary><c>grades</c>: one row per <c>certificates_generatedcertificate</c> row.</summary>
[VisMoocTable("grades", typeof(CertificatesGeneratedCertificateInput), Order = 6, KeyFields = "id")]
[Column("_id", SqlType.Varchar, 255, PrimaryKey = true, From = "id")]
[Column("user_id", SqlType.Varchar, 11, From = "user_id", Convert = "UserId", Role = ColumnRole.UserId, References = "enrollments", Finding = CrossFileChecks.LearnerWithoutEnrollment)]
[Column("course_id", SqlType.Varchar, 255, From = "course_id", Role = ColumnRole.CourseId)]
[Column("timestamp", SqlType.Datetime, Nullable = true, From = "created_date", Convert = "DateTimeUtc")]
[Column("grade", SqlType.Varchar, 32, From = "grade")]
public sealed partial class Grades;
