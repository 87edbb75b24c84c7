using System.CommandLine;
using System.CommandLine.Parsing;

namespace VisMooc.Tool.Cli;

/// <summary>
/// A wrong command line as at most two lines on standard error: what is wrong (with the nearest
/// command or option when one is close: "did you mean '--out'?"), then where to read more.
/// </summary>
internal static class UsageErrors
{
    /// <summary>True when the command line is wrong: parse errors, or a word like an option that is none.</summary>
    public static bool Any(ParseResult parse) => parse.Errors.Count > 0 || UnknownOption(parse) is not null;

    /// <summary>
    /// The lines to print for a wrong command line (see <see cref="Any"/>). A word of the command
    /// line that may be a database URL (a misspelt <c>--db</c>, a URL given as a folder) is quoted
    /// only redacted, wherever a message quotes it: it may hold a password.
    /// </summary>
    public static IReadOnlyList<string> Describe(ParseResult parse)
    {
        var lines = Lines(parse);
        var secrets = parse.Tokens.Select(t => t.Value).Concat(parse.UnmatchedTokens)
            .SelectMany(v => new[] { v, v.Contains('=', StringComparison.Ordinal) ? v[(v.IndexOf('=', StringComparison.Ordinal) + 1)..] : v, v.Split('=')[0] })
            .Select(v => (Word: v, Shown: Modules.Load.DbArgument.RedactWord(v)))
            .Where(v => v.Shown is not null && v.Word.Length > 0)
            .DistinctBy(v => v.Word, StringComparer.Ordinal)
            .OrderByDescending(v => v.Word.Length)
            .ToList();
        return secrets.Count == 0 ? lines : lines.Select(line => secrets.Aggregate(line, (l, v) => l.Replace(v.Word, v.Shown, StringComparison.Ordinal))).ToList();
    }

    private static IReadOnlyList<string> Lines(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        bool root = command is RootCommand;
        string where = root ? "vismooc: " : $"vismooc: {command.Name}: ";
        string hint = root ? "Try 'vismooc --help' for the list of commands." : $"Try 'vismooc {command.Name} --help'.";

        // A command line starts with its command: a word there that is none is the first mistake.
        if (root && parse.UnmatchedTokens.FirstOrDefault(t => !t.StartsWith('-')) is string word)
        {
            string? near = Suggestions.Nearest(word, command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
            return [where + $"unknown command '{word}'" + DidYouMean(near), hint];
        }

        // Then an unknown option: System.CommandLine takes one as the value of a free argument (INPUT).
        if (UnknownOption(parse) is string unknown)
        {
            string? option = Suggestions.Nearest(unknown, OptionNames(parse.CommandResult));
            return [where + $"unknown option '{unknown}'" + DidYouMean(option), hint];
        }

        // The first word that matched nothing is the mistake; the words after it are usually its value.
        if (parse.UnmatchedTokens.Count > 0)
        {
            string token = parse.UnmatchedTokens[0];

            return [where + $"unexpected argument '{token}'", hint];
        }

        var lines = new List<string>();
        foreach (var error in parse.Errors)
        {
            string line = where + Message(error);
            if (!lines.Contains(line))
            {
                lines.Add(line);
            }
        }

        lines.Add(hint);
        return lines;
    }

    /// <summary>
    /// The first word that looks like an option (<c>-x</c>, <c>--name</c>, <c>--name=value</c>)
    /// but is none of the command's and is not the value of the option before it; a negative
    /// number and anything after <c>--</c> are values.
    /// </summary>
    private static string? UnknownOption(ParseResult parse)
    {
        var known = new HashSet<string>(OptionNames(parse.CommandResult), StringComparer.Ordinal);
        var tokens = parse.Tokens;
        for (int i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Type == TokenType.DoubleDash)
            {
                return null;
            }

            string name = token.Value.Split('=')[0];
            if (token.Type != TokenType.Argument || name.Length < 2 || name[0] != '-' || char.IsAsciiDigit(name[1]) || known.Contains(name))
            {
                continue;
            }

            if (i > 0 && tokens[i - 1].Type == TokenType.Option && TakesValue(parse.CommandResult.Command, tokens[i - 1].Value))
            {
                continue;
            }

            return name;
        }

        return null;
    }

    // Options of a command whose next word is their value (flags take none).
    private static bool TakesValue(Command command, string name) =>
        command.Options.FirstOrDefault(o => o.Name == name || o.Aliases.Contains(name)) is { } option && option.ValueType != typeof(bool) && option.Arity.MaximumNumberOfValues > 0;

    private static string DidYouMean(string? nearest) => nearest is null ? "" : $" (did you mean '{nearest}'?)";

    private static string Message(ParseError error) => error.SymbolResult switch
    {
        ArgumentResult a when a.Tokens.Count == 0 => $"{a.Argument.Name} is missing ({FirstLine(a.Argument.Description)})",
        OptionResult { IdentifierToken: null } o => $"{o.Option.Name} is required",
        OptionResult o when o.Tokens.Count == 0 && o.Option.Arity.MinimumNumberOfValues > 0 => $"{o.Option.Name} needs a value",
        _ => string.Join(' ', error.Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)),
    };

    private static string FirstLine(string? text) => text is null ? "" : char.ToLowerInvariant(text[0]) + text.Split('\n')[0][1..];

    /// <summary>Every name and alias of the options a user may give to the command (its own and its parents' recursive ones such as --help; hidden ones excepted).</summary>
    /// <remarks>A list built by loops: every command line is checked with it, so it is compiled on every run.</remarks>
    private static List<string> OptionNames(CommandResult result)
    {
        var options = new List<Option>(result.Command.Options);
        for (var parent = result.Parent as CommandResult; parent is not null; parent = parent.Parent as CommandResult)
        {
            foreach (var option in parent.Command.Options)
            {
                if (option.Recursive)
                {
                    options.Add(option);
                }
            }
        }

        var names = new List<string>();
        foreach (var option in options)
        {
            if (option.Hidden)
            {
                continue;
            }

            names.Add(option.Name);
            foreach (string alias in option.Aliases)
            {
                names.Add(alias);
            }
        }

        return names;
    }
}
