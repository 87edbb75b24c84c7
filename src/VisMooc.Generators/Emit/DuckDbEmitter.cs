using System.Collections.Generic;
using System.Linq;
using VisMooc.Generators.Model;

namespace VisMooc.Generators.Emit;

/// <summary>
/// The DuckDB DDL of a table (<c>DuckDbCreate</c>) and the registry's <c>DuckDbScript</c>. Pure functions of the spec;
/// kept apart from <see cref="SqlEmitter"/> and <see cref="TableEmitter"/> so the DuckDB dialect is one file.
/// </summary>
internal static class DuckDbEmitter
{
    /// <summary>
    /// The DuckDB type of a column: datetimes are UTC without a zone (<c>TIMESTAMP</c>, microseconds), as in
    /// the other databases; text of any declared size is <c>VARCHAR</c> (DuckDB does not bound its length).
    /// </summary>
    public static string DuckDbType(ColumnSpec column) => column.SqlTypeName switch
    {
        "Datetime" or "DateTime6" => "TIMESTAMP",
        "TinyInt" => "TINYINT",
        "Int" => "INTEGER",
        "BigInt" => "BIGINT",
        "Double" => "DOUBLE",
        _ => "VARCHAR",
    };

    /// <summary>
    /// <c>CREATE TABLE</c> with the primary key, then one <c>CREATE INDEX</c> per indexed column (named
    /// <c>{table}_{column}</c>, as in SQLite). Column names are quoted: some are DuckDB keywords.
    /// </summary>
    public static string DuckDbCreate(TableSpec table)
    {
        var columns = table.Columns.Select(c => $"    \"{c.Name}\" {DuckDbType(c)} {(c.Nullable ? "NULL" : "NOT NULL")},\n");
        var indexes = table.Columns.Where(c => c.Index).Select(c => $"\nCREATE INDEX IF NOT EXISTS {table.TableName}_{c.Name} ON {table.TableName} (\"{c.Name}\");");
        return $"""
            CREATE TABLE IF NOT EXISTS {table.TableName} (
            {string.Concat(columns)}    PRIMARY KEY ("{table.Columns.First(c => c.PrimaryKey).Name}")
            );
            """ + string.Concat(indexes);
    }

    /// <summary>Writes the registry's <c>DuckDbScript</c>: the header, then every table's <c>DuckDbCreate</c> in script order.</summary>
    public static void WriteScript(SourceWriter w, IReadOnlyList<string> typeNames)
    {
        string head = SqlEmitter.Header.Replace(" DB_NAME and MOOCDB_DIR are placeholders for the loader.", " DuckDB variant.");
        w.Block($$"""

            /// <summary>The DuckDB DDL (<c>schema/vismooc_duckdb.sql</c>).</summary>
            public const string DuckDbScript =
                {{Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(head, quote: true)}}
            """);
        for (int i = 0; i < typeNames.Count; i++)
        {
            w.Line($"    + {typeNames[i]}.DuckDbCreate + \"\\n{(i < typeNames.Count - 1 ? "\\n" : "")}\"");
        }

        w.Line("    ;");
    }
}
