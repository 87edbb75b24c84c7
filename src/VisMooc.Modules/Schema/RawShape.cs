namespace VisMooc.Modules.Schema;

/// <summary>
/// The shape a value of a raw source field must have to be kept in a rejects file (<see cref="RawFieldAttribute.Keep"/>);
/// a value of any other shape, and every field no declaration keeps, is masked as <c>***</c>.
/// </summary>
public enum RawShape
{
    /// <summary>Never kept.</summary>
    None = 0,
    /// <summary>A numeric id: digits, at most 20 (a JSON number too).</summary>
    Id = 1,
    /// <summary>An edX course id in either form (<c>org/course/run</c>, <c>course-v1:org+course+run</c>).</summary>
    CourseId = 2,
    /// <summary>A 0/1 flag (one or two characters of a number).</summary>
    Flag = 3,
    /// <summary>A number of at most 6 characters (a year, a count).</summary>
    SmallNumber = 4,
    /// <summary>A number.</summary>
    Number = 5,
    /// <summary>A date or datetime, or epoch milliseconds (a JSON number too).</summary>
    DateLike = 6,
    /// <summary>A hexadecimal string of at most 64 characters (a Mongo object id).</summary>
    Hex = 7,
    /// <summary>A gender code of <c>auth_userprofile</c>: <c>m</c>, <c>f</c>, <c>o</c>.</summary>
    Gender = 8,
    /// <summary>A level-of-education code of <c>auth_userprofile</c> (<c>p</c>, <c>hs</c>, <c>none</c>…).</summary>
    EducationLevel = 9,
    /// <summary>An enrollment or certificate mode (<c>honor</c>, <c>audit</c>, <c>verified</c>…).</summary>
    EnrollmentMode = 10,
    /// <summary>A certificate status (<c>downloadable</c>, <c>notpassing</c>…).</summary>
    CertificateStatus = 11,
    /// <summary>A two-letter upper-case country code.</summary>
    Country = 12,
    /// <summary>A forum document's <c>_type</c>: <c>Comment</c> or <c>CommentThread</c>.</summary>
    ForumDocumentType = 13,
    /// <summary>A forum thread's type: <c>discussion</c> or <c>question</c>.</summary>
    ThreadType = 14,
    /// <summary>A forum thread's context: <c>course</c> or <c>standalone</c>.</summary>
    ForumContext = 15,
    /// <summary>A JSON number, <c>true</c>, <c>false</c> or <c>null</c> (a flag or a count); strings masked.</summary>
    Literal = 16,
    /// <summary>A JSON object, array or free text: the key is shown and the value walked, its own strings masked.</summary>
    Structure = 17,
}
