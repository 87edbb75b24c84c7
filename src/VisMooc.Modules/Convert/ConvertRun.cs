using System.Collections.Concurrent;

namespace VisMooc.Modules.Convert;

/// <summary>Shared state of one conversion run: options, the worker threads, and the counts of every course and table.</summary>
public sealed class ConvertRun(ConvertOptions options, ChunkWorkers workers)
{
    private readonly ConcurrentDictionary<(string Course, string Table), TableStats> _stats = new();
    private readonly ConcurrentQueue<string> _notices = new();

    /// <summary>The cross-file checks of this run.</summary>
    public CrossFileChecks Checks { get; } = new();

    /// <summary>Each course's own id (from its course tree's root, as the tabular files spell it), by course name.</summary>
    public ConcurrentDictionary<string, string> PackageCourseIds { get; } = new();

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

    /// <summary>Run-level notices (missing files), in the order they were raised per job.</summary>
    public IEnumerable<string> Notices => _notices;

    /// <summary>
    /// A table's source file is missing: a notice, or with <c>--strict</c> a failure. The notice says
    /// which tables were skipped, or <paramref name="consequence"/> when none was.
    /// </summary>
    public void MissingFile(CourseInput course, EdxFileKind kind, IEnumerable<TableStats> affected, string? consequence = null)
    {
        // A file a configuration names is named exactly, with the folder searched; a discovered kind by its pattern.
        string? expected = course.ExpectedNames?.GetValueOrDefault(kind);
        string pattern = expected ?? InputDiscovery.Pattern(kind);
        if (Options.Strict)
        {
            throw new ConvertException(course.Folder, expected is null ? $"no {pattern} file (--strict)" : $"no {expected} (--strict)");
        }

        var tables = affected.ToList();
        foreach (var stats in tables)
        {
            stats.MissingFile = pattern;
        }

        string missing = expected is null ? pattern + " file" : $"{expected} in {course.Folder}";
        _notices.Enqueue($"{course.Name}: no {missing}; " + (consequence ?? "skipped " + string.Join(", ", tables.Select(t => t.Table))));
    }
}
