using System.Globalization;
using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Load;

/// <summary>
/// Compares a table already in the database with its declaration before anything is written: a load
/// into a table of another shape could double rows (no primary key), replace the wrong rows (another
/// unique key), put values in the wrong columns for readers that go by position (VisMOOC does), or not
/// be rolled back (a non-transactional engine).
/// </summary>
internal static class TableShape
{
    /// <summary>What differs, one short phrase each; empty when the table can take the load.</summary>
    /// <param name="declared">The declaration.</param>
    /// <param name="existing">The table in the database.</param>
    /// <param name="typeDifference">Why the existing column's type cannot hold the declared column's values, or null when it can.</param>
    public static List<string> Differences(TableInfo declared, ExistingTable existing, Func<ColumnInfo, ExistingColumn, string?> typeDifference)
    {
        var differences = new List<string>();
        if (existing.IsView)
        {
            differences.Add("it is a view, not a table");
            return differences;
        }

        var columns = existing.Columns;
        int common = Math.Min(columns.Count, declared.Columns.Count);
        for (int i = 0; i < common; i++)
        {
            var want = declared.Columns[i];
            var have = columns[i];
            if (!want.Name.Equals(have.Name, StringComparison.OrdinalIgnoreCase))
            {
                differences.Add(string.Create(CultureInfo.InvariantCulture, $"column {i + 1} is {OneLine(have.Name)}, declared {want.Name}"));
                continue;
            }

            if (typeDifference(want, have) is string type)
            {
                differences.Add($"column {want.Name} {type}");
            }

            if (!have.Nullable && want.Nullable)
            {
                differences.Add($"column {want.Name} is NOT NULL, declared NULL (a NULL value would fail the load)");
            }
        }

        if (columns.Count > common)
        {
            differences.Add("column(s) " + string.Join(", ", columns.Skip(common).Select(c => OneLine(c.Name))) + " not declared");
        }

        if (declared.Columns.Count > common)
        {
            differences.Add("declared column(s) " + string.Join(", ", declared.Columns.Skip(common).Select(c => c.Name)) + " missing");
        }

        string key = declared.Columns[declared.PrimaryKeyColumn].Name;
        if (existing.PrimaryKey.Count == 0)
        {
            differences.Add($"it has no primary key, declared PRIMARY KEY ({key}) (a second load would add every row again)");
        }
        else if (existing.PrimaryKey.Count != 1 || !existing.PrimaryKey[0].Equals(key, StringComparison.OrdinalIgnoreCase))
        {
            differences.Add($"its primary key is ({string.Join(", ", existing.PrimaryKey.Select(OneLine))}), declared ({key})");
        }

        foreach (var (name, keyColumns) in existing.UniqueKeys)
        {
            differences.Add($"its unique index {OneLine(name)} ({string.Join(", ", keyColumns.Select(OneLine))}) is not declared (rows would be skipped or replaced by it)");
        }

        return differences;
    }

    /// <summary>The one-line error for tables that differ from their declarations (the first in full, then the others' names).</summary>
    public static string Message(LoadTarget target, IReadOnlyList<(string Table, List<string> Differences)> tables)
    {
        var (table, differences) = tables[0];
        string shown = string.Join("; ", differences.Take(3))
            + (differences.Count > 3 ? string.Create(CultureInfo.InvariantCulture, $"; and {differences.Count - 3} more") : "");
        string others = tables.Count > 1 ? " (also: " + string.Join(", ", tables.Skip(1).Select(t => t.Table)) + ")" : "";
        string dialect = target.IsMySql ? "mysql" : target.IsDuckDb ? "duckdb" : "sqlite";
        return $"{target}: table {table} is not as vismooc declares it: {shown}{others}; "
            + $"fix the table ('vismooc schema --dialect {dialect}' prints the declarations) or load into another database; nothing was loaded";
    }

    /// <summary>The one-line error for tables whose engine cannot roll a failed load back.</summary>
    public static string EngineMessage(LoadTarget target, IReadOnlyList<ExistingTable> tables)
    {
        string list = string.Join(", ", tables.Select(t => $"{t.Name} ({OneLine(t.Engine ?? "unknown engine")})"));
        string first = tables[0].Name;
        return tables.Count == 1
            ? $"{target}: table {list} uses an engine that cannot roll a failed load back; convert it (ALTER TABLE {first} ENGINE=InnoDB) or load into another database; nothing was loaded"
            : $"{target}: tables {list} use engines that cannot roll a failed load back; convert them (ALTER TABLE {first} ENGINE=InnoDB, and so on) or load into another database; nothing was loaded";
    }

    // Names come from the database: a control character in one must not break the one-line error.
    private static string OneLine(string text) => string.Concat(text.Select(c => char.IsControl(c) ? '?' : c));
}
