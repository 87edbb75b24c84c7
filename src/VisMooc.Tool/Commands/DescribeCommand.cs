using System.CommandLine;
using VisMooc.Generated;
using VisMooc.Modules.Schema;

namespace VisMooc.Tool.Commands;

/// <summary><c>vismooc describe</c>: the field-to-function map, from the generated maps.</summary>
internal static class DescribeCommand
{
    public static Command Create()
    {
        var table = new Argument<string?>("TABLE") { Description = "Only this table (default: all)", Arity = ArgumentArity.ZeroOrOne };
        var format = Cli.CommonOptions.Choice("--format", "text, or markdown (what docs/mapping.md holds)", "text", "text", "markdown");
        var command = new Command("describe", "Print where each column comes from: edX file, field, conversion.\n\n"
            + "Examples:\n  vismooc describe\n  vismooc describe users\n  vismooc describe --format markdown > docs/mapping.md");
        command.Arguments.Add(table);
        command.Options.Add(format);
        command.SetAction(parse =>
        {
            string? name = parse.GetValue(table);
            var tables = GeneratedTables.All.Select(t => t.Info).Where(t => name is null || t.Name == name).ToList();
            if (tables.Count == 0)
            {
                var names = GeneratedTables.All.Select(t => t.Info.Name).ToList();
                string? near = Cli.Suggestions.Nearest(name!, names);
                Console.Error.WriteLine($"vismooc: describe: no table '{Modules.Load.DbArgument.RedactWord(name!) ?? name}'{(near is null ? "" : $" (did you mean '{near}'?)")}; tables: {string.Join(", ", names)}");
                return ExitCodes.Usage;
            }

            string output = parse.GetValue(format) == "markdown" ? MappingDescriber.Markdown(tables) : MappingDescriber.Text(tables);
            using var stdout = StandardStreams.OpenOutput();
            stdout.Write(System.Text.Encoding.UTF8.GetBytes(output));
            return ExitCodes.Ok;
        });
        return command;
    }
}
