using System.CommandLine;
using VisMooc.Generated;
using VisMooc.Modules.IO;

namespace VisMooc.Tool.Commands;

/// <summary><c>vismooc schema</c>: prints the SQL generated from the table declarations.</summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var quiet = Cli.CommonOptions.Quiet();
        var dialect = Cli.CommonOptions.Choice("--dialect", "mysql: the MOOCdb import script; sqlite, duckdb: the DDL only", "mysql", "mysql", "sqlite", "duckdb");
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file (only if its bytes change) instead of standard output", HelpName = "FILE" };

        var command = new Command("schema", "Print the SQL generated from the table declarations.\n\nExamples:\n  vismooc schema > import_vismooc_to_moocdb.sql\n  vismooc schema --dialect sqlite\n  vismooc schema --dialect duckdb");
        command.Options.Add(dialect);
        command.Options.Add(output);
        command.Options.Add(quiet);
        command.SetAction(parse =>
        {
            string sql = Script(parse.GetValue(dialect)!);
            var file = parse.GetValue(output);
            if (file is null)
            {
                var stdout = StandardStreams.OpenOutput();
                stdout.Write(System.Text.Encoding.UTF8.GetBytes(sql));
                stdout.Flush();
                return ExitCodes.Ok;
            }

            bool changed = WriteIfChanged(file.FullName, sql);
            if (!parse.GetValue(quiet))
            {
                Console.Error.WriteLine(changed ? $"wrote {file.FullName}" : $"{file.FullName} is up to date");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The script for a dialect name.</summary>
    public static string Script(string dialect) => dialect switch
    {
        "sqlite" => GeneratedTables.SqliteScript,
        "duckdb" => GeneratedTables.DuckDbScript,
        _ => GeneratedTables.MySqlScript,
    };

    /// <summary>
    /// Writes <paramref name="path"/> when its bytes differ. Only a regular file is read or replaced
    /// (a FIFO would block, <c>/dev/full</c> never ends, a folder or a symbolic link is not the
    /// file meant); the new bytes go to a file this run creates (<c>O_EXCL</c>, a random name), so
    /// no link or leftover at any other name is written through, and it is renamed into place.
    /// </summary>
    /// <exception cref="IOException">The path is not a regular file, or it cannot be written (the message says which).</exception>
    private static bool WriteIfChanged(string path, string text)
    {
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(text);
        if (new FileInfo(path).LinkTarget is string target)
        {
            throw new IOException($"{path}: is a symbolic link (to {target}); vismooc schema never writes through a link: give --out the file itself");
        }

        if (FileType.NotRegular(path) is string what)
        {
            throw new IOException($"{path}: is {what}, not a regular file; --out takes the name of a file to write (or leave it out to print the SQL)");
        }

        var existing = new FileInfo(path);
        if (existing.Exists && existing.Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
        {
            return false;
        }

        string folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        string temp = Path.Combine(folder, "." + Path.GetFileName(path) + ".vismooc-partial-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                file.Write(bytes);
                file.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
            return true;
        }
        finally
        {
            File.Delete(temp); // nothing when the rename took it
        }
    }
}
