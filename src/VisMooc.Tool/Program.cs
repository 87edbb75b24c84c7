using System.CommandLine;
using System.CommandLine.Help;
using VisMooc.Tool.Cli;
using VisMooc.Tool.Commands;

namespace VisMooc.Tool;

/// <summary>Entry point of the <c>vismooc</c> command.</summary>
public static class Program
{
    /// <summary>The commands in the order the list of commands shows them; they name their JIT profiles (see <see cref="StartJitProfile"/>).</summary>
    private static readonly string[] s_commands = ["run", "convert", "load", "schema", "describe", "synth"];

    /// <summary>Exceptions reach <see cref="Main"/>, which reports them in one line (System.CommandLine's own handler prints a stack trace).</summary>
    private static readonly InvocationConfiguration s_invocation = new() { EnableDefaultExceptionHandler = false };

    /// <summary>
    /// Runs the command line and returns the exit code. Whatever a command does, a file or folder
    /// that cannot be read or written ends it with one line on standard error (exit code 1), never a
    /// stack trace (a reader of standard output that went away, <c>vismooc describe | head -1</c>, is
    /// no error: .NET drops what is written to a broken pipe).
    /// </summary>
    public static int Main(string[] args)
    {
        StandardStreams.Install();
        try
        {
            return Run(args);
        }
        catch (StandardOutputException e)
        {
            Console.Error.WriteLine("vismooc: error: cannot write to standard output: " + OneLine(e.Message));
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("vismooc: error: " + OneLine(e.Message));
            return ExitCodes.Failed;
        }
    }

    /// <summary>A system message as one line.</summary>
    internal static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static int Run(string[] args)
    {
        StartJitProfile(args);
        var root = CreateRoot(args.Length > 0 ? args[0] : null);
        var parse = root.Parse(args);
        if (args.Length == 0)
        {
            // No command at all: the list of commands is what such a user needs, on standard error (a usage error).
            CommandList.Write(root, Console.Error);
            return ExitCodes.Usage;
        }

        // --help wins over any mistake beside it (System.CommandLine reports none then).
        if (parse.Action is HelpAction or CommandListAction)
        {
            return parse.Invoke(s_invocation);
        }

        if (UsageErrors.Any(parse))
        {
            foreach (var line in UsageErrors.Describe(parse))
            {
                Console.Error.WriteLine(line);
            }

            return ExitCodes.Usage;
        }

        return parse.Invoke(s_invocation);
    }

    /// <summary>
    /// The command tree: each command declares the options it honours, no option is inherited. When
    /// the command line starts with a command's name (<paramref name="first"/>), only that command is
    /// built: the parse of its words, its help and its errors never look at the others, and building
    /// the others' options (every one compiled at start-up) would be all cost. Otherwise (no command,
    /// <c>--help</c>, a misspelt command) all are, for the list of commands and "did you mean".
    /// </summary>
    internal static RootCommand CreateRoot(string? first = null)
    {
        var root = new RootCommand("vismooc: edX research data packages into MOOCdb's vismooc_extensions tables.");
        bool all = first is null || Array.IndexOf(s_commands, first) < 0;
        foreach (string name in s_commands)
        {
            if (all || name == first)
            {
                root.Subcommands.Add(Create(name));
            }
        }

        // The top-level help is the short list of commands; each command's own help stays System.CommandLine's.
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new CommandListAction(root, help.Action!);
        return root;
    }

    private static Command Create(string name) => name switch
    {
        "run" => RunCommand.Create(),
        "convert" => ConvertCommand.Create(),
        "load" => LoadCommand.Create(),
        "schema" => SchemaCommand.Create(),
        "describe" => DescribeCommand.Create(),
        _ => SynthCommand.Create(),
    };

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
