using VisMooc.Modules.Reporting;

namespace VisMooc.Modules.Pipeline;

/// <summary>What to convert and how.</summary>
public sealed record ConvertOptions
{
    /// <summary>The default of <see cref="ChunkBytes"/>: 1 MiB, large enough that handing out a chunk costs nothing, small enough that the threads finish together.</summary>
    public const int DefaultChunkBytes = 1 << 20;

    /// <summary>A course folder, or a folder of course folders.</summary>
    public required string Input { get; init; }

    /// <summary>The output folder (created when missing; its tables are replaced).</summary>
    public required string Output { get; init; }

    /// <summary>Only courses whose folder name matches this pattern (<c>*</c> and <c>?</c>).</summary>
    public string? CoursePattern { get; init; }

    /// <summary>A missing source file is an error instead of a skipped table.</summary>
    public bool Strict { get; init; }

    /// <summary>
    /// Tracking-log files or folders (searched recursively for <c>*.log</c> and <c>*.log.gz</c>) to
    /// read for <c>click_events</c>, besides those inside the course folders (<c>--events</c>).
    /// </summary>
    public IReadOnlyList<string> Events { get; init; } = [];

    /// <summary>The CSV flavour to write (default: the MySQL <c>LOAD DATA</c> dialect).</summary>
    public global::VisMooc.Modules.Output.OutputFormat Format { get; init; } = global::VisMooc.Modules.Output.OutputFormat.MySql;

    /// <summary>Key for keyed pseudonyms (HMAC-SHA256) instead of MOOCdb's unsalted RIPEMD-160; never written anywhere.</summary>
    public byte[]? PseudonymKey { get; init; }

    /// <summary>
    /// The number <c>report.json</c> gives as <c>exitCode</c> for an outcome (the tool passes its exit
    /// codes); null writes no <c>exitCode</c>. The library itself knows no exit codes.
    /// </summary>
    public Func<ConvertOutcome, int>? ExitCodeOf { get; init; }

    /// <summary>Called with a snapshot every <see cref="ProgressInterval"/> while the tables are converted, and once when they are done; null for none.</summary>
    public Action<ConvertProgress>? Progress { get; init; }

    /// <summary>How often <see cref="Progress"/> is called.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How many threads convert at once (default: one per core); output is the same for any value.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// About how many bytes of an input file make one chunk, the unit of work of the threads
    /// (cut at a line end); output is the same for any value. Tests make it tiny, so that chunk
    /// boundaries fall everywhere.
    /// </summary>
    public int ChunkBytes { get; init; } = DefaultChunkBytes;

    /// <summary>
    /// Stops the run (with <see cref="OperationCanceledException"/>) within a chunk's work: its
    /// partial files are removed and nothing is renamed. Once the renames have begun it is no longer
    /// looked at: they finish, so a stopped run never leaves a half-renamed folder.
    /// </summary>
    public CancellationToken Cancellation { get; init; }
}
