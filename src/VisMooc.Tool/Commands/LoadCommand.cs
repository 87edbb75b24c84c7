using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using VisMooc.Generated;
using VisMooc.Modules.Load;
using VisMooc.Tool.Cli;
using VisMooc.Tool.Progress;

namespace VisMooc.Tool.Commands;

/// <summary><c>vismooc load</c>: the CSV tables into SQLite (default), MySQL/MariaDB or DuckDB, or a Parquet dataset into DuckDB.</summary>
internal static class LoadCommand
{
    public static Option<string?> DbOption() => new("--db")
    {
        Description = "sqlite:PATH (default: sqlite:CSV_FOLDER/moocdb.sqlite), duckdb:PATH or mysql://USER@HOST[:PORT]/DATABASE; the password comes from "
            + Passwords.Variable + " or --password-file (else it is asked on a terminal), never from the command line",
        HelpName = "TARGET",
    };

    public static Option<string> ModeOption() => CommonOptions.Choice(
        "--mode",
        "ignore: rows whose _id is already in a table are kept; replace: they are replaced by the new rows",
        "ignore",
        "ignore",
        "replace");

    public static Option<FileInfo?> PasswordFileOption() => new("--password-file") { Description = "Read the MySQL password from the first line of this file", HelpName = "FILE" };

    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("CSV_FOLDER") { Description = "A folder written by 'vismooc convert' (with --format parquet: a dataset folder, which only duckdb: loads)" };
        var db = DbOption();
        var mode = ModeOption();
        var passwordFile = PasswordFileOption();
        var quiet = CommonOptions.Quiet();
        var json = CommonOptions.Json("the target and the per-table counts");
        var verbose = CommonOptions.Verbose();
        var command = new Command("load", "Load converted tables into a database, all or nothing.\n\n"
            + "A CSV folder into SQLite (default: CSV_FOLDER/moocdb.sqlite), MySQL/MariaDB or DuckDB (--db); a Parquet dataset folder (convert --format parquet) into DuckDB.\n\n"
            + "Examples:\n  vismooc load csv                       (into csv/moocdb.sqlite)\n"
            + "  VISMOOC_DB_PASSWORD=… vismooc load csv --db mysql://moocdb@localhost/moocdb --mode replace\n"
            + "  vismooc load ds --db duckdb:moocdb.duckdb   (a CSV folder or a Parquet dataset)\n\n"
            + "Progress goes to standard error: on a terminal one bar per table, cleared at the end; otherwise a line every 2 s; nothing with --quiet.\n\n"
            + "Exit codes: 0 loaded, 1 failed (the database is unchanged), 2 usage error, 130 interrupted by Ctrl-C or SIGTERM (the database is unchanged).");
        command.Arguments.Add(folder);
        command.Options.Add(db);
        command.Options.Add(mode);
        command.Options.Add(passwordFile);
        command.Options.Add(quiet);
        command.Options.Add(json);
        command.Options.Add(verbose);
        command.SetAction(parse =>
        {
            string csv = parse.GetValue(folder)!.FullName;
            var target = Target(parse.GetValue(db), csv);
            if (target is null)
            {
                return ExitCodes.Usage;
            }

            bool q = parse.GetValue(quiet), j = parse.GetValue(json);
            var load = Load(csv, target, Mode(parse.GetValue(mode)), () => Passwords.Resolve(parse.GetValue(passwordFile), () => Passwords.AskOnTerminal(target)), q, parse.GetValue(verbose));
            if (j)
            {
                WriteJson(load);
            }
            else if (!q && load.Result is not null)
            {
                PrintSummary(load.Result);
            }

            return load.Interrupted ? ExitCodes.Interrupted : load.Result is null ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    public static LoadMode Mode(string? word) => word == "replace" ? LoadMode.Replace : LoadMode.Ignore;

    /// <summary>The target <paramref name="db"/> names (default: <c>CSV_FOLDER/moocdb.sqlite</c>), or null after printing why it is not one.</summary>
    public static LoadTarget? Target(string? db, string csvFolder)
    {
        try
        {
            return LoadTarget.Resolve(db, csvFolder);
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine("vismooc: --db: " + e.Message);
            return null;
        }
    }

    /// <summary>Loads under the progress display; on failure prints the one-line error (with its cause when verbose).</summary>
    public static LoadAttempt Load(string csvFolder, LoadTarget target, LoadMode mode, Func<string?> password, bool quiet, bool verbose)
    {
        try
        {
            using var folderLock = CsvFolderLock.Acquire(csvFolder);

            // Ask for the password before the progress display takes the terminal (Ctrl-C at the
            // question ends the run with the interruption line, see Passwords.Prompt).
            string? secret = target.IsMySql ? password() ?? "" : null;
            Interruption.Listen();
            Interruption.Token.ThrowIfCancellationRequested(); // a run interrupted while it renamed: its load does not start
            Action<string>? notice = quiet ? null : message => Console.Error.WriteLine("vismooc: " + message);
            var result = ProgressDisplay.Run(quiet, "loading into " + target, progress => target.IsMySql
                ? MySqlLoader.Load(csvFolder, target, secret!, mode, GeneratedTables.All, progress, notice, cancellation: Interruption.Token)
                : target.IsDuckDb ? DuckDbLoader.Load(csvFolder, target.SqlitePath, mode, GeneratedTables.All, progress, notice, cancellation: Interruption.Token)
                : SqliteLoader.Load(csvFolder, target.SqlitePath, mode, GeneratedTables.All, progress, notice, cancellation: Interruption.Token));
            return new LoadAttempt(csvFolder, target, mode, result, null);
        }
        catch (Exception e) when (Interruption.Requested && e is OperationCanceledException or LoadException)
        {
            // A statement the server cancelled can come back as its own error: the signal is the cause either way.
            string what = $"nothing was loaded; {target} is unchanged";
            Interruption.Report(what);
            return new LoadAttempt(csvFolder, target, mode, null, "interrupted: " + what) { Interrupted = true };
        }
        catch (LoadException e)
        {
            Console.Error.WriteLine("vismooc: error: " + e.Message);
            if (verbose && e.InnerException is not null)
            {
                Console.Error.WriteLine(e.InnerException);
            }

            return new LoadAttempt(csvFolder, target, mode, null, e.Message);
        }
    }

    /// <summary>
    /// The load as <c>load --json</c> prints it (and <c>run --json</c> holds it under <c>load</c>,
    /// with <paramref name="resume"/>, the command that completes a failed run).
    /// </summary>
    public static void WriteJson(Utf8JsonWriter w, LoadAttempt load, string? resume = null)
    {
        w.WriteStartObject();
        w.WriteString("target", load.Target.ToString());
        w.WriteString("mode", load.Mode == LoadMode.Ignore ? "ignore" : "replace");
        if (load.Result is null)
        {
            w.WriteString("error", load.Error);
            if (resume is not null)
            {
                w.WriteString("resume", resume);
            }
        }
        else
        {
            w.WriteNumber("elapsedSeconds", Math.Round(load.Result.Elapsed.TotalSeconds, 3));
            w.WriteStartArray("tables");
            foreach (var t in load.Result.Tables)
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
        }

        w.WriteEndObject();
    }

    /// <summary>The JSON writer every <c>--json</c> document is written with.</summary>
    public static Utf8JsonWriter JsonWriter(Stream stream) =>
        new(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public static void PrintSummary(LoadResult result)
    {
        Console.Out.WriteLine($"{"table",-13}{"rows",10}{"inserted",10}{"replaced",10}{"kept",10}");
        foreach (var t in result.Tables)
        {
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t.Table,-13}{t.Rows,10}{t.Inserted,10}{t.Replaced,10}{t.Kept,10}"));
        }

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"loaded into {result.Target} in {result.Elapsed.TotalSeconds:0.00} s"));
    }

    private static void WriteJson(LoadAttempt load)
    {
        using var stdout = StandardStreams.OpenOutput();
        using (var w = JsonWriter(stdout))
        {
            WriteJson(w, load);
        }

        stdout.WriteByte((byte)'\n');
    }
}
