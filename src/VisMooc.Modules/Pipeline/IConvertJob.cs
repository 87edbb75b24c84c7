using VisMooc.Modules.Discovery;
using VisMooc.Modules.Schema;
using VisMooc.Modules.Staging;

namespace VisMooc.Modules.Pipeline;

/// <summary>Converts one kind of input, for every course in order, into its tables. Jobs run in parallel. <see cref="CourseFilesJob"/> is the skeleton of the per-course jobs.</summary>
public interface IConvertJob
{
    /// <summary>The tables this job writes.</summary>
    IReadOnlyList<TableOutput> Outputs { get; }

    /// <summary>The kinds of input file the job reads (for progress: how many bytes it has to read).</summary>
    IReadOnlyList<InputDescriptor> InputKinds { get; }

    /// <summary>
    /// True when the job's files are converted in chunks by the run's worker threads; false when
    /// the job converts on its own thread (a course tree is one JSON document), so it should start
    /// first and overlap the others instead of running alone at the end.
    /// </summary>
    bool Chunked { get; }

    /// <summary>Converts the courses, in order.</summary>
    void Run(IReadOnlyList<CourseInput> courses, ConvertRun run);
}
