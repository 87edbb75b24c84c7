using VisMooc.Modules.IO;

namespace VisMooc.Tool.Commands;

/// <summary>Where a database password comes from: a file, the environment, or a prompt; never the command line.</summary>
internal static class Passwords
{
    /// <summary>The environment variable holding the password.</summary>
    public const string Variable = "VISMOOC_DB_PASSWORD";

    /// <summary>The password from <paramref name="file"/> (first line), else the environment, else <paramref name="fallback"/>.</summary>
    public static string? Resolve(FileInfo? file, Func<string?>? fallback = null)
    {
        if (file is not null)
        {
            if (!file.Exists && !Directory.Exists(file.FullName))
            {
                throw new Modules.Load.LoadException($"{file.FullName}: no such password file");
            }

            // Bounded, and never a FIFO or a device (--password-file /dev/zero read without end).
            byte[] bytes = SmallFile.Read(file.FullName, out string? problem) ?? throw new Modules.Load.LoadException($"{file.FullName}: {problem}: give the password file (its first line is the password)");
            using var reader = new StreamReader(new MemoryStream(bytes));
            return reader.ReadLine() ?? "";
        }

        return Environment.GetEnvironmentVariable(Variable) ?? fallback?.Invoke();
    }

    /// <summary>
    /// The password for <paramref name="target"/> asked on the terminal (nothing echoed; Enter for
    /// none) when standard input and standard error are a terminal, else null (no password).
    /// </summary>
    public static string? AskOnTerminal(Modules.Load.LoadTarget target) =>
        Console.IsInputRedirected || Console.IsErrorRedirected
            ? null
            : Prompt($"MySQL password for {target.User}@{target.Endpoint} (Enter for none)", secret: true, $"nothing was loaded; {target} is unchanged");

    /// <summary>
    /// Asks for a line on the terminal; with <paramref name="secret"/> nothing is echoed. Ctrl-C
    /// (or SIGTERM) at the question ends the run with exit code 130 and the line
    /// <c>vismooc: interrupted: <paramref name="unchanged"/></c>.
    /// </summary>
    public static string Prompt(string question, bool secret, string unchanged)
    {
        if (Console.IsInputRedirected)
        {
            throw new Modules.Load.LoadException($"the config asks to prompt for the {question}, but standard input is not a terminal; set {Variable} or use --password-file");
        }

        using var prompting = Interruption.Prompting(unchanged);
        Console.Error.Write(question + ": ");
        if (!secret)
        {
            return Console.ReadLine() ?? "";
        }

        var text = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
