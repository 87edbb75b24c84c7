using System.Buffers;

namespace VisMooc.Modules.Sources.TrackingLog;

/// <summary>The courses of a run: which of them, if any, a tracking-log event belongs to (<see cref="CourseIdMatch"/>).</summary>
public sealed class ClickCourseSet
{
    private readonly ClickCourse[] _courses;

    /// <summary>The courses, in run order; the first wins when two match the same ids.</summary>
    public ClickCourseSet(IEnumerable<ClickCourse> courses) => _courses = [.. courses];

    /// <summary>The courses.</summary>
    public IReadOnlyList<ClickCourse> Courses => _courses;

    /// <summary>The course an event's course id (already stripped) names, or null.</summary>
    public ClickCourse? Find(ReadOnlySpan<byte> courseId)
    {
        if (courseId.IsEmpty || _courses.Length == 0)
        {
            return null;
        }

        int size = courseId.Length + CourseIdMatch.ExtraBytes;
        byte[]? rented = size > 512 ? ArrayPool<byte>.Shared.Rent(size) : null;
        Span<byte> canonical = rented ?? stackalloc byte[512];
        int n = CourseIdMatch.Canonical(courseId, canonical);
        ClickCourse? found = null;
        foreach (var course in _courses)
        {
            if (canonical[..n].SequenceEqual(course.Canonical))
            {
                found = course;
                break;
            }
        }

        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return found;
    }
}
