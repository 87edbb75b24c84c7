using System.Collections.Concurrent;
using VisMooc.Modules.Checks;
using VisMooc.Modules.Discovery;
using VisMooc.Modules.Reporting;
using VisMooc.Modules.Schema;
using VisMooc.Modules.Staging;

namespace VisMooc.Modules.Pipeline;

/// <summary>Shared state of one conversion run: options, the worker threads, and the counts of every course and table.</summary>
/// <param name="options">The options.</param>
/// <param name="workers">The threads that convert chunks.</param>
/// <param name="courses">The run's courses, in the order their notices are reported.</param>
public sealed class ConvertRun(ConvertOptions options, ChunkWorkers workers, IReadOnlyList<CourseInput> courses)
{
    private readonly ConcurrentDictionary<(string Course, string Table), TableStats> _stats = new();
    private readonly ConcurrentQueue<RunNotice> _notices = new();
    private readonly Dictionary<string, int> _courseOrder = CourseOrder(courses);
    private long _raised;

    /// <summary>The cross-file checks of this run.</summary>
    public CrossFileChecks Checks { get; } = new();

    /// <summary>Each course's own id (from its course tree's root, as the tabular files spell it), by course name.</summary>
    public ConcurrentDictionary<string, string> PackageCourseIds { get; } = new();

    // A class, not a tuple, as the value: a dictionary of reference types runs the framework's
    // precompiled code, one of a value tuple is compiled at run time (the end of every run reads it).
    private readonly ConcurrentDictionary<string, JobFailure> _failures = new(StringComparer.Ordinal);

    /// <summary>
    /// A job could not read a course's files. The run goes on (each job with its next course) so
    /// that every course's failure is known at the end; of several failures of one course, the one
    /// of the first job in <paramref name="job"/> order is kept, so the error does not depend on timing.
    /// </summary>
    public void CourseFailed(CourseInput course, int job, ConvertException error) =>
        _failures.AddOrUpdate(course.Name, new JobFailure(job, error), (_, old) => old.Job <= job ? old : new JobFailure(job, error));

    /// <summary>The courses that failed in this run, with their errors.</summary>
    public IReadOnlyDictionary<string, ConvertException> Failures
    {
        get
        {
            var failures = new Dictionary<string, ConvertException>(StringComparer.Ordinal);
            foreach (var (course, failure) in _failures)
            {
                failures[course] = failure.Error;
            }

            return failures;
        }
    }

    /// <summary>The counts of one course's table, and that table's observations for the cross-file checks.</summary>
    public TableStats BeginCourse(TableOutput output, string course)
    {
        var stats = StatsFor(course, output.Table.Info.Name);
        output.BeginCourse(stats, Checks.For(course, output.Table.Info.Name));
        return stats;
    }

    /// <summary>The options.</summary>
    public ConvertOptions Options { get; } = options;

    /// <summary>The threads that convert chunks of the input files.</summary>
    public ChunkWorkers Workers { get; } = workers;

    /// <summary>The counts of one course's table (created on first use).</summary>
    public TableStats StatsFor(string course, string table) => _stats.GetOrAdd((course, table), k => new TableStats(k.Course, k.Table));

    /// <summary>Every table's counts.</summary>
    public IEnumerable<TableStats> AllStats => _stats.Values;

    /// <summary>Run-level notices (missing files…), in an order that does not depend on which job raised its notice first (see <see cref="NoticeOrder"/>).</summary>
    public IReadOnlyList<string> Notices => NoticeOrder.Sort(_notices);

    /// <summary>A notice of the whole run (a file not read, with what to do), raised before the jobs start.</summary>
    public void Notice(string notice) => _notices.Enqueue(new RunNotice(-1, "", Interlocked.Increment(ref _raised), notice));

    private static Dictionary<string, int> CourseOrder(IReadOnlyList<CourseInput> courses)
    {
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < courses.Count; i++)
        {
            order.TryAdd(courses[i].Name, i);
        }

        return order;
    }

    /// <summary>A notice of a job about one course and kind of input.</summary>
    public void Notice(CourseInput course, InputDescriptor input, string notice) =>
        _notices.Enqueue(new RunNotice(_courseOrder.GetValueOrDefault(course.Name, int.MaxValue), input.Name, Interlocked.Increment(ref _raised), notice));

    /// <summary>
    /// A table's source file is missing: a notice, or with <c>--strict</c> a failure. The notice says
    /// which tables were skipped, or <paramref name="consequence"/> when none was.
    /// </summary>
    public void MissingFile(CourseInput course, InputDescriptor kind, IEnumerable<TableStats> affected, string? consequence = null)
    {
        // A file a configuration names is named exactly, with the folder searched; a discovered kind by its pattern.
        // A file that looks like one of this kind but cannot be read as it is: name it, and what to do.
        string? expected = course.ExpectedNames?.GetValueOrDefault(kind);
        string pattern = expected ?? kind.Pattern;
        string hint = string.Concat(course.UnreadableFiles.Where(u => u.Kind == kind).Take(2).Select(u => $" ({Path.GetFileName(u.Path)} {u.Problem})"));
        if (Options.Strict)
        {
            throw new ConvertException(course.Folder, expected is null ? $"no {pattern} file{hint} (--strict)" : $"no {expected}{hint} (--strict)");
        }

        var tables = affected.ToList();
        foreach (var stats in tables)
        {
            stats.MissingFile = pattern;
        }

        string missing = expected is null ? pattern + " file" : $"{expected} in {course.Folder}";
        Notice(course, kind, $"{course.Name}: no {missing}{hint}; " + (consequence ?? "skipped " + string.Join(", ", tables.Select(t => t.Table))));
    }

    private sealed class JobFailure(int job, ConvertException error)
    {
        public int Job { get; } = job;

        public ConvertException Error { get; } = error;
    }
}
