using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Inputs;

/// <summary><c>…-certificates_generatedcertificate-….sql</c>: one row per certificate.</summary>
[EdxInput("certificates_generatedcertificate", Token = "certificates_generatedcertificate", Extension = ".sql", Format = InputFormat.EdxTsv)]
[RawField("id", Keep = RawShape.Id)]
[RawField("user_id", Keep = RawShape.Id)]
[RawField("course_id", Keep = RawShape.CourseId)]
[RawField("name", Personal = true)]
[RawField("grade", Keep = RawShape.Number)]
[RawField("distinction", Keep = RawShape.Flag)]
[RawField("status", Keep = RawShape.CertificateStatus)]
[RawField("mode", Keep = RawShape.EnrollmentMode)]
[RawField("created_date", Keep = RawShape.DateLike)]
[RawField("modified_date", Keep = RawShape.DateLike)]
public sealed partial class CertificatesGeneratedCertificateInput;
