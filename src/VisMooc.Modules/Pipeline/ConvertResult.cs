using VisMooc.Modules.Discovery;
using VisMooc.Modules.Reporting;

namespace VisMooc.Modules.Pipeline;

/// <summary>What a finished run did: per course and table counts, notices and time taken.</summary>
/// <param name="Input">The input folder.</param>
/// <param name="Output">The output folder.</param>
/// <param name="Courses">The courses converted, in order.</param>
/// <param name="Tables">Counts per course and table, in course order then table order.</param>
/// <param name="Notices">Run-level notices (missing files).</param>
/// <param name="Elapsed">Wall time.</param>
public sealed record ConvertResult(
    string Input,
    string Output,
    IReadOnlyList<CourseInput> Courses,
    IReadOnlyList<TableStats> Tables,
    IReadOnlyList<string> Notices,
    TimeSpan Elapsed)
{
    /// <summary>Rows rejected in all tables.</summary>
    public long Rejected
    {
        get
        {
            // A loop: read at the end of every run, where each lambda is one more method to compile.
            long rejected = 0;
            foreach (var t in Tables)
            {
                rejected += t.Rejected;
            }

            return rejected;
        }
    }

    /// <summary>Warnings in all tables.</summary>
    public long Warnings => Tables.Sum(t => t.Warnings);

    /// <summary>Courses that could not be converted (their errors), in course order; the other courses were converted as if they were alone.</summary>
    public IReadOnlyList<CourseFailure> FailedCourses { get; init; } = [];

    /// <summary>Every table's CSV as the run wrote it (rows, bytes), in table order; a load checks the files against these.</summary>
    public IReadOnlyList<CsvFileSize> CsvFiles { get; init; } = [];

    /// <summary>The run's id (Parquet output: it names the run's parts and report), or null.</summary>
    public string? RunId { get; init; }

    /// <summary>Every Parquet file the run wrote (Parquet output), in table order.</summary>
    public IReadOnlyList<ParquetFileSize> ParquetFiles { get; init; } = [];

    /// <summary>How the run went: some courses failed, else some rows were rejected, else done (the tool maps it to its exit code).</summary>
    public ConvertOutcome Outcome => FailedCourses.Count > 0 ? ConvertOutcome.CoursesFailed : Rejected > 0 ? ConvertOutcome.DoneWithRejects : ConvertOutcome.Done;
}

/// <summary>A table's CSV as a conversion wrote it.</summary>
/// <param name="Table">The table.</param>
/// <param name="File">The CSV's name in the output folder.</param>
/// <param name="Rows">Its rows (records; the RFC 4180 format's header row not counted).</param>
/// <param name="Bytes">Its length in bytes.</param>
public sealed record CsvFileSize(string Table, string File, long Rows, long Bytes);

/// <summary>One course's Parquet file of a table, as a conversion wrote it.</summary>
/// <param name="Table">The table.</param>
/// <param name="Course">The course folder whose rows it holds.</param>
/// <param name="File">Its path in the dataset folder, with '/' separators: <c>{table}/course={id}/part-{run id}.parquet</c>.</param>
/// <param name="Rows">Its rows.</param>
/// <param name="Bytes">Its length in bytes.</param>
public sealed record ParquetFileSize(string Table, string Course, string File, long Rows, long Bytes);
