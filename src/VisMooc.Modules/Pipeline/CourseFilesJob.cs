using VisMooc.Modules.Discovery;
using VisMooc.Modules.IO;
using VisMooc.Modules.Reporting;
using VisMooc.Modules.Schema;
using VisMooc.Modules.Staging;

namespace VisMooc.Modules.Pipeline;

/// <summary>
/// The skeleton of a job fed by one kind of per-course input file: for every course in order, its
/// tables' statistics are begun, a course without the file is noted as missing it, and each of its
/// files is named in the statistics and handed to <see cref="ConvertFile"/>, the format's own code,
/// between <see cref="BeginFiles"/> and <see cref="EndFiles"/> (where a job that joins a second
/// input reads it, as the users job reads profiles). <see cref="ConvertChunks{TContext}"/> converts
/// a file's chunks on the run's workers and appends each chunk's results to the tables in file
/// order. Every per-course job uses it (TSV, forum, course tree, users); only the tracking-log job
/// does not (org-level logs, read once for all courses).
/// </summary>
/// <param name="input">The kind of input file the job reads; a course without it is skipped.</param>
/// <param name="outputs">The tables the job writes; a chunk's results are in this order.</param>
/// <param name="joined">A second kind of input the job reads for each course in <see cref="BeginFiles"/>, or null.</param>
public abstract class CourseFilesJob(InputDescriptor input, IReadOnlyList<TableOutput> outputs, InputDescriptor? joined = null) : IConvertJob
{
    /// <inheritdoc/>
    public IReadOnlyList<TableOutput> Outputs { get; } = outputs;

    /// <inheritdoc/>
    public IReadOnlyList<InputDescriptor> InputKinds { get; } = joined is null ? [input] : [joined, input];

    /// <inheritdoc/>
    public virtual bool Chunked => true;

    private InputDescriptor Input { get; } = input;

    /// <inheritdoc/>
    public void Run(IReadOnlyList<CourseInput> courses, ConvertRun run)
    {
        foreach (var course in courses)
        {
            var stats = new List<TableStats>(Outputs.Count);
            foreach (var o in Outputs)
            {
                stats.Add(run.BeginCourse(o, course.Name));
            }

            var files = course.FilesOf(Input);
            if (files.Count == 0)
            {
                run.MissingFile(course, Input, stats);
                continue;
            }

            BeginFiles(course, stats, run);
            foreach (var path in files)
            {
                string name = Path.GetFileName(path);
                foreach (var s in stats)
                {
                    s.Files.Add(name);
                }

                ConvertFile(course, path, name, run);
            }

            EndFiles(course, stats, run);
        }
    }

    /// <summary>Before the first file of a course that has the job's input (a job runs its courses one after another).</summary>
    /// <param name="course">The course.</param>
    /// <param name="stats">Its tables' statistics, in <see cref="Outputs"/> order.</param>
    /// <param name="run">The run.</param>
    protected virtual void BeginFiles(CourseInput course, IReadOnlyList<TableStats> stats, ConvertRun run)
    {
    }

    /// <summary>After the last file of a course that has the job's input.</summary>
    /// <param name="course">The course.</param>
    /// <param name="stats">Its tables' statistics, in <see cref="Outputs"/> order.</param>
    /// <param name="run">The run.</param>
    protected virtual void EndFiles(CourseInput course, IReadOnlyList<TableStats> stats, ConvertRun run)
    {
    }

    /// <summary>Converts one input file of a course (its name already counted in the tables' statistics) and appends its rows to <see cref="Outputs"/>.</summary>
    protected abstract void ConvertFile(CourseInput course, string path, string name, ConvertRun run);

    /// <summary>
    /// Converts a file's chunks side by side on the run's workers, each with a context made once per
    /// worker, and appends every chunk's results (one per output, in <see cref="Outputs"/> order) in file order.
    /// </summary>
    protected void ConvertChunks<TContext>(ConvertRun run, LfChunkReader chunks, Func<TContext> newContext, Func<TContext, LfChunk, TableChunk[]> convert) =>
        run.Workers.Run(chunks, newContext, convert, Append);

    private void Append(TableChunk[] chunks)
    {
        for (int i = 0; i < Outputs.Count; i++)
        {
            Outputs[i].Append(chunks[i]);
        }
    }
}
