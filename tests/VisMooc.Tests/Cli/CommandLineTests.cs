using System.Text.RegularExpressions;
using VisMooc.Tests.Load;
using VisMooc.Tests.Shared;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Cli;

/// <summary>
/// The command line as a user meets it (the real tool in a child process): mistakes are two lines
/// that name the nearest right word, every number is checked, convert and run take the same options,
/// and the top-level help is a short list.
/// </summary>
public sealed partial class CommandLineTests
{
    // Fixes Environment.ProcessorCount in the child, so the --threads range in messages is the same on any machine.
    private static readonly Dictionary<string, string?> s_twoCores = new() { ["DOTNET_PROCESSOR_COUNT"] = "2" };

    private static string Sample => Path.Combine(RepoPaths.Root, "samples", "HKUSTx-COMP102x-2T2014");

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Theory]
    [InlineData("vismooc: unknown command 'convrt' (did you mean 'convert'?)", "convrt", "package", "--out", "csv")]
    [InlineData("vismooc: unknown command 'lod' (did you mean 'load'?)", "lod", "csv")]
    [InlineData("vismooc: unknown command 'frobnicate'", "frobnicate")]
    [InlineData("vismooc: unknown option '--vresion' (did you mean '--version'?)", "--vresion")]
    public void AMistypedCommandIsTwoLinesNamingTheNearestCommand(string message, params string[] args)
    {
        var run = ToolRunner.Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.StdOut);
        Assert.Equal([message, "Try 'vismooc --help' for the list of commands."], Lines(run.StdErr));
    }

    [Theory]
    [InlineData("convert", "vismooc: convert: unknown option '--ot' (did you mean '--out'?)", "IN", "--ot", "csv")]
    [InlineData("convert", "vismooc: convert: unknown option '--thread' (did you mean '--threads'?)", "--thread", "3", "IN")]
    [InlineData("convert", "vismooc: convert: unknown option '--output' (did you mean '--out'?)", "IN", "--output=csv")]
    [InlineData("convert", "vismooc: convert: unknown option '--stirct' (did you mean '--strict'?)", "--stirct", "IN")]
    [InlineData("run", "vismooc: run: unknown option '--jsno' (did you mean '--json'?)", "IN", "--jsno")]
    [InlineData("load", "vismooc: load: unknown option '--mdoe' (did you mean '--mode'?)", "csv", "--mdoe", "replace")]
    [InlineData("synth", "vismooc: synth: unknown option '--learner' (did you mean '--learners'?)", "--learner", "5", "--out", "x")]
    [InlineData("convert", "vismooc: convert: unexpected argument 'extra'", "IN", "extra")]
    public void AMistypedOptionNamesTheNearestOptionAndTheCommandsHelp(string command, string message, params string[] args)
    {
        using var temp = new LoadFixtures.TempFolder();
        var run = ToolRunner.Run([command, .. args.Select(a => a == "IN" ? Sample : a)], workingDirectory: temp.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([message, $"Try 'vismooc {command} --help'."], Lines(run.StdErr));
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Theory]
    [InlineData("convert", "--threads", "0", "from 1 to 8 (at most 4 per core, and this machine has 2)")]
    [InlineData("convert", "--threads", "-1", "from 1 to 8 (at most 4 per core, and this machine has 2)")]
    [InlineData("convert", "--threads", "9", "from 1 to 8 (at most 4 per core, and this machine has 2)")]
    [InlineData("convert", "--threads", "20000", "from 1 to 8 (at most 4 per core, and this machine has 2)")]
    [InlineData("convert", "--threads", "99999999999", "from 1 to 8 (at most 4 per core, and this machine has 2)")]
    [InlineData("run", "--threads", "0", "from 1 to 8 (at most 4 per core, and this machine has 2)")]
    [InlineData("convert", "--chunk-bytes", "0", "from 1 to 67108864")]
    [InlineData("convert", "--chunk-bytes", "2147483648", "from 1 to 67108864")]
    [InlineData("synth", "--learners", "0", "from 1 to 50000000")]
    [InlineData("synth", "--learners", "-5", "from 1 to 50000000")]
    [InlineData("synth", "--learners", "99999999999999999999", "from 1 to 50000000")]
    [InlineData("synth", "--seed", "-1", "from 0 to 18446744073709551615")]
    [InlineData("synth", "--seed", "18446744073709551616", "from 0 to 18446744073709551615")]
    [InlineData("synth", "--seed", "1.5", "from 0 to 18446744073709551615")]
    public void ANumberOutsideItsRangeIsAUsageErrorNamingTheOptionTheValueAndTheRange(string command, string option, string value, string range)
    {
        using var temp = new LoadFixtures.TempFolder();
        string[] args = command == "synth"
            ? ["synth", "--out", "course", .. option == "--learners" ? Array.Empty<string>() : ["--learners", "5"], option, value]
            : [command, Sample, "--out", "out", option, value];

        var run = ToolRunner.Run(args, s_twoCores, temp.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([$"vismooc: {command}: {option}: '{value}' is not a whole number {range}", $"Try 'vismooc {command} --help'."], Lines(run.StdErr));
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void TheLargestThreadCountIsAccepted()
    {
        using var temp = new LoadFixtures.TempFolder();

        var run = ToolRunner.Run(["convert", Sample, "--out", "out", "--threads", "8", "--quiet"], s_twoCores, temp.Path);

        Assert.True(run.ExitCode == 0, run.StdErr);
    }

    [Fact]
    public void TheTopLevelHelpIsAShortListOfCommands()
    {
        var run = ToolRunner.Run(["--help"]);

        Assert.Equal(0, run.ExitCode);
        Snapshot.Verify(run.StdOut);
        Assert.True(Lines(run.StdOut).Length <= 16, "the top-level help should fit on a screen");
        Assert.DoesNotContain("Examples", run.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("load")]
    [InlineData("run")]
    public void TheHelpOfLoadAndRunNamesEveryTarget(string command)
    {
        var run = ToolRunner.Run([command, "--help"]);

        Assert.Equal(0, run.ExitCode);
        var db = HelpRows(run.StdOut)["--db"];
        Assert.Contains("sqlite:PATH", db, StringComparison.Ordinal);
        Assert.Contains("duckdb:PATH", db, StringComparison.Ordinal);
        Assert.Contains("mysql://USER@HOST[:PORT]/DATABASE", db, StringComparison.Ordinal);
        if (command == "load")
        {
            // What only a DuckDB load reads: a Parquet dataset folder.
            Assert.Contains("a Parquet dataset folder (convert --format parquet) into DuckDB", run.StdOut, StringComparison.Ordinal);
            Assert.Contains("vismooc load ds --db duckdb:moocdb.duckdb", run.StdOut, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void NoCommandPrintsTheListOfCommandsAsAUsageError()
    {
        var run = ToolRunner.Run([]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.StdOut);
        Assert.Equal(ToolRunner.Run(["--help"]).StdOut, run.StdErr);
    }

    [Theory]
    [InlineData("convert", true)]
    [InlineData("run", true)]
    [InlineData("load", true)]
    [InlineData("synth", true)]
    [InlineData("schema", false)]
    [InlineData("describe", false)]
    public void JsonIsAnOptionOnlyOfTheCommandsWhoseOutputItChanges(string command, bool takesJson)
    {
        var help = ToolRunner.Run([command, "--help"]);

        Assert.Equal(0, help.ExitCode);
        Assert.Equal(takesJson, help.StdOut.Contains("--json", StringComparison.Ordinal));
        if (!takesJson)
        {
            var run = ToolRunner.Run([command, "--json"]);
            Assert.Equal(2, run.ExitCode);
            Assert.Equal([$"vismooc: {command}: unknown option '--json'", $"Try 'vismooc {command} --help'."], Lines(run.StdErr));
        }
    }

    [Fact]
    public void DescribeShowsItsTableAsOptional()
    {
        var help = ToolRunner.Run(["describe", "--help"]);
        var list = ToolRunner.Run(["--help"]);

        Assert.Contains("vismooc describe [<TABLE>] [options]", help.StdOut, StringComparison.Ordinal);
        Assert.Contains("  describe [TABLE]  ", list.StdOut, StringComparison.Ordinal);
        Assert.Equal(["vismooc: describe: no table 'userz' (did you mean 'users'?); tables: courses, course_video, videos, enrollments, forum, grades, users, click_events"],
            Lines(ToolRunner.Run(["describe", "userz"]).StdErr));
    }

    [Fact]
    public void ConvertAndRunDescribeTheirCommonOptionsInTheSameWords()
    {
        var convert = HelpRows(ToolRunner.Run(["convert", "--help"]).StdOut);
        var run = HelpRows(ToolRunner.Run(["run", "--help"]).StdOut);

        string[] common = ["-o, --out", "--course", "--strict", "--format", "--pseudonym-key-file", "--events", "--threads", "-q, --quiet", "--json"];
        foreach (string option in common)
        {
            Assert.True(convert.ContainsKey(option), $"convert --help lacks {option}");
            Assert.True(run.ContainsKey(option), $"run --help lacks {option}");
            if (option != "--json")
            {
                Assert.Equal(convert[option], run[option]);
            }
        }

        Assert.Contains("default: ./vismooc-out", convert["-o, --out"], StringComparison.Ordinal);
    }

    [Fact]
    public void ConvertAndRunWriteToTheSameDefaultFolder()
    {
        using var temp = new LoadFixtures.TempFolder();
        string convertDir = Directory.CreateDirectory(Path.Combine(temp.Path, "c")).FullName;
        string runDir = Directory.CreateDirectory(Path.Combine(temp.Path, "r")).FullName;

        var convert = ToolRunner.Run(["convert", Sample, "--quiet"], workingDirectory: convertDir);
        var run = ToolRunner.Run(["run", Sample, "--quiet", "--threads", "1"], workingDirectory: runDir);

        Assert.True(convert.ExitCode == 0, convert.StdErr);
        Assert.True(run.ExitCode == 0, run.StdErr);
        foreach (string table in ConvertHarness.Tables)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(convertDir, "vismooc-out", table + ".csv")), File.ReadAllBytes(Path.Combine(runDir, "vismooc-out", table + ".csv")));
        }

        Assert.True(File.Exists(Path.Combine(runDir, "vismooc-out", "moocdb.sqlite")));
    }

    [Fact]
    public void RunRefusesTheFormatNoDatabaseLoads()
    {
        using var temp = new LoadFixtures.TempFolder();

        var run = ToolRunner.Run(["run", Sample, "--format", "rfc4180"], workingDirectory: temp.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["vismooc: run: --format rfc4180: the databases load only the mysql format; for standard CSV use 'vismooc convert --format rfc4180'", "Try 'vismooc run --help'."], Lines(run.StdErr));
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Theory]
    [InlineData("convert")]
    [InlineData("run")]
    public void AMissingInputFolderIsExitOneAndWritesNothing(string command)
    {
        using var temp = new LoadFixtures.TempFolder();
        string missing = Path.Combine(temp.Path, "no-such-course");

        var run = ToolRunner.Run([command, missing, "--out", "out"], workingDirectory: temp.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal([$"vismooc: error: {missing}: no such folder"], Lines(run.StdErr));
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "out")), "nothing may be written or loaded");
    }

    [Theory]
    [InlineData("vismooc: run: INPUT is missing (a course folder, or a folder of course folders), or give --config FILE.yml")]
    [InlineData("vismooc: run: give either INPUT or --config, not both", "IN", "--config", "config.yml")]
    public void RunNeedsEitherAnInputOrAConfig(string message, params string[] args)
    {
        using var temp = new LoadFixtures.TempFolder();

        var run = ToolRunner.Run(["run", .. args.Select(a => a == "IN" ? Sample : a)], workingDirectory: temp.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([message, "Try 'vismooc run --help'."], Lines(run.StdErr));
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    // "  -o, --out <FOLDER>  Folder for …" → "-o, --out" → its description (continuation lines joined).
    private static Dictionary<string, string> HelpRows(string help)
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        bool inOptions = false;
        foreach (string line in help.Split('\n'))
        {
            if (line.StartsWith("Options:", StringComparison.Ordinal))
            {
                inOptions = true;
                continue;
            }

            var match = OptionRow().Match(line);
            if (inOptions && match.Success)
            {
                current = match.Groups["names"].Value;
                rows[current] = match.Groups["text"].Value.Trim();
            }
            else if (inOptions && current is not null && line.StartsWith("    ", StringComparison.Ordinal))
            {
                rows[current] += " " + line.Trim();
            }
        }

        return rows;
    }

    [GeneratedRegex(@"^  (?<names>-[^<\s,]*(, --?[^<\s]+)?)( <[^>]+>)?\s{2,}(?<text>.*)$")]
    private static partial Regex OptionRow();
}
