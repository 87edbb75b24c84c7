using Microsoft.Data.Sqlite;
using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Load;

/// <summary>The tables already in a SQLite database, from its own pragmas, and the declared ones described the same way.</summary>
internal static class SqliteSchema
{
    /// <summary>The declared tables that exist in the database, by their declared name.</summary>
    public static Dictionary<string, ExistingTable> Read(SqliteConnection connection, SqliteTransaction? transaction, IEnumerable<TableInfo> declared)
    {
        var tables = new Dictionary<string, ExistingTable>(StringComparer.Ordinal);
        foreach (var info in declared)
        {
            if (Describe(connection, transaction, info.Name) is ExistingTable table)
            {
                tables[info.Name] = table;
            }
        }

        return tables;
    }

    /// <summary>
    /// Why <paramref name="existing"/> does not take values as the declared column does, or null: the
    /// type affinity must be the same (a NUMERIC column would turn the text <c>0.870</c> into a number).
    /// </summary>
    public static string? TypeDifference(ColumnInfo declared, ExistingColumn existing, ExistingTable declaredShape)
    {
        var want = declaredShape.Columns.First(c => c.Name == declared.Name);
        return Affinity(want.Type) == Affinity(existing.Type)
            ? null
            : $"is {(existing.Type.Length == 0 ? "untyped" : existing.Type)}, declared {want.Type}";
    }

    /// <summary>The declared table as SQLite itself describes it, from its DDL run in memory.</summary>
    public static ExistingTable Declared(TableInfo info)
    {
        using var memory = new SqliteConnection("Data Source=:memory:");
        memory.Open();
        using (var create = memory.CreateCommand())
        {
            create.CommandText = info.SqliteCreate;
            create.ExecuteNonQuery();
        }

        return Describe(memory, null, info.Name)!;
    }

    // SQLite's rules for the affinity of a declared type (https://sqlite.org/datatype3.html, 3.1).
    private static string Affinity(string type)
    {
        string t = type.ToUpperInvariant();
        return t.Contains("INT", StringComparison.Ordinal) ? "INTEGER"
            : t.Contains("CHAR", StringComparison.Ordinal) || t.Contains("CLOB", StringComparison.Ordinal) || t.Contains("TEXT", StringComparison.Ordinal) ? "TEXT"
            : t.Length == 0 || t.Contains("BLOB", StringComparison.Ordinal) ? "BLOB"
            : t.Contains("REAL", StringComparison.Ordinal) || t.Contains("FLOA", StringComparison.Ordinal) || t.Contains("DOUB", StringComparison.Ordinal) ? "REAL"
            : "NUMERIC";
    }

    private static ExistingTable? Describe(SqliteConnection connection, SqliteTransaction? transaction, string name)
    {
        string? type = null;
        Query(connection, transaction, "SELECT type FROM sqlite_master WHERE type IN ('table', 'view') AND name = $name COLLATE NOCASE", name, r => type = r.GetString(0));
        if (type is null)
        {
            return null;
        }

        var columns = new List<ExistingColumn>();
        var key = new SortedList<long, string>();
        Query(connection, transaction, "SELECT name, type, \"notnull\", pk FROM pragma_table_info($name) ORDER BY cid", name, r =>
        {
            columns.Add(new ExistingColumn(r.GetString(0), r.GetString(1), r.GetInt64(2) == 0));
            if (r.GetInt64(3) > 0)
            {
                key.Add(r.GetInt64(3), r.GetString(0));
            }
        });

        var uniqueIndexes = new List<string>();
        Query(connection, transaction, "SELECT name FROM pragma_index_list($name) WHERE \"unique\" = 1 AND origin <> 'pk' ORDER BY name", name, r => uniqueIndexes.Add(r.GetString(0)));
        var unique = new List<(string Name, IReadOnlyList<string> Columns)>();
        foreach (string index in uniqueIndexes)
        {
            var indexColumns = new List<string>();
            Query(connection, transaction, "SELECT name FROM pragma_index_info($name) ORDER BY seqno", index, r => indexColumns.Add(r.IsDBNull(0) ? "(expression)" : r.GetString(0)));
            unique.Add((index, indexColumns));
        }

        return new ExistingTable(name, type == "view", null, Transactional: true, columns, key.Values.ToList(), unique);
    }

    private static void Query(SqliteConnection connection, SqliteTransaction? transaction, string sql, string name, Action<SqliteDataReader> row)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$name", name);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            row(reader);
        }
    }
}
