using System.CommandLine;

namespace VisMooc.Tool.Cli;

/// <summary>
/// The top-level help: one line per command (its usage and the first line of its description),
/// then where to read more. Each command's own <c>--help</c> has its options and examples.
/// </summary>
internal static class CommandList
{
    public static void Write(RootCommand root, TextWriter output)
    {
        var rows = root.Subcommands.Where(c => !c.Hidden).Select(c => (Usage: Usage(c), Summary: FirstLine(c.Description))).ToList();
        int width = rows.Max(r => r.Usage.Length) + 2;
        output.WriteLine(FirstLine(root.Description));
        output.WriteLine();
        output.WriteLine("Usage: vismooc COMMAND [options]");
        output.WriteLine();
        output.WriteLine("Commands:");
        foreach (var (usage, summary) in rows)
        {
            output.WriteLine("  " + usage.PadRight(width) + summary);
        }

        output.WriteLine();
        output.WriteLine("Run 'vismooc COMMAND --help' for a command's options and examples.");
        foreach (string line in Wrap(ExitCodes.Help, 80))
        {
            output.WriteLine(line);
        }
    }

    /// <summary><c>describe [TABLE]</c>: the command and its arguments, optional ones in brackets.</summary>
    public static string Usage(Command command) =>
        string.Join(' ', command.Arguments.Where(a => !a.Hidden).Select(a => a.Arity.MinimumNumberOfValues == 0 ? $"[{a.Name}]" : a.Name).Prepend(command.Name));

    // Words to lines of at most width characters; continuation lines are indented.
    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        string line = "";
        foreach (string word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line);
                line = "  " + word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }

        lines.Add(line);
        return lines;
    }

    private static string FirstLine(string? text) => text?.Split('\n')[0] ?? "";
}
