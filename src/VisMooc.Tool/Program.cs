using System.CommandLine;
using VisMooc.Tool.Commands;

namespace VisMooc.Tool;

/// <summary>Entry point of the <c>vismooc</c> command.</summary>
public static class Program
{
    /// <summary>Whether <c>--verbose</c> was given: errors then include their cause and stack trace.</summary>
    public static bool Verbose { get; private set; }

    /// <summary>Runs the command line and returns the exit code.</summary>
    public static int Main(string[] args)
    {
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing but errors", Recursive = true };
        var root = new RootCommand("VisMooc: converts edX research data packages into MOOCdb's vismooc_extensions tables.\n\n" + ExitCodes.Help);
        var json = new Option<bool>("--json") { Description = "Print a machine-readable summary (the report) on standard output", Recursive = true };
        var verbose = new Option<bool>("--verbose") { Description = "On errors, also print their cause and stack trace", Recursive = true };
        root.Options.Add(quiet);
        root.Options.Add(json);
        root.Options.Add(verbose);
        root.Subcommands.Add(ConvertCommand.Create(quiet, json));
        root.Subcommands.Add(LoadCommand.Create(quiet, json));
        root.Subcommands.Add(RunCommand.Create(quiet, json));
        root.Subcommands.Add(SchemaCommand.Create(quiet));
        root.Subcommands.Add(DescribeCommand.Create());
        root.Subcommands.Add(SynthCommand.Create(quiet, json));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine("vismooc: " + error.Message);
            }

            Console.Error.WriteLine("Try 'vismooc --help'.");
            return ExitCodes.Usage;
        }

        Verbose = parse.GetValue(verbose);
        return parse.Invoke();
    }
}
