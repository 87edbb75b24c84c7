using System.CommandLine;
using System.Text.Json;
using VisMooc.Generated;
using VisMooc.Modules.Discovery;
using VisMooc.Modules.Load;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Reporting;
using VisMooc.Modules.Staging;
using VisMooc.Tool.Cli;
using VisMooc.Tool.Config;

namespace VisMooc.Tool.Commands;

/// <summary><c>vismooc run</c>: convert, then load; or the vismooc step of a MOOC-Learner-Curated config.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var conversion = new ConversionOptions(inputRequired: false);
        var db = LoadCommand.DbOption();
        var mode = LoadCommand.ModeOption();
        var passwordFile = LoadCommand.PasswordFileOption();
        var config = new Option<FileInfo?>("--config")
        {
            Description = "A MOOC-Learner-Curated config.yml: the folders, file names, MySQL settings and the vismooc_process/vismooc_populate switches come from it (not with INPUT, --out or --course)",
            HelpName = "FILE",
        };
        var quiet = CommonOptions.Quiet();
        var json = CommonOptions.Json("the conversion report and the load's result");
        var verbose = CommonOptions.Verbose();
        var command = new Command("run", "Convert an edX package, then load it into a database.\n\n"
            + InputDiscovery.HelpText() + "\n\n"
            + "The tables are written to --out (default ./vismooc-out), then loaded into --db (default: sqlite:FOLDER/moocdb.sqlite). "
            + "When the load fails, the tables stay in the folder and the error names the 'vismooc load' command that completes the run.\n\n"
            + "Examples:\n  vismooc run samples/SynthX-STAT201x-3T2014 --out out     (CSVs and out/moocdb.sqlite)\n"
            + "  vismooc run package --out csv --db mysql://moocdb@localhost/moocdb\n"
            + "  vismooc run --config config/config.yml\n\n" + ExitCodes.Help);
        conversion.AddTo(command);
        command.Options.Add(db);
        command.Options.Add(mode);
        command.Options.Add(passwordFile);
        command.Options.Add(config);
        command.Options.Add(quiet);
        command.Options.Add(json);
        command.Options.Add(verbose);
        command.SetAction(parse =>
        {
            var run = new RunSettings(
                LoadCommand.Mode(parse.GetValue(mode)),
                parse.GetValue(passwordFile),
                parse.GetValue(db),
                parse.GetValue(quiet),
                parse.GetValue(json),
                parse.GetValue(verbose));
            if (conversion.OutputFormat(parse) == Modules.Output.OutputFormat.Rfc4180)
            {
                return Usage("--format rfc4180: the databases load only the mysql format; for standard CSV use 'vismooc convert --format rfc4180'");
            }

            if (conversion.OutputFormat(parse) == Modules.Output.OutputFormat.Parquet)
            {
                return Usage("--format parquet: 'vismooc run' loads CSV; for a Parquet dataset use 'vismooc convert --format parquet'");
            }

            byte[]? key;
            try
            {
                key = ConvertCommand.ReadKey(parse.GetValue(conversion.KeyFile));
            }
            catch (ConvertException e)
            {
                Console.Error.WriteLine("vismooc: error: " + e.Message);
                return ExitCodes.Usage;
            }

            var configFile = parse.GetValue(config);
            var inputFolder = parse.GetValue(conversion.Input);
            if (configFile is not null)
            {
                if (inputFolder is not null)
                {
                    return Usage("give either INPUT or --config, not both");
                }

                // The config names the folders: an --out or --course beside it would be silently overruled.
                foreach (var option in new Option[] { conversion.Output, conversion.Course })
                {
                    if (ConversionOptions.Given(parse, option))
                    {
                        return Usage($"{option.Name}: not with --config (the config names the input and output folders)");
                    }
                }

                return RunConfig(configFile.FullName, run, options => conversion.Read(parse, options.Input, options.Output, key));
            }

            if (inputFolder is null)
            {
                return Usage("INPUT is missing (a course folder, or a folder of course folders), or give --config FILE.yml");
            }

            string outFolder = conversion.OutputFolder(parse);
            var target = LoadCommand.Target(run.Db, outFolder);
            if (target is null)
            {
                return ExitCodes.Usage;
            }

            var convertOptions = conversion.Read(parse, inputFolder.FullName, outFolder, key);
            var converted = ConvertCommand.Convert(outFolder, progress => PackageConverter.Run(convertOptions with { Progress = progress, Cancellation = Interruption.Token }, GeneratedTables.All), run.Quiet, run.Json, out int failed);
            if (converted is null)
            {
                return failed;
            }

            var load = LoadCommand.Load(outFolder, target, run.Mode, () => Passwords.Resolve(run.PasswordFile, () => Passwords.AskOnTerminal(target)), run.Quiet, run.Verbose);
            return Finish(converted, load, run);
        });
        return command;
    }

    /// <summary>A usage error of <c>run</c> found after parsing: the problem, then where to read more.</summary>
    private static int Usage(string problem)
    {
        Console.Error.WriteLine("vismooc: run: " + problem);
        Console.Error.WriteLine("Try 'vismooc run --help'.");
        return ExitCodes.Usage;
    }

    private static int RunConfig(string path, RunSettings run, Func<(string Input, string Output), ConvertOptions> convertOptions)
    {
        MlcConfig config;
        LoadTarget? target = null;
        try
        {
            config = MlcConfig.Read(path);
            if (config.Populate)
            {
                target = run.Db is not null ? LoadCommand.Target(run.Db, config.OutputFolder) : ConfigTarget(config);
                if (target is null)
                {
                    return ExitCodes.Usage;
                }
            }
        }
        catch (ConfigException e)
        {
            Console.Error.WriteLine("vismooc: error: " + e.Message);
            return ExitCodes.Failed;
        }
        catch (LoadException e)
        {
            Console.Error.WriteLine("vismooc: error: " + e.Message);
            return ExitCodes.Failed;
        }

        ConvertResult? converted = null;
        if (config.Process)
        {
            CourseInput course;
            try
            {
                course = config.Course();
            }
            catch (ConvertException e)
            {
                Console.Error.WriteLine("vismooc: error: " + e.Message);
                return ExitCodes.Failed;
            }

            var options = convertOptions((config.InputFolder, config.OutputFolder));
            if (config.LogFile is string log && File.Exists(log))
            {
                options = options with { Events = [.. options.Events, log] };
            }

            converted = ConvertCommand.Convert(config.OutputFolder, progress => PackageConverter.Run(options with { Progress = progress, Cancellation = Interruption.Token }, [course], GeneratedTables.All), run.Quiet, run.Json, out int failed);
            if (converted is null)
            {
                return failed;
            }
        }

        if (target is null)
        {
            return Finish(converted, null, run);
        }

        string unchanged = $"nothing was loaded; {target} is unchanged" + (converted is null ? "" : $" (the converted tables are in {config.OutputFolder})");
        Func<string?> password = () => Passwords.Resolve(run.PasswordFile, () => config.QueryPassword ? Passwords.Prompt("MySQL password", secret: true, unchanged) : config.Password);
        var load = LoadCommand.Load(config.OutputFolder, target, run.Mode, password, run.Quiet, run.Verbose);
        return Finish(converted, load, run);
    }

    /// <summary>The MySQL target the config's <c>mysql</c> section names, asking for the user and database when it says to.</summary>
    private static LoadTarget ConfigTarget(MlcConfig config)
    {
        const string Unchanged = "nothing was converted or loaded";
        string user = config.QueryUser ? Passwords.Prompt("MySQL user", secret: false, Unchanged) : config.User ?? "root";
        string database = config.QueryDatabase ? Passwords.Prompt("MySQL database", secret: false, Unchanged) : config.Database ?? "moocdb";

        // Never quoted: a value of the mysql section may be the password typed under another key.
        if (LoadTarget.DatabaseProblem(database) is string problem)
        {
            throw new ConfigException($"{config.ConfigFile}: mysql.database: {problem}");
        }

        return LoadTarget.MySql(user, config.Host, config.Port, database);
    }

    /// <summary>
    /// After the load (or without one): the load's summary, or, when it failed, where the tables
    /// are and the command that loads them; with <c>--json</c> one document holding both steps.
    /// </summary>
    private static int Finish(ConvertResult? converted, LoadAttempt? load, RunSettings run)
    {
        string? resume = load is { Result: null, Interrupted: false } ? ResumeCommand(load, run.PasswordFile) : null;
        if (resume is not null)
        {
            string password = load!.Target.IsMySql && run.PasswordFile is null ? $" (with the password in {Passwords.Variable})" : "";
            Console.Error.WriteLine($"vismooc: the converted tables are in {load.CsvFolder}; to load them, run: {resume}{password}");
        }

        int exitCode = load is { Interrupted: true } ? ExitCodes.Interrupted : load is { Result: null } ? ExitCodes.Failed : (converted is null ? ExitCodes.Ok : ExitCodes.Of(converted.Outcome));
        if (run.Json)
        {
            WriteJson(converted, load, resume, exitCode);
        }
        else if (!run.Quiet && load?.Result is not null)
        {
            LoadCommand.PrintSummary(load.Result);
        }

        return exitCode;
    }

    /// <summary>The exact <c>vismooc load</c> command that completes a run whose load failed; it holds no password (a target never does).</summary>
    public static string ResumeCommand(LoadAttempt load, FileInfo? passwordFile)
    {
        var words = new List<string> { "vismooc", "load", load.CsvFolder, "--db", load.Target.ToString() };
        if (load.Mode == LoadMode.Replace)
        {
            words.AddRange(["--mode", "replace"]);
        }

        if (passwordFile is not null)
        {
            words.AddRange(["--password-file", passwordFile.FullName]);
        }

        return ShellWords.Join(words);
    }

    /// <summary>
    /// The one document <c>run --json</c> prints: <c>exitCode</c>, <c>convert</c> (the report, as
    /// <c>report.json</c> holds it; null when the config switched conversion off) and <c>load</c>
    /// (as <c>load --json</c> prints it, with <c>error</c> and <c>resume</c> when it failed; null
    /// when the config switched loading off).
    /// </summary>
    private static void WriteJson(ConvertResult? converted, LoadAttempt? load, string? resume, int exitCode)
    {
        using var stdout = StandardStreams.OpenOutput();
        using (var w = LoadCommand.JsonWriter(stdout))
        {
            w.WriteStartObject();
            w.WriteNumber("exitCode", exitCode);
            w.WritePropertyName("convert");
            if (converted is null)
            {
                w.WriteNullValue();
            }
            else
            {
                var report = new MemoryStream();
                ConvertReportWriter.Write(converted, report, ExitCodes.Of);
                using var document = JsonDocument.Parse(report.ToArray());
                document.RootElement.WriteTo(w);
            }

            w.WritePropertyName("load");
            if (load is null)
            {
                w.WriteNullValue();
            }
            else
            {
                LoadCommand.WriteJson(w, load, resume);
            }

            w.WriteEndObject();
        }

        stdout.WriteByte((byte)'\n');
    }
}
