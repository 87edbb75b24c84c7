using System.CommandLine;
using VisMooc.Generated;
using VisMooc.Modules.Convert;

namespace VisMooc.Tool.Commands;

/// <summary><c>vismooc convert</c>: edX package files into the vismooc_extensions CSV tables.</summary>
internal static class ConvertCommand
{
    public static Command Create(Option<bool> quiet, Option<bool> json)
    {
        var input = new Argument<DirectoryInfo>("INPUT") { Description = "A course folder, or a folder of course folders" };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Output folder for the seven CSV tables, rejects/ and report.json (its tables are replaced)", Required = true };
        var course = new Option<string?>("--course") { Description = "Only course folders whose name matches this pattern (* and ?)" };
        var strict = new Option<bool>("--strict") { Description = "Fail when a course lacks one of the six input files (default: skip its tables with a warning)" };
        var format = new Option<string>("--format")
        {
            Description = "mysql (default): the dialect MySQL LOAD DATA and 'vismooc load' read; rfc4180: standard CSV with a header row for pandas, R and spreadsheets",
            DefaultValueFactory = _ => "mysql",
        };
        format.AcceptOnlyFromAmong("mysql", "rfc4180");
        var keyFile = KeyFileOption();
        var threads = new Option<int>("--threads") { Description = "Threads converting at once (default: one per core; output is the same for any value)", DefaultValueFactory = _ => Environment.ProcessorCount };

        // For tests and benchmarks (tiny chunks put chunk boundaries everywhere); output never depends on it.
        var chunkBytes = new Option<int>("--chunk-bytes") { Hidden = true, DefaultValueFactory = _ => ConvertOptions.DefaultChunkBytes };
        chunkBytes.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--chunk-bytes must be at least 1");
            }
        });

        var command = new Command("convert", "Convert edX research data package files into the vismooc_extensions CSV tables.\n\n"
            + InputDiscovery.HelpText + "\n\n"
            + "Progress goes to standard error: a bar per table on a terminal, a line every 2 s otherwise, nothing with --quiet.\n\n"
            + "Examples:\n  vismooc convert HKUSTx-COMP102x-2T2014 --out csv\n  vismooc convert package-folder --out csv --course 'HKUSTx-*'\n  vismooc convert HKUSTx-COMP102x-2T2014 --out for-pandas --format rfc4180\n\n" + ExitCodes.Help);
        command.Arguments.Add(input);
        command.Options.Add(output);
        command.Options.Add(course);
        command.Options.Add(strict);
        command.Options.Add(format);
        command.Options.Add(keyFile);
        command.Options.Add(threads);
        command.Options.Add(chunkBytes);
        command.SetAction(parse =>
        {
            byte[]? key;
            try
            {
                key = ReadKey(parse.GetValue(keyFile));
            }
            catch (ConvertException e)
            {
                Console.Error.WriteLine("vismooc: error: " + e.Message);
                return ExitCodes.Usage;
            }

            var options = new ConvertOptions
            {
                PseudonymKey = key,
                Input = parse.GetValue(input)!.FullName,
                Output = parse.GetValue(output)!.FullName,
                CoursePattern = parse.GetValue(course),
                Strict = parse.GetValue(strict),
                Threads = parse.GetValue(threads),
                ChunkBytes = parse.GetValue(chunkBytes),
                Format = parse.GetValue(format) == "rfc4180" ? Modules.Output.OutputFormat.Rfc4180 : Modules.Output.OutputFormat.MySql,
            };
            return Run(options, parse.GetValue(quiet), parse.GetValue(json));
        });
        return command;
    }

    public static Option<FileInfo?> KeyFileOption() => new("--pseudonym-key-file")
    {
        Description = "Pseudonymise usernames and names with HMAC-SHA256 keyed by this file's contents (for sharing outside MOOCdb) instead of MOOCdb's unsalted RIPEMD-160",
    };

    /// <summary>The pseudonym key: the file's bytes; null without a file.</summary>
    public static byte[]? ReadKey(FileInfo? file)
    {
        if (file is null)
        {
            return null;
        }

        if (!file.Exists)
        {
            throw new ConvertException(file.FullName, "no such pseudonym key file");
        }

        // Bounded, and never a FIFO or a device (--pseudonym-key-file /dev/zero read without end).
        byte[] key = SmallFile.Read(file.FullName, out string? problem) ?? throw new ConvertException(file.FullName, problem + ": give the key file (e.g. made by head -c 32 /dev/urandom > key)");
        return key.Length >= 16 ? key : throw new ConvertException(file.FullName, $"the pseudonym key has {key.Length} bytes; use at least 16 random bytes (e.g. head -c 32 /dev/urandom > key)");
    }

    /// <summary>The line and exit code of a conversion stopped by Ctrl-C or SIGTERM.</summary>
    public static int Interrupted(string output) => Interruption.Report($"nothing was renamed; the earlier outputs in {Path.GetFullPath(output)} are unchanged");

    public static int Run(ConvertOptions options, bool quiet, bool json)
    {
        Interruption.Listen();
        ConvertResult result;
        try
        {
            result = ConvertProgressDisplay.Run(quiet, progress => PackageConverter.Run(options with { Progress = progress, Cancellation = Interruption.Token }, GeneratedTables.All));
        }
        catch (ConvertException e)
        {
            Console.Error.WriteLine("vismooc: error: " + e.Message);
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (Interruption.Requested)
        {
            return Interrupted(options.Output);
        }

        if (json)
        {
            using var stdout = Console.OpenStandardOutput();
            ConvertReportWriter.Write(result, stdout);
            stdout.WriteByte((byte)'\n');
        }
        else if (!quiet)
        {
            Summary.Print(result, Console.Out);
        }

        if (!quiet)
        {
            Summary.PrintProblems(result, Console.Error);
        }

        Summary.PrintFailedCourses(result, Console.Error);
        return result.ExitCode;
    }
}
