using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using VisMooc.Generators.Model;

namespace VisMooc.Generators.Emit;

/// <summary>
/// Emits a table's C# (its SQL constants, its map as data and its row writer) and the <c>GeneratedTables</c> registry.
/// Knows nothing of Roslyn symbols, so tests can drive it with hand-built specs.
/// </summary>
internal static class TableEmitter
{
    private const string Schema = "global::VisMooc.Modules.Schema";
    private const string Dialect = "global::VisMooc.Modules.Output.MySqlCsvDialect";

    public static string HintName(TableSpec table) =>
        (table.Namespace.Length > 0 ? table.Namespace + "." : "") + table.ClassName + ".g.cs";

    public static string EmitTable(TableSpec table)
    {
        var fields = SqlEmitter.DistinctSourceFields(table).ToList();
        string keyColumn = IndexOfPrimaryKey(table).ToString(CultureInfo.InvariantCulture);
        var w = SourceWriter.File(table.Namespace);
        w.Line($"/// <summary>Generated from the declaration of table <c>{table.TableName}</c>.</summary>");
        w.Open($"partial class {table.ClassName} : {Schema}.IVisMoocTable");
        w.Block($$"""
            /// <summary>The SQL table name.</summary>
            public const string TableName = {{Literal(table.TableName)}};

            /// <summary>MySQL/MariaDB <c>CREATE TABLE</c>.</summary>
            public const string MySqlCreate =
            {{Concatenation(SqlEmitter.MySqlCreate(table), ";")}}

            /// <summary>MySQL/MariaDB <c>LOAD DATA</c> of <c>MOOCDB_DIR/{{table.TableName}}.csv</c>, in the writers' dialect.</summary>
            public const string MySqlLoad =
            {{Concatenation(SqlEmitter.MySqlLoadHead(table), "")}}
                + {{Dialect}}.CharacterSetClause + "\n"
                + {{Dialect}}.FieldsClause + "\n"
                + {{Dialect}}.LinesClause + ";";

            /// <summary>The same load as settings for the loader: columns in file order and the dialect.</summary>
            public static {{Schema}}.MySqlLoadDescription MySqlBulkLoad { get; } = new(
                TableName,
                {{StringArray(table.Columns.Select(c => c.Name))}},
                {{Dialect}}.CharacterSet,
                {{Dialect}}.FieldTerminator,
                {{Dialect}}.Encloser,
                {{Dialect}}.Escape,
                {{Dialect}}.LineTerminator,
                {{Dialect}}.NullToken);

            /// <summary>SQLite <c>CREATE TABLE</c>.</summary>
            public const string SqliteCreate =
            {{Concatenation(SqlEmitter.SqliteCreate(table), ";")}}

            /// <summary>SQLite insert of one row (<c>$p0</c>… in column order) that keeps an existing key's row.</summary>
            public const string SqliteInsert = {{Literal(SqlEmitter.SqliteInsert(table))}};

            /// <summary>SQLite insert of one row that replaces an existing key's other columns.</summary>
            public const string SqliteUpsert = {{Literal(SqlEmitter.SqliteUpsert(table))}};

            /// <summary>DuckDB <c>CREATE TABLE</c> and its indexes.</summary>
            public const string DuckDbCreate =
            {{Concatenation(DuckDbEmitter.DuckDbCreate(table), ";")}}

            /// <summary>The field-to-function map as data.</summary>
            {{Generated.Attribute}}
            public static {{Schema}}.TableInfo Info { get; } = new(
                TableName,
                {{table.InputType}}.Descriptor,
                {{Schema}}.InputRecords.{{table.Records}},
                {{(table.JoinType.Length > 0 ? table.JoinType + ".Descriptor" : "null")}},
                {{Literal(table.JoinOn)}},
                {{table.Order.ToString(CultureInfo.InvariantCulture)}},
                new {{Schema}}.ColumnInfo[]
                {
            {{string.Join("\n", table.Columns.Select(ColumnInfo))}}
                },
                {{StringArray(fields)}},
                new int[] { {{string.Join(", ", table.KeyFields.Select(k => fields.IndexOf(k).ToString(CultureInfo.InvariantCulture)))}} },
                {{keyColumn}},
                MySqlCreate,
                MySqlLoad,
                MySqlBulkLoad,
                SqliteCreate,
                SqliteInsert,
                SqliteUpsert,
                DuckDbCreate);

            /// <summary>The field-to-function map as code: one CSV row from a bound source record.</summary>
            {{Generated.Attribute}}
            """);
        w.Open($"public static void WriteRow({Schema}.IRowSource row, global::VisMooc.Modules.Output.CellWriter writer)");
        w.Line($"writer.BeginRow({keyColumn});");
        // A field whose value is not wanted (a column not checked while a row is only checked) is not converted.
        for (int i = 0; i < table.Columns.Count; i++)
        {
            var c = table.Columns[i];
            string index = i.ToString(CultureInfo.InvariantCulture);
            string from = c.From.Count == 0 ? "(no field)" : string.Join(" + ", c.From);
            string args = string.Concat(c.From.Select(f => ", row.Get(" + fields.IndexOf(f).ToString(CultureInfo.InvariantCulture) + ")"));
            w.Block($$"""

                // {{c.Name}} <- {{from}} via {{c.ConversionMethod}}
                if (writer.BeginField({{index}}, {{Literal(c.Name)}}, {{Schema}}.SqlType.{{c.SqlTypeName}}, {{Size(c)}}, {{Bool(c.Nullable)}}))
                {
                    {{c.ConversionType}}.{{c.ConversionMethod}}(writer{{args}});
                }

                writer.EndField();
                """);
        }

        w.Line();
        w.Line("writer.EndRow();");
        w.Close();
        EmitCheckRow(w, table, fields);
        w.Close();
        return w.ToString();
    }

    /// <summary>
    /// <c>CheckRow</c>: the checks of <c>WriteRow</c> for the writer's checked columns alone, writing nothing
    /// (the users job checks each profile this way when it reads it). A column not checked costs one bit test:
    /// no field is begun, no separator written, no conversion run.
    /// </summary>
    private static void EmitCheckRow(SourceWriter w, TableSpec table, List<string> fields)
    {
        w.Block($$"""

            /// <summary>
            /// Checks one row as <see cref="WriteRow"/> would write it, for the columns in the writer's
            /// <see cref="global::VisMooc.Modules.Output.CellWriter.CheckedColumns"/> alone (columns from 64 on are never checked):
            /// the writer's <see cref="global::VisMooc.Modules.Output.CellWriter.Problem"/> then says whether they fit. Writes no row.
            /// </summary>
            {{Generated.Attribute}}
            """);
        w.Open($"public static void CheckRow({Schema}.IRowSource row, global::VisMooc.Modules.Output.CellWriter writer)");
        w.Line("writer.BeginRow(-1);");
        w.Line("ulong columns = writer.CheckedColumns;");
        for (int i = 0; i < table.Columns.Count && i < 64; i++)
        {
            var c = table.Columns[i];
            string index = i.ToString(CultureInfo.InvariantCulture);
            string args = string.Concat(c.From.Select(f => ", row.Get(" + fields.IndexOf(f).ToString(CultureInfo.InvariantCulture) + ")"));
            w.Block($$"""

                // {{c.Name}}
                if ((columns & (1UL << {{index}})) != 0)
                {
                    writer.BeginCheck({{index}}, {{Literal(c.Name)}}, {{Schema}}.SqlType.{{c.SqlTypeName}}, {{Size(c)}}, {{Bool(c.Nullable)}});
                    {{c.ConversionType}}.{{c.ConversionMethod}}(writer{{args}});
                    writer.EndCheck();
                }
                """);
        }

        w.Close();
    }

    public static string EmitRegistry(ImmutableArray<TableSpec> tables)
    {
        var ordered = Ordered(tables);
        string mySqlHead = SqlEmitter.Header + "CREATE DATABASE IF NOT EXISTS DB_NAME;\nUSE DB_NAME;\nSET @@global.local_infile = 1;\n\n";
        string sqliteHead = SqlEmitter.Header.Replace(" DB_NAME and MOOCDB_DIR are placeholders for the loader.", " SQLite variant.");
        var w = SourceWriter.File("VisMooc.Generated");
        w.Block($$"""
            /// <summary>Every table declared in this assembly, and the SQL scripts built from them.</summary>
            {{Generated.Attribute}}
            """);
        w.Open("public static class GeneratedTables");
        w.Block($$"""
            /// <summary>The tables, in script order.</summary>
            public static global::System.Collections.Generic.IReadOnlyList<{{Schema}}.TableDescriptor> All { get; } = new {{Schema}}.TableDescriptor[]
            {
            {{string.Join("\n", ordered.Select(t => $"    new({TypeName(t)}.Info, static (row, writer) => {TypeName(t)}.WriteRow(row, writer), static (row, writer) => {TypeName(t)}.CheckRow(row, writer)),"))}}
            };

            /// <summary>The whole MySQL/MariaDB import script (<c>schema/import_vismooc_to_moocdb.sql</c>).</summary>
            public const string MySqlScript =
                {{Literal(mySqlHead)}}
            """);

        // Each table's constants joined by blank lines; the last statement of a script ends the expression.
        foreach (var t in ordered)
        {
            w.Line($"    + {TypeName(t)}.MySqlCreate + \"\\n\\n\"");
        }

        w.Line("    + \"\\n\"");
        for (int i = 0; i < ordered.Count; i++)
        {
            bool last = i == ordered.Count - 1;
            w.Line($"    + {TypeName(ordered[i])}.MySqlLoad + \"\\n{(last ? "" : "\\n")}\"{(last ? ";" : "")}");
        }

        if (ordered.Count == 0)
        {
            w.Line("    ;");
        }

        w.Block($$"""

            /// <summary>The SQLite DDL (<c>schema/vismooc_sqlite.sql</c>).</summary>
            public const string SqliteScript =
                {{Literal(sqliteHead)}}
            """);
        for (int i = 0; i < ordered.Count; i++)
        {
            w.Line($"    + {TypeName(ordered[i])}.SqliteCreate + \"\\n{(i < ordered.Count - 1 ? "\\n" : "")}\"");
        }

        w.Line("    ;");
        DuckDbEmitter.WriteScript(w, ordered.Select(TypeName).ToList());
        w.Close();
        return w.ToString();
    }

    public static List<TableSpec> Ordered(IEnumerable<TableSpec> tables) =>
        tables.OrderBy(t => t.Order).ThenBy(t => t.TableName, System.StringComparer.Ordinal).ToList();

    private static string TypeName(TableSpec t) =>
        "global::" + (t.Namespace.Length > 0 ? t.Namespace + "." : "") + t.ClassName;

    private static int IndexOfPrimaryKey(TableSpec table)
    {
        for (int i = 0; i < table.Columns.Count; i++)
        {
            if (table.Columns[i].PrimaryKey)
            {
                return i;
            }
        }

        return -1;
    }

    private static string ColumnInfo(ColumnSpec c) =>
        $"        new({Literal(c.Name)}, {Schema}.SqlType.{c.SqlTypeName}, {Size(c)}, {Bool(c.Nullable)}, {Bool(c.PrimaryKey)}, "
        + $"{StringArray(c.From)}, {Literal(c.ConversionTypeShortName + "." + c.ConversionMethod)}, "
        + $"{Literal(SqlEmitter.MySqlType(c))}, {Literal(c.ConversionSummary)}{(c.Index ? ", Index: true" : "")}){Roles(c)},";

    // Only columns with a role get an initializer, so the others read as before.
    private static string Roles(ColumnSpec c) => c.Role == "None" ? "" :
        $" {{ Role = {Schema}.ColumnRole.{c.Role}"
        + (c.References.Length > 0 ? ", References = " + Literal(c.References) : "")
        + (c.Finding.Length > 0 ? ", Finding = " + Literal(c.Finding) : "") + " }";

    /// <summary>
    /// A multi-line text as a C# string concatenation, one line of text per line of code (each but the last
    /// keeping its LF), indented one level, <paramref name="terminator"/> after the last.
    /// </summary>
    private static string Concatenation(string text, string terminator)
    {
        var lines = text.Split('\n');
        int count = lines[lines.Length - 1].Length == 0 ? lines.Length - 1 : lines.Length;
        return string.Join("\n", Enumerable.Range(0, count).Select(i =>
        {
            string value = i < lines.Length - 1 ? lines[i] + "\n" : lines[i];
            return "    " + (i == 0 ? "" : "+ ") + Literal(value) + (i == count - 1 ? terminator : "");
        }));
    }

    private static string Size(ColumnSpec c) => c.Size.ToString(CultureInfo.InvariantCulture);

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    private static string Bool(bool value) => value ? "true" : "false";

    private static string StringArray(IEnumerable<string> items) =>
        "new string[] { " + string.Join(", ", items.Select(Literal)) + " }";
}
