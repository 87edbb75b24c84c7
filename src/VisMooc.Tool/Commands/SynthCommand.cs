using System.CommandLine;
using System.Globalization;
using VisMooc.Modules.Synth;

namespace VisMooc.Tool.Commands;

/// <summary><c>vismooc synth</c>: a deterministic, realistic edX package for benchmarks, tests and demos.</summary>
internal static class SynthCommand
{
    public static Command Create()
    {
        var quiet = Cli.CommonOptions.Quiet();
        var json = Cli.CommonOptions.Json("the written files and their sizes");
        var learners = Cli.CommonOptions.WholeNumber(
            "--learners",
            "Learners (auth_user rows); per million: 1M profiles and enrollments, 0.3M certificates, 200k forum documents, 2,000 videos",
            1L,
            PackageSynthesizer.MaxLearners,
            null,
            null,
            "-n");
        learners.Required = true;
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Course folder to write the six package files into (created when missing; same-named files are replaced)", Required = true, HelpName = "FOLDER" };
        var style = Cli.CommonOptions.Choice(
            "--style",
            "old: 2014 export (mysql CLI TSV with raw CRs, slash course ids, i4x:// keys, spaced mongoexport JSON); new: 2016 export (\\r escapes, fractional datetimes, course-v1:/block-v1: keys, compact JSON)",
            "new",
            "old",
            "new");
        var seed = Cli.CommonOptions.WholeNumber("--seed", "Seed of the generator: the same options give the same bytes", 0UL, ulong.MaxValue, () => 1UL);
        var eventsOut = new Option<DirectoryInfo>("--events-out") { Description = "Also write the org's daily tracking logs (video clickstream and other events) into this folder, as {org}/edx/events/{year}/{org}-edx-events-{date}.log.gz", HelpName = "FOLDER" };
        var eventsPerLearner = Cli.CommonOptions.WholeNumber(
            "--events-per-learner",
            $"Tracking-log lines per learner on average (default {SynthOptions.DefaultEventsPerLearner}, about 1 KB each; 0: no logs)",
            0,
            SynthOptions.MaxEventsPerLearner,
            () => SynthOptions.DefaultEventsPerLearner);
        var eventsPlain = new Option<bool>("--events-plain") { Description = "Write the tracking logs as plain .log files instead of .log.gz" };

        var command = new Command("synth", "Generate a realistic edX package of invented learners.\n\n"
            + "Writes all six files of one course.\n\n"
            + "A 1M-learner package is about 550 MB. Same --learners, --style and --seed give byte-identical files on any machine.\n\n"
            + "Examples:\n  vismooc synth --learners 300 --style old --out samples/SynthX-STAT201x-3T2014\n"
            + "  vismooc synth --learners 1000000 --out /tmp/big/SynthX-STAT201x-2T2016 --seed 7\n\n"
            + "Exit codes: 0 written, 1 failed (unwritable folder), 2 usage error.");
        command.Options.Add(learners);
        command.Options.Add(output);
        command.Options.Add(style);
        command.Options.Add(seed);
        command.Options.Add(eventsOut);
        command.Options.Add(eventsPerLearner);
        command.Options.Add(eventsPlain);
        command.Options.Add(quiet);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            long n = parse.GetValue(learners);
            int perLearner = parse.GetValue(eventsPerLearner);
            var options = new SynthOptions
            {
                Learners = n,
                Output = parse.GetValue(output)!.FullName,
                Style = parse.GetValue(style) == "old" ? SynthStyle.Old : SynthStyle.New,
                Seed = parse.GetValue(seed),
                EventsOutput = parse.GetValue(eventsOut)?.FullName,
                EventsPerLearner = perLearner,
                EventsCompressed = !parse.GetValue(eventsPlain),
            };
            return Run(options, parse.GetValue(quiet), parse.GetValue(json));
        });
        return command;
    }

    private static int Run(SynthOptions options, bool quiet, bool json)
    {
        SynthResult result;
        try
        {
            bool progress = !quiet && !json;
            result = PackageSynthesizer.Run(options, progress ? f => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"vismooc: wrote {f.Name} ({f.Bytes / 1e6:0.0} MB)")) : null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("vismooc: error: " + options.Output + ": cannot write: " + e.Message);
            return ExitCodes.Failed;
        }

        if (json)
        {
            using var stdout = StandardStreams.OpenOutput();
            using (var w = new System.Text.Json.Utf8JsonWriter(stdout, new System.Text.Json.JsonWriterOptions { Indented = true }))
            {
                w.WriteStartObject();
                w.WriteString("folder", result.Folder);
                w.WriteString("courseId", result.CourseId);
                w.WriteString("style", options.Style == SynthStyle.Old ? "old" : "new");
                w.WriteNumber("learners", options.Learners);
                w.WriteNumber("seed", options.Seed);
                w.WriteNumber("bytes", result.Bytes);
                w.WriteNumber("elapsedSeconds", Math.Round(result.Elapsed.TotalSeconds, 3));
                w.WriteStartArray("files");
                foreach (var f in result.Files)
                {
                    w.WriteStartObject();
                    w.WriteString("name", f.Name);
                    w.WriteNumber("bytes", f.Bytes);
                    w.WriteNumber("records", f.Records);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            stdout.WriteByte((byte)'\n');
        }
        else if (!quiet)
        {
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"file",-62}{"records",10}{"MB",10}"));
            foreach (var f in result.Files)
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{f.Name,-62}{f.Records,10}{f.Bytes / 1e6,10:0.0}"));
            }

            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {result.CourseId} ({result.Bytes / 1e6:0.0} MB) to {result.Folder} in {result.Elapsed.TotalSeconds:0.00} s"));
        }

        return ExitCodes.Ok;
    }
}
