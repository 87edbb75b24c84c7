namespace VisMooc.Modules.Schema;

/// <summary>Which file of an edX research data package feeds a table, and which records of it.</summary>
public enum EdxSource
{
    /// <summary>The course root block of <c>course_structure</c> JSON (one row per course).</summary>
    CourseStructureRoot = 1,
    /// <summary>Every <c>video</c> block of <c>course_structure</c> JSON, in course-tree order.</summary>
    CourseStructureVideos = 2,
    /// <summary><c>auth_user</c> joined to <c>auth_userprofile</c> on <c>user_id</c>.</summary>
    AuthUserWithProfile = 3,
    /// <summary><c>student_courseenrollment</c> TSV.</summary>
    StudentCourseEnrollment = 4,
    /// <summary><c>certificates_generatedcertificate</c> TSV.</summary>
    CertificatesGeneratedCertificate = 5,
    /// <summary>The forum <c>.mongo</c> JSON-lines dump.</summary>
    Forum = 6,
    /// <summary><c>auth_user</c> TSV on its own.</summary>
    AuthUser = 7,
    /// <summary><c>auth_userprofile</c> TSV on its own.</summary>
    AuthUserProfile = 8,
    /// <summary>edX tracking logs (JSON lines, <c>*.log</c> / <c>*.log.gz</c>): org-level files read once for every course of a run.</summary>
    TrackingLog = 9,
}
