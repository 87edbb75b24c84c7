namespace VisMooc.Modules.Schema;

/// <summary>Which records of its input a table gets one row for.</summary>
public enum InputRecords
{
    /// <summary>Every record of the input (every TSV row, every JSON document).</summary>
    All = 0,
    /// <summary>A course tree's root block: one record per course.</summary>
    CourseRoot = 1,
    /// <summary>A course tree's <c>video</c> blocks, depth-first from the root in <c>children</c> order, then unreachable videos by key.</summary>
    Videos = 2,
}
