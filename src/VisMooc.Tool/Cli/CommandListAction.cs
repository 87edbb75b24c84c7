using System.CommandLine;
using System.CommandLine.Invocation;

namespace VisMooc.Tool.Cli;

/// <summary><c>vismooc --help</c> prints the short <see cref="CommandList"/>; <c>vismooc COMMAND --help</c> the command's full help.</summary>
internal sealed class CommandListAction(RootCommand root, CommandLineAction commandHelp) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        if (parseResult.CommandResult.Command is RootCommand)
        {
            CommandList.Write(root, Console.Out);
            return ExitCodes.Ok;
        }

        return ((SynchronousCommandLineAction)commandHelp).Invoke(parseResult);
    }
}
