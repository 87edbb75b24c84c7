using System.CommandLine;
using VisMooc.Generated;
using VisMooc.Modules.Convert;
using VisMooc.Modules.Load;
using VisMooc.Tool.Config;

namespace VisMooc.Tool.Commands;

/// <summary><c>vismooc run</c>: convert, then load; or the vismooc step of a MOOC-Learner-Curated config.</summary>
internal static class RunCommand
{
    public static Command Create(Option<bool> quiet, Option<bool> json)
    {
        var input = new Argument<DirectoryInfo?>("INPUT") { Description = "A course folder, or a folder of course folders (not with --config)", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Folder for the CSV tables (default: ./vismooc-out)" };
        var db = LoadCommand.DbOption();
        var mode = LoadCommand.ModeOption();
        var passwordFile = LoadCommand.PasswordFileOption();
        var course = new Option<string?>("--course") { Description = "Only course folders whose name matches this pattern (* and ?)" };
        var strict = new Option<bool>("--strict") { Description = "Fail when a course lacks one of the six input files" };
        var keyFile = ConvertCommand.KeyFileOption();
        var config = new Option<FileInfo?>("--config") { Description = "A MOOC-Learner-Curated config.yml: folders, file names, MySQL settings and the vismooc_process/vismooc_populate switches come from it" };
        var command = new Command("run", "Convert an edX package and load it into a database in one step.\n\n"
            + "Examples:\n  vismooc run samples/SynthX-STAT201x-3T2014 --out out     (CSVs and out/moocdb.sqlite)\n"
            + "  vismooc run package --out csv --db mysql://moocdb@localhost/moocdb\n"
            + "  vismooc run --config config/config.yml\n\n" + ExitCodes.Help);
        command.Arguments.Add(input);
        command.Options.Add(output);
        command.Options.Add(db);
        command.Options.Add(mode);
        command.Options.Add(passwordFile);
        command.Options.Add(course);
        command.Options.Add(strict);
        command.Options.Add(config);
        command.Options.Add(keyFile);
        command.SetAction(parse =>
        {
            bool q = parse.GetValue(quiet), j = parse.GetValue(json);
            var loadMode = parse.GetValue(mode) == "replace" ? LoadMode.Replace : LoadMode.Ignore;
            var configFile = parse.GetValue(config);
            var inputFolder = parse.GetValue(input);
            byte[]? key;
            try
            {
                key = ConvertCommand.ReadKey(parse.GetValue(keyFile));
            }
            catch (ConvertException e)
            {
                Console.Error.WriteLine("vismooc: error: " + e.Message);
                return ExitCodes.Usage;
            }

            if (configFile is not null)
            {
                if (inputFolder is not null)
                {
                    Console.Error.WriteLine("vismooc: give either INPUT or --config, not both");
                    return ExitCodes.Usage;
                }

                return RunConfig(configFile.FullName, loadMode, parse.GetValue(passwordFile), parse.GetValue(db), key, q, j);
            }

            if (inputFolder is null)
            {
                Console.Error.WriteLine("vismooc: run needs INPUT (a course folder) or --config FILE.yml");
                return ExitCodes.Usage;
            }

            string outFolder = parse.GetValue(output)?.FullName ?? Path.GetFullPath("vismooc-out");

            var options = new ConvertOptions
            {
                PseudonymKey = key,
                Input = inputFolder.FullName,
                Output = outFolder,
                CoursePattern = parse.GetValue(course),
                Strict = parse.GetValue(strict),
            };
            int converted = ConvertCommand.Run(options, q, j);
            if (converted is not (ExitCodes.Ok or ExitCodes.FinishedWithRejects or ExitCodes.SomeCoursesFailed))
            {
                return converted;
            }

            int loaded = LoadCommand.Run(outFolder, parse.GetValue(db), loadMode, () => Passwords.Resolve(parse.GetValue(passwordFile)), q, j);
            return loaded != ExitCodes.Ok ? loaded : converted;
        });
        return command;
    }

    private static int RunConfig(string path, LoadMode mode, FileInfo? passwordFile, string? dbOverride, byte[]? pseudonymKey, bool quiet, bool json)
    {
        MlcConfig config;
        try
        {
            config = MlcConfig.Read(path);
        }
        catch (ConvertException e)
        {
            Console.Error.WriteLine("vismooc: error: " + e.Message);
            return ExitCodes.Failed;
        }

        int converted = ExitCodes.Ok;
        if (config.Process)
        {
            Interruption.Listen();
            try
            {
                var options = new ConvertOptions { Input = config.InputFolder, Output = config.OutputFolder, PseudonymKey = pseudonymKey, Cancellation = Interruption.Token };
                var course = config.Course();
                var result = ConvertProgressDisplay.Run(quiet, progress => PackageConverter.Run(options with { Progress = progress }, [course], GeneratedTables.All));
                if (!quiet && !json)
                {
                    Summary.Print(result, Console.Out);
                }

                if (!quiet)
                {
                    Summary.PrintProblems(result, Console.Error);
                }

                Summary.PrintFailedCourses(result, Console.Error);
                converted = result.ExitCode;
            }
            catch (ConvertException e)
            {
                Console.Error.WriteLine("vismooc: error: " + e.Message);
                return ExitCodes.Failed;
            }
            catch (OperationCanceledException) when (Interruption.Requested)
            {
                return ConvertCommand.Interrupted(config.OutputFolder);
            }
        }

        if (!config.Populate)
        {
            return converted;
        }

        try
        {
            string user = config.QueryUser ? Passwords.Prompt("MySQL user", secret: false) : config.User ?? "root";
            string database = config.QueryDatabase ? Passwords.Prompt("MySQL database", secret: false) : config.Database ?? "moocdb";
            string db = dbOverride ?? $"mysql://{Uri.EscapeDataString(user)}@{config.Host}:{config.Port}/{Uri.EscapeDataString(database)}";
            Func<string?> password = () => Passwords.Resolve(passwordFile, () => config.QueryPassword ? Passwords.Prompt("MySQL password", secret: true) : config.Password);
            int loaded = LoadCommand.Run(config.OutputFolder, db, mode, password, quiet, json);
            return loaded != ExitCodes.Ok ? loaded : converted;
        }
        catch (LoadException e)
        {
            Console.Error.WriteLine("vismooc: error: " + e.Message);
            return ExitCodes.Failed;
        }
    }
}
