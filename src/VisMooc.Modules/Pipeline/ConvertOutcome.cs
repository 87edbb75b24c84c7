namespace VisMooc.Modules.Pipeline;

/// <summary>How a finished conversion went, as a whole (a conversion that could not finish throws <see cref="ConvertException"/> instead).</summary>
public enum ConvertOutcome
{
    /// <summary>Every course was converted and no row was rejected.</summary>
    Done,

    /// <summary>Every course was converted, but some rows were rejected (see <c>rejects/</c> and <c>report.json</c>).</summary>
    DoneWithRejects,

    /// <summary>Some courses could not be converted (see <see cref="ConvertResult.FailedCourses"/>); the others were, as if they were alone.</summary>
    CoursesFailed,
}
