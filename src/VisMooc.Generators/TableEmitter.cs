using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using VisMooc.Generators.Model;

namespace VisMooc.Generators;

/// <summary>Emits C# from table models. Knows nothing of Roslyn symbols, so tests can drive it with hand-built models.</summary>
internal static class TableEmitter
{
    private const string Schema = "global::VisMooc.Modules.Schema";
    private const string Dialect = "global::VisMooc.Modules.Output.MySqlCsvDialect";

    public static string HintName(TableModel table) =>
        (table.Namespace.Length > 0 ? table.Namespace + "." : "") + table.ClassName + ".g.cs";

    public static string EmitTable(TableModel table)
    {
        var fields = SqlText.DistinctSourceFields(table).ToList();
        var w = SourceWriter.File(table.Namespace);

        w.Line("/// <summary>Generated from the declaration of table <c>" + table.TableName + "</c>.</summary>");
        w.Open("partial class " + table.ClassName + " : " + Schema + ".IVisMoocTable");
        w.Line("/// <summary>The SQL table name.</summary>");
        w.Line("public const string TableName = " + Literal(table.TableName) + ";");
        w.Line();
        w.Line("/// <summary>MySQL/MariaDB <c>CREATE TABLE</c>.</summary>");
        w.Line("public const string MySqlCreate =");
        EmitLines(w, SqlText.MySqlCreate(table), ";");
        w.Line();
        w.Line("/// <summary>MySQL/MariaDB <c>LOAD DATA</c> of <c>MOOCDB_DIR/" + table.TableName + ".csv</c>, in the writers' dialect.</summary>");
        w.Line("public const string MySqlLoad =");
        EmitLines(w, SqlText.MySqlLoadHead(table), "");
        w.Line("    + " + Dialect + ".CharacterSetClause + \"\\n\"");
        w.Line("    + " + Dialect + ".FieldsClause + \"\\n\"");
        w.Line("    + " + Dialect + ".LinesClause + \";\";");
        w.Line();
        w.Line("/// <summary>The same load as settings for the loader: columns in file order and the dialect.</summary>");
        w.Line("public static " + Schema + ".MySqlLoadDescription MySqlBulkLoad { get; } = new(");
        w.Line("    TableName,");
        w.Line("    " + StringArray(table.Columns.Select(c => c.Name).ToList()) + ",");
        w.Line("    " + Dialect + ".CharacterSet,");
        w.Line("    " + Dialect + ".FieldTerminator,");
        w.Line("    " + Dialect + ".Encloser,");
        w.Line("    " + Dialect + ".Escape,");
        w.Line("    " + Dialect + ".LineTerminator,");
        w.Line("    " + Dialect + ".NullToken);");
        w.Line();
        w.Line("/// <summary>SQLite <c>CREATE TABLE</c>.</summary>");
        w.Line("public const string SqliteCreate =");
        EmitLines(w, SqlText.SqliteCreate(table), ";");
        w.Line();
        w.Line("/// <summary>SQLite insert of one row (<c>$p0</c>… in column order) that keeps an existing key's row.</summary>");
        w.Line("public const string SqliteInsert = " + Literal(SqlText.SqliteInsert(table)) + ";");
        w.Line();
        w.Line("/// <summary>SQLite insert of one row that replaces an existing key's other columns.</summary>");
        w.Line("public const string SqliteUpsert = " + Literal(SqlText.SqliteUpsert(table)) + ";");
        w.Line();

        w.Line("/// <summary>The field-to-function map as data.</summary>");
        w.Line(Generated.Attribute);
        w.Line("public static " + Schema + ".TableInfo Info { get; } = new(");
        w.Line("    TableName,");
        w.Line("    " + table.InputType + ".Descriptor,");
        w.Line("    " + Schema + ".InputRecords." + table.Records + ",");
        w.Line("    " + (table.JoinType.Length > 0 ? table.JoinType + ".Descriptor" : "null") + ",");
        w.Line("    " + Literal(table.JoinOn) + ",");
        w.Line("    " + table.Order.ToString(CultureInfo.InvariantCulture) + ",");
        w.Line("    new " + Schema + ".ColumnInfo[]");
        w.Line("    {");
        foreach (var c in table.Columns)
        {
            w.Line("        new(" + Literal(c.Name) + ", " + Schema + ".SqlType." + c.SqlTypeName + ", "
                + c.Size.ToString(CultureInfo.InvariantCulture) + ", " + Bool(c.Nullable) + ", " + Bool(c.PrimaryKey) + ", "
                + StringArray(c.From) + ", " + Literal(c.ConversionTypeShortName + "." + c.ConversionMethod) + ", "
                + Literal(SqlText.MySqlType(c)) + ", " + Literal(c.ConversionSummary) + (c.Index ? ", Index: true" : "") + ")" + Roles(c) + ",");
        }

        w.Line("    },");
        w.Line("    " + StringArray(fields) + ",");
        w.Line("    new int[] { " + string.Join(", ", table.KeyFields.Select(k => fields.IndexOf(k).ToString(CultureInfo.InvariantCulture))) + " },");
        int keyColumn = IndexOfPrimaryKey(table);
        w.Line("    " + keyColumn.ToString(CultureInfo.InvariantCulture) + ",");
        w.Line("    MySqlCreate,");
        w.Line("    MySqlLoad,");
        w.Line("    MySqlBulkLoad,");
        w.Line("    SqliteCreate,");
        w.Line("    SqliteInsert,");
        w.Line("    SqliteUpsert);");
        w.Line();

        w.Line("/// <summary>The field-to-function map as code: one CSV row from a bound source record.</summary>");
        w.Line(Generated.Attribute);
        w.Open("public static void WriteRow<TRow>(TRow row, global::VisMooc.Modules.Output.CellWriter writer) where TRow : " + Schema + ".IRowSource");
        w.Line("writer.BeginRow(" + keyColumn.ToString(CultureInfo.InvariantCulture) + ");");
        for (int i = 0; i < table.Columns.Count; i++)
        {
            var c = table.Columns[i];
            w.Line();
            w.Line("// " + c.Name + " <- " + (c.From.Count == 0 ? "(no field)" : string.Join(" + ", c.From)) + " via " + c.ConversionMethod);
            // A field whose value is not wanted (a column not checked while a row is only checked) is not converted.
            w.Open("if (writer.BeginField(" + i.ToString(CultureInfo.InvariantCulture) + ", " + Literal(c.Name) + ", " + Schema + ".SqlType." + c.SqlTypeName + ", "
                + c.Size.ToString(CultureInfo.InvariantCulture) + ", " + Bool(c.Nullable) + "))");
            string args = string.Concat(c.From.Select(f => ", row.Get(" + fields.IndexOf(f).ToString(CultureInfo.InvariantCulture) + ")"));
            w.Line(c.ConversionType + "." + c.ConversionMethod + "(writer" + args + ");");
            w.Close();
            w.Line();
            w.Line("writer.EndField();");
        }

        w.Line();
        w.Line("writer.EndRow();");
        w.Close();
        w.Close();
        return w.ToString();
    }

    public static string EmitRegistry(ImmutableArray<TableModel> tables)
    {
        var ordered = Ordered(tables);
        var w = SourceWriter.File("VisMooc.Generated");
        w.Line("/// <summary>Every table declared in this assembly, and the SQL scripts built from them.</summary>");
        w.Line(Generated.Attribute);
        w.Open("public static class GeneratedTables");
        w.Line("/// <summary>The tables, in script order.</summary>");
        w.Line("public static global::System.Collections.Generic.IReadOnlyList<" + Schema + ".TableDescriptor> All { get; } = new " + Schema + ".TableDescriptor[]");
        w.Line("{");
        foreach (var t in ordered)
        {
            string type = TypeName(t);
            w.Line("    new(" + type + ".Info, static (row, writer) => " + type + ".WriteRow(row, writer)),");
        }

        w.Line("};");
        w.Line();
        w.Line("/// <summary>The whole MySQL/MariaDB import script (<c>schema/import_vismooc_to_moocdb.sql</c>).</summary>");
        w.Line("public const string MySqlScript =");
        w.Line("    " + Literal(SqlText.Header + "CREATE DATABASE IF NOT EXISTS DB_NAME;\nUSE DB_NAME;\nSET @@global.local_infile = 1;\n\n"));
        foreach (var t in ordered)
        {
            w.Line("    + " + TypeName(t) + ".MySqlCreate + \"\\n\\n\"");
        }

        w.Line("    + \"\\n\"");
        for (int i = 0; i < ordered.Count; i++)
        {
            w.Line("    + " + TypeName(ordered[i]) + ".MySqlLoad + \"\\n" + (i < ordered.Count - 1 ? "\\n" : "") + "\"" + (i == ordered.Count - 1 ? ";" : ""));
        }

        if (ordered.Count == 0)
        {
            w.Line("    ;");
        }

        w.Line();
        w.Line("/// <summary>The SQLite DDL (<c>schema/vismooc_sqlite.sql</c>).</summary>");
        w.Line("public const string SqliteScript =");
        w.Line("    " + Literal(SqlText.Header.Replace(" DB_NAME and MOOCDB_DIR are placeholders for the loader.", " SQLite variant.")));
        for (int i = 0; i < ordered.Count; i++)
        {
            w.Line("    + " + TypeName(ordered[i]) + ".SqliteCreate + \"\\n" + (i < ordered.Count - 1 ? "\\n" : "") + "\"");
        }

        w.Line("    ;");
        w.Close();
        return w.ToString();
    }

    public static List<TableModel> Ordered(IEnumerable<TableModel> tables) =>
        tables.OrderBy(t => t.Order).ThenBy(t => t.TableName, System.StringComparer.Ordinal).ToList();

    private static string TypeName(TableModel t) =>
        "global::" + (t.Namespace.Length > 0 ? t.Namespace + "." : "") + t.ClassName;

    private static int IndexOfPrimaryKey(TableModel table)
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

    private static void EmitLines(SourceWriter w, string text, string terminator)
    {
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            bool last = i == lines.Length - 1;
            string value = last ? lines[i] : lines[i] + "\n";
            if (last && value.Length == 0)
            {
                continue;
            }

            bool reallyLast = last || (i == lines.Length - 2 && lines[lines.Length - 1].Length == 0);
            w.Line("    " + (i == 0 ? "" : "+ ") + Literal(value) + (reallyLast ? terminator : ""));
        }
    }

    // Only columns with a role get an initializer, so the others read as before.
    private static string Roles(ColumnModel c) => c.Role == "None" ? "" :
        " { Role = " + Schema + ".ColumnRole." + c.Role
        + (c.References.Length > 0 ? ", References = " + Literal(c.References) : "")
        + (c.Finding.Length > 0 ? ", Finding = " + Literal(c.Finding) : "") + " }";

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    private static string Bool(bool value) => value ? "true" : "false";

    private static string StringArray(IEnumerable<string> items) =>
        "new string[] { " + string.Join(", ", items.Select(Literal)) + " }";
}
