namespace VisMooc.Modules.Convert;

/// <summary>The six files of a course in an edX research data package that VisMooc reads.</summary>
public enum EdxFileKind
{
    /// <summary><c>…-auth_user-….sql</c>.</summary>
    AuthUser,
    /// <summary><c>…-auth_userprofile-….sql</c>.</summary>
    AuthUserProfile,
    /// <summary><c>…-student_courseenrollment-….sql</c>.</summary>
    StudentCourseEnrollment,
    /// <summary><c>…-certificates_generatedcertificate-….sql</c>.</summary>
    CertificatesGeneratedCertificate,
    /// <summary><c>…-course_structure-….json</c>.</summary>
    CourseStructure,
    /// <summary><c>…-prod.mongo</c> / <c>…-edge.mongo</c> / <c>….mongo</c>.</summary>
    Forum,
}
