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
            if (!file.Exists)
            {
                throw new Modules.Load.LoadException($"{file.FullName}: no such password file");
            }

            // Bounded, and never a FIFO or a device (--password-file /dev/zero read without end).
            byte[] bytes = Modules.Convert.SmallFile.Read(file.FullName, out string? problem) ?? throw new Modules.Load.LoadException($"{file.FullName}: {problem}: give the password file (its first line is the password)");
            using var reader = new StreamReader(new MemoryStream(bytes));
            return reader.ReadLine() ?? "";
        }

        return Environment.GetEnvironmentVariable(Variable) ?? fallback?.Invoke();
    }

    /// <summary>Asks for a line on the terminal; with <paramref name="secret"/> nothing is echoed.</summary>
    public static string Prompt(string question, bool secret)
    {
        if (Console.IsInputRedirected)
        {
            throw new Modules.Load.LoadException($"the config asks to prompt for the {question}, but standard input is not a terminal; set {Variable} or use --password-file");
        }

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
