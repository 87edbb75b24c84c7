using System.CommandLine;
using System.Globalization;
using VisMooc.Generated;
using VisMooc.Modules.Load;

namespace VisMooc.Tool.Commands;

/// <summary><c>vismooc load</c>: the CSV tables into SQLite (default) or MySQL/MariaDB.</summary>
internal static class LoadCommand
{
    public static Option<string?> DbOption() => new("--db")
    {
        Description = "sqlite:PATH (default: sqlite:CSV_FOLDER/moocdb.sqlite) or mysql://USER@HOST[:PORT]/DATABASE; the password comes from "
            + Passwords.Variable + " or --password-file, never from the command line",
    };

    public static Option<string> ModeOption()
    {
        var mode = new Option<string>("--mode")
        {
            Description = "ignore (default): rows whose _id is already in a table are kept; replace: they are replaced by the new rows",
            DefaultValueFactory = _ => "ignore",
        };
        mode.AcceptOnlyFromAmong("ignore", "replace");
        return mode;
    }

    public static Option<FileInfo?> PasswordFileOption() => new("--password-file") { Description = "Read the MySQL password from the first line of this file" };

    public static Command Create(Option<bool> quiet, Option<bool> json)
    {
        var folder = new Argument<DirectoryInfo>("CSV_FOLDER") { Description = "A folder written by 'vismooc convert'" };
        var db = DbOption();
        var mode = ModeOption();
        var passwordFile = PasswordFileOption();
        var command = new Command("load", "Load the CSV tables of a conversion into a database, all or nothing.\n\n"
            + "Examples:\n  vismooc load csv                       (into csv/moocdb.sqlite)\n"
            + "  VISMOOC_DB_PASSWORD=… vismooc load csv --db mysql://moocdb@localhost/moocdb --mode replace\n\n"
            + "Progress goes to standard error: a bar per table on a terminal, a line every 2 s otherwise, nothing with --quiet.\n\n"
            + "Exit codes: 0 loaded, 1 failed (the database is unchanged), 2 usage error, 130 interrupted by Ctrl-C or SIGTERM (the database is unchanged).");
        command.Arguments.Add(folder);
        command.Options.Add(db);
        command.Options.Add(mode);
        command.Options.Add(passwordFile);
        command.SetAction(parse =>
        {
            string csv = parse.GetValue(folder)!.FullName;
            return Run(csv, parse.GetValue(db), parse.GetValue(mode) == "replace" ? LoadMode.Replace : LoadMode.Ignore,
                () => Passwords.Resolve(parse.GetValue(passwordFile)), parse.GetValue(quiet), parse.GetValue(json));
        });
        return command;
    }

    public static int Run(string csvFolder, string? db, LoadMode mode, Func<string?> password, bool quiet, bool json)
    {
        LoadTarget target;
        try
        {
            target = LoadTarget.Resolve(db, csvFolder);
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine("vismooc: --db: " + e.Message);
            return ExitCodes.Usage;
        }

        try
        {
            using var folderLock = CsvFolderLock.Acquire(csvFolder);

            // Ask for the password before the progress display takes the terminal (and before
            // Ctrl-C is caught: at the prompt it ends the process as usual).
            string? secret = target.IsMySql ? password() ?? "" : null;
            Interruption.Listen();
            Interruption.Token.ThrowIfCancellationRequested(); // a run interrupted while it renamed: its load does not start
            Action<string>? notice = quiet ? null : message => Console.Error.WriteLine("vismooc: " + message);
            var result = ConvertProgressDisplay.Run(quiet, progress => target.IsMySql
                ? MySqlLoader.Load(csvFolder, target, secret!, mode, GeneratedTables.All, progress, notice, cancellation: Interruption.Token)
                : SqliteLoader.Load(csvFolder, target.SqlitePath, mode, GeneratedTables.All, progress, notice, cancellation: Interruption.Token));
            Print(result, mode, quiet, json);
            return ExitCodes.Ok;
        }
        catch (Exception e) when (Interruption.Requested && e is OperationCanceledException or LoadException)
        {
            // A statement the server cancelled can come back as its own error: the signal is the cause either way.
            return Interruption.Report($"nothing was loaded; {target} is unchanged");
        }
        catch (LoadException e)
        {
            Console.Error.WriteLine("vismooc: error: " + e.Message);
            if (Program.Verbose && e.InnerException is not null)
            {
                Console.Error.WriteLine(e.InnerException);
            }

            return ExitCodes.Failed;
        }
    }

    private static void Print(LoadResult result, LoadMode mode, bool quiet, bool json)
    {
        if (json)
        {
            using var stdout = Console.OpenStandardOutput();
            using var w = new System.Text.Json.Utf8JsonWriter(stdout, new System.Text.Json.JsonWriterOptions { Indented = true });
            w.WriteStartObject();
            w.WriteString("target", result.Target.ToString());
            w.WriteString("mode", mode == LoadMode.Ignore ? "ignore" : "replace");
            w.WriteNumber("elapsedSeconds", Math.Round(result.Elapsed.TotalSeconds, 3));
            w.WriteStartArray("tables");
            foreach (var t in result.Tables)
            {
                w.WriteStartObject();
                w.WriteString("table", t.Table);
                w.WriteNumber("rows", t.Rows);
                w.WriteNumber("inserted", t.Inserted);
                w.WriteNumber("replaced", t.Replaced);
                w.WriteNumber("kept", t.Kept);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.Flush();
            stdout.WriteByte((byte)'\n');
            return;
        }

        if (quiet)
        {
            return;
        }

        Console.Out.WriteLine($"{"table",-13}{"rows",10}{"inserted",10}{"replaced",10}{"kept",10}");
        foreach (var t in result.Tables)
        {
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t.Table,-13}{t.Rows,10}{t.Inserted,10}{t.Replaced,10}{t.Kept,10}"));
        }

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"loaded into {result.Target} in {result.Elapsed.TotalSeconds:0.00} s"));
    }
}
