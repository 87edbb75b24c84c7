namespace VisMooc.Modules.Pipeline;

/// <summary>A course that could not be converted (an unreadable file), while the other courses were.</summary>
/// <param name="Course">The course folder's name.</param>
/// <param name="Error">The one-line error, naming the file and what is wrong.</param>
public sealed record CourseFailure(string Course, string Error);
