using System.CommandLine;
using VisMooc.Modules.Output;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Staging;

namespace VisMooc.Tool.Cli;

/// <summary>
/// The options of a conversion, declared once for <c>convert</c> and <c>run</c> so that the two
/// cannot drift apart: same names, defaults, checks and help text.
/// </summary>
internal sealed class ConversionOptions
{
    /// <summary>The output folder when <c>--out</c> is not given, relative to the current directory.</summary>
    public const string DefaultOutput = "vismooc-out";

    /// <summary>Threads per core at most: more only add memory (each job keeps 2 chunks per thread in flight), not speed.</summary>
    public const int MaxThreadsPerCore = 4;

    /// <summary>The largest <c>--chunk-bytes</c>: 64 MiB; 2 chunks per thread of this size are in flight per job.</summary>
    public const int MaxChunkBytes = 64 << 20;

    public ConversionOptions(bool inputRequired)
    {
        Input = new Argument<DirectoryInfo?>("INPUT")
        {
            Description = inputRequired ? "A course folder, or a folder of course folders" : "A course folder, or a folder of course folders (or --config instead)",
            Arity = inputRequired ? ArgumentArity.ExactlyOne : ArgumentArity.ZeroOrOne,
        };
        int cores = Environment.ProcessorCount;
        Threads = CommonOptions.WholeNumber(
            "--threads",
            $"Threads converting at once, 1 to {MaxThreadsPerCore} per core (default: one per core); the output is the same for any value",
            1,
            MaxThreadsPerCore * cores,
            () => cores,
            $"at most {MaxThreadsPerCore} per core, and this machine has {cores}");

        // For tests and benchmarks (tiny chunks put chunk boundaries everywhere); output never depends on it.
        ChunkBytes = CommonOptions.WholeNumber("--chunk-bytes", "Bytes of input per chunk of work", 1, MaxChunkBytes, () => ConvertOptions.DefaultChunkBytes);
        ChunkBytes.Hidden = true;
    }

    public Argument<DirectoryInfo?> Input { get; }

    public Option<DirectoryInfo?> Output { get; } = new("--out", "-o")
    {
        Description = $"Folder for the CSV tables (seven; eight with tracking logs), rejects/ and report.json (default: ./{DefaultOutput}); its tables are replaced, other files are left alone",
        HelpName = "FOLDER",
    };

    public Option<string?> Course { get; } = new("--course") { Description = "Only course folders whose name matches this pattern (* and ?)", HelpName = "PATTERN" };

    public Option<bool> Strict { get; } = new("--strict") { Description = "Fail when a course lacks one of its six input files (default: skip its tables with a warning)" };

    public Option<string> Format { get; } = CommonOptions.Choice(
        "--format",
        "mysql: the dialect MySQL LOAD DATA and 'vismooc load' read; rfc4180: standard CSV with a header row for pandas, R and spreadsheets (convert only); parquet: a Parquet dataset per table, partitioned by course, for DuckDB, Spark and Trino (convert only)",
        "mysql",
        "mysql",
        "rfc4180",
        "parquet");

    public Option<FileInfo?> KeyFile { get; } = new("--pseudonym-key-file")
    {
        Description = "Pseudonymise usernames and names with HMAC-SHA256 keyed by this file's contents (for sharing outside MOOCdb) instead of MOOCdb's unsalted RIPEMD-160",
        HelpName = "FILE",
    };

    public Option<string[]> Events { get; } = new("--events")
    {
        Description = "Tracking logs for click_events: a *.log or *.log.gz file, or a folder searched for them (repeatable); "
            + "logs inside the course folders are read without it. No logs: no click_events.csv",
        HelpName = "PATH",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<int> Threads { get; }

    public Option<int> ChunkBytes { get; }

    /// <summary>Adds the argument and every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Arguments.Add(Input);
        command.Options.Add(Output);
        command.Options.Add(Course);
        command.Options.Add(Strict);
        command.Options.Add(Format);
        command.Options.Add(KeyFile);
        command.Options.Add(Events);
        command.Options.Add(Threads);
        command.Options.Add(ChunkBytes);
    }

    /// <summary>True when the user typed <paramref name="option"/> (not just its default).</summary>
    public static bool Given(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    /// <summary>The output folder, full path: <c>--out</c>, else <c>./vismooc-out</c>.</summary>
    public string OutputFolder(ParseResult parse) => parse.GetValue(Output)?.FullName ?? Path.GetFullPath(DefaultOutput);

    /// <summary>The format <c>--format</c> names.</summary>
    public OutputFormat OutputFormat(ParseResult parse) => parse.GetValue(Format) switch
    {
        "rfc4180" => Modules.Output.OutputFormat.Rfc4180,
        "parquet" => Modules.Output.OutputFormat.Parquet,
        _ => Modules.Output.OutputFormat.MySql,
    };

    /// <summary>The conversion the options describe, of <paramref name="input"/> into <paramref name="output"/>.</summary>
    public ConvertOptions Read(ParseResult parse, string input, string output, byte[]? pseudonymKey) => new()
    {
        PseudonymKey = pseudonymKey,
        Input = input,
        Output = output,
        CoursePattern = parse.GetValue(Course),
        Strict = parse.GetValue(Strict),
        Threads = parse.GetValue(Threads),
        ChunkBytes = parse.GetValue(ChunkBytes),
        Format = OutputFormat(parse),
        Events = parse.GetValue(Events) ?? [],
        ExitCodeOf = ExitCodes.Of,
    };
}
