using System.CommandLine;
using VisMooc.Tool.Commands;

namespace VisMooc.Tool;

/// <summary>Entry point of the <c>vismooc</c> command.</summary>
public static class Program
{
    /// <summary>Whether <c>--verbose</c> was given: errors then include their cause and stack trace.</summary>
    public static bool Verbose { get; private set; }

    /// <summary>The commands, which name their JIT profiles (see <see cref="StartJitProfile"/>).</summary>
    private static readonly string[] s_commands = ["convert", "load", "run", "schema", "describe", "synth"];

    /// <summary>Runs the command line and returns the exit code.</summary>
    public static int Main(string[] args)
    {
        StartJitProfile(args);
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

    /// <summary>
    /// Start-up compiles about 600 methods at full optimisation (tiered compilation is off, see
    /// the project file), one after another on the main thread while the other cores wait: about
    /// 0.1 s of every conversion. The runtime's multi-core JIT records which methods a command
    /// compiles and, in later runs, compiles them ahead on another core. The profile (method
    /// identities, no data) is kept per command in the user's local application data folder
    /// (<c>~/.local/share/vismooc</c> on Linux); a profile of another build is ignored, and when
    /// the folder cannot be written the run simply goes without.
    /// </summary>
    private static void StartJitProfile(string[] args)
    {
        if (args.Length == 0 || Array.IndexOf(s_commands, args[0]) < 0)
        {
            return;
        }

        try
        {
            string folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "vismooc");
            Directory.CreateDirectory(folder);
            System.Runtime.ProfileOptimization.SetProfileRoot(folder);
            System.Runtime.ProfileOptimization.StartProfile("jit-" + args[0] + ".profile");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
        }
    }
}
