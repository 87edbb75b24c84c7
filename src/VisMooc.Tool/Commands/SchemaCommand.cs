using System.CommandLine;
using VisMooc.Generated;

namespace VisMooc.Tool.Commands;

/// <summary><c>vismooc schema</c>: prints the SQL generated from the table declarations.</summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var quiet = Cli.CommonOptions.Quiet();
        var dialect = Cli.CommonOptions.Choice("--dialect", "mysql: the MOOCdb import script; sqlite: the DDL only", "mysql", "mysql", "sqlite");
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file (only if its bytes change) instead of standard output", HelpName = "FILE" };

        var command = new Command("schema", "Print the SQL generated from the table declarations.\n\nExamples:\n  vismooc schema > import_vismooc_to_moocdb.sql\n  vismooc schema --dialect sqlite");
        command.Options.Add(dialect);
        command.Options.Add(output);
        command.Options.Add(quiet);
        command.SetAction(parse =>
        {
            string sql = Script(parse.GetValue(dialect)!);
            var file = parse.GetValue(output);
            if (file is null)
            {
                var stdout = Console.OpenStandardOutput();
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
    public static string Script(string dialect) => dialect == "sqlite" ? GeneratedTables.SqliteScript : GeneratedTables.MySqlScript;

    private static bool WriteIfChanged(string path, string text)
    {
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(text);
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temp = path + ".tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
        return true;
    }
}
