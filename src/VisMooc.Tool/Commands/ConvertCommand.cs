using System.CommandLine;
using VisMooc.Generated;
using VisMooc.Modules.Discovery;
using VisMooc.Modules.IO;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Reporting;
using VisMooc.Modules.Staging;
using VisMooc.Tool.Cli;
using VisMooc.Tool.Progress;

namespace VisMooc.Tool.Commands;

/// <summary><c>vismooc convert</c>: edX package files into the vismooc_extensions CSV tables.</summary>
internal static class ConvertCommand
{
    public static Command Create()
    {
        var conversion = new ConversionOptions(inputRequired: true);
        var quiet = CommonOptions.Quiet();
        var json = CommonOptions.Json("the report (what report.json holds)");
        var command = new Command("convert", "Convert an edX package into CSV tables and report.json.\n\n"
            + "Writes the seven tables, rejects/ (rows that could not be read) and report.json into --out.\n\n"
            + InputDiscovery.HelpText() + "\n\n"
            + "Progress goes to standard error: on a terminal one bar per table, cleared at the end; otherwise a line every 2 s; nothing with --quiet.\n\n"
            + "Examples:\n  vismooc convert HKUSTx-COMP102x-2T2014                  (into ./vismooc-out)\n  vismooc convert package-folder --out csv --course 'HKUSTx-*'\n  vismooc convert HKUSTx-COMP102x-2T2014 --out for-pandas --format rfc4180\n\n" + ExitCodes.Help);
        conversion.AddTo(command);
        command.Options.Add(quiet);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            byte[]? key;
            try
            {
                key = ReadKey(parse.GetValue(conversion.KeyFile));
            }
            catch (ConvertException e)
            {
                Console.Error.WriteLine("vismooc: error: " + e.Message);
                return ExitCodes.Usage;
            }

            var options = conversion.Read(parse, parse.GetValue(conversion.Input)!.FullName, conversion.OutputFolder(parse), key);
            return Run(options, parse.GetValue(quiet), parse.GetValue(json));
        });
        return command;
    }

    /// <summary>The pseudonym key: the file's bytes; null without a file.</summary>
    public static byte[]? ReadKey(FileInfo? file)
    {
        if (file is null)
        {
            return null;
        }

        if (!file.Exists && !Directory.Exists(file.FullName))
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
        var result = Convert(options.Output, progress => PackageConverter.Run(options with { Progress = progress, Cancellation = Interruption.Token }, GeneratedTables.All), quiet, json, out int failed);
        if (result is null)
        {
            return failed;
        }

        if (json)
        {
            using var stdout = StandardStreams.OpenOutput();
            ConvertReportWriter.Write(result, stdout, ExitCodes.Of);
            stdout.WriteByte((byte)'\n');
        }

        return ExitCodes.Of(result.Outcome);
    }

    /// <summary>
    /// Runs a conversion under the progress display and prints its summary (on standard output,
    /// not with <paramref name="json"/>) and its warnings and rejects (on standard error); null
    /// when it failed, after printing the one-line error, with the exit code in <paramref name="failed"/>
    /// (<see cref="ExitCodes.Interrupted"/> when Ctrl-C or SIGTERM stopped it: the conversion must
    /// watch <see cref="Interruption.Token"/>).
    /// </summary>
    public static ConvertResult? Convert(string output, Func<Action<ConvertProgress>?, ConvertResult> conversion, bool quiet, bool json, out int failed)
    {
        Interruption.Listen();
        ConvertResult result;
        failed = ExitCodes.Failed;
        try
        {
            result = ProgressDisplay.Run(quiet, "converting", conversion);
        }
        catch (ConvertException e)
        {
            Console.Error.WriteLine("vismooc: error: " + e.Message);
            return null;
        }
        catch (OperationCanceledException) when (Interruption.Requested)
        {
            failed = Interrupted(output);
            return null;
        }

        if (!quiet && !json)
        {
            Summary.Print(result, Console.Out);
        }

        if (!quiet)
        {
            Summary.PrintProblems(result, Console.Error);
        }

        // Also with --quiet: it explains exit code 4.
        Summary.PrintFailedCourses(result, Console.Error);
        return result;
    }
}
