using System.CommandLine;
using System.Globalization;
using VisMooc.Modules.Synth;

namespace VisMooc.Tool.Commands;

/// <summary><c>vismooc synth</c>: a deterministic, realistic edX package for benchmarks, tests and demos.</summary>
internal static class SynthCommand
{
    public static Command Create(Option<bool> quiet, Option<bool> json)
    {
        var learners = new Option<long>("--learners", "-n") { Description = "Learners (auth_user rows); per million: 1M profiles and enrollments, 0.3M certificates, 200k forum documents, 2,000 videos", Required = true };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Course folder to write the six package files into (created when missing; same-named files are replaced)", Required = true };
        var style = new Option<string>("--style")
        {
            Description = "old: 2014 export (mysql CLI TSV with raw CRs, slash course ids, i4x:// keys, spaced mongoexport JSON); new (default): 2016 export (\\r escapes, fractional datetimes, course-v1:/block-v1: keys, compact JSON)",
            DefaultValueFactory = _ => "new",
        };
        style.AcceptOnlyFromAmong("old", "new");
        var seed = new Option<ulong>("--seed") { Description = "Seed of the generator: the same options give the same bytes (default 1)", DefaultValueFactory = _ => 1UL };
        var eventsOut = new Option<DirectoryInfo>("--events-out") { Description = "Also write the org's daily tracking logs (video clickstream and other events) into this folder, as {org}/edx/events/{year}/{org}-edx-events-{date}.log.gz" };
        var eventsPerLearner = new Option<int>("--events-per-learner")
        {
            Description = $"Tracking-log lines per learner on average (default {SynthOptions.DefaultEventsPerLearner}, about 1 KB each; 0: no logs)",
            DefaultValueFactory = _ => SynthOptions.DefaultEventsPerLearner,
        };
        var eventsPlain = new Option<bool>("--events-plain") { Description = "Write the tracking logs as plain .log files instead of .log.gz" };

        var command = new Command("synth", "Generate a realistic edX research data package (all six files) with invented learners.\n\n"
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
        command.SetAction(parse =>
        {
            long n = parse.GetValue(learners);
            if (n < 1 || n > PackageSynthesizer.MaxLearners)
            {
                Console.Error.WriteLine($"vismooc: --learners must be between 1 and {PackageSynthesizer.MaxLearners.ToString(CultureInfo.InvariantCulture)}");
                return ExitCodes.Usage;
            }

            int perLearner = parse.GetValue(eventsPerLearner);
            if (perLearner < 0 || perLearner > SynthOptions.MaxEventsPerLearner)
            {
                Console.Error.WriteLine($"vismooc: --events-per-learner must be between 0 and {SynthOptions.MaxEventsPerLearner.ToString(CultureInfo.InvariantCulture)}");
                return ExitCodes.Usage;
            }

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
            using var stdout = Console.OpenStandardOutput();
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
