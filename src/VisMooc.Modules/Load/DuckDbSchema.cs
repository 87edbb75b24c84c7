using DuckDB.NET.Data;
using VisMooc.Modules.Schema;
using ColumnInfo = VisMooc.Modules.Schema.ColumnInfo;

namespace VisMooc.Modules.Load;

/// <summary>The tables already in a DuckDB file, from its catalog functions, and the declared ones described the same way.</summary>
internal static class DuckDbSchema
{
    /// <summary>The declared tables (or views) that exist in the connection's current schema, by their declared name.</summary>
    public static Dictionary<string, ExistingTable> Read(DuckDBConnection connection, IEnumerable<TableInfo> declared)
    {
        var tables = new Dictionary<string, ExistingTable>(StringComparer.Ordinal);
        foreach (var info in declared)
        {
            if (Describe(connection, info.Name) is ExistingTable table)
            {
                tables[info.Name] = table;
            }
        }

        return tables;
    }

    /// <summary>The declared table as DuckDB itself describes it, from its generated DDL run in memory.</summary>
    public static ExistingTable Declared(TableInfo info)
    {
        using var memory = new DuckDBConnection("DataSource=:memory:");
        memory.Open();
        using (var create = memory.CreateCommand())
        {
            create.CommandText = info.DuckDbCreate;
            create.ExecuteNonQuery();
        }

        return Describe(memory, info.Name)!;
    }

    /// <summary>
    /// Why <paramref name="existing"/> cannot hold every value of the declared column, or null when it can:
    /// the same type, or a wider signed integer (<c>BIGINT</c> for <c>INTEGER</c>). A <c>TIMESTAMP WITH TIME
    /// ZONE</c> is refused: it shows the UTC values in the session's zone, and compares them as instants.
    /// </summary>
    public static string? TypeDifference(ColumnInfo declared, ExistingColumn existing, ExistingTable declaredShape)
    {
        string want = declaredShape.Columns.First(c => c.Name == declared.Name).Type;
        string have = existing.Type;
        if (have.Equals(want, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return IntegerBytes(want) is int wantBytes && IntegerBytes(have) is int haveBytes && haveBytes >= wantBytes
            ? null
            : $"is {have}, declared {want}";
    }

    // The signed integer types by width; an unsigned one cannot hold a negative value.
    private static int? IntegerBytes(string type) => type.ToUpperInvariant() switch
    {
        "TINYINT" => 1,
        "SMALLINT" => 2,
        "INTEGER" => 4,
        "BIGINT" => 8,
        "HUGEINT" => 16,
        _ => null,
    };

    private static ExistingTable? Describe(DuckDBConnection connection, string name)
    {
        // Identifiers are case-insensitive in DuckDB, so the declared name finds the table whatever case it was created in.
        string literal = "'" + name.Replace("'", "''", StringComparison.Ordinal) + "'";
        string where = $"database_name = current_database() AND schema_name = current_schema() AND lower(table_name) = lower({literal})";
        string? actual = null;
        Query(connection, $"SELECT table_name FROM duckdb_tables() WHERE {where}", r => actual = r.GetString(0));
        bool isView = false;
        if (actual is null)
        {
            Query(connection, $"SELECT view_name FROM duckdb_views() WHERE database_name = current_database() AND schema_name = current_schema() AND lower(view_name) = lower({literal})", r => actual = r.GetString(0));
            isView = actual is not null;
        }

        if (actual is null)
        {
            return null;
        }

        var columns = new List<ExistingColumn>();
        string exact = "'" + actual.Replace("'", "''", StringComparison.Ordinal) + "'";
        Query(connection, $"SELECT column_name, data_type, is_nullable FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = current_schema() AND table_name = {exact} ORDER BY column_index",
            r => columns.Add(new ExistingColumn(r.GetString(0), r.GetString(1), r.GetBoolean(2))));
        if (isView)
        {
            return new ExistingTable(name, IsView: true, null, Transactional: true, columns, [], []);
        }

        var key = new List<string>();
        var unique = new List<(string Name, IReadOnlyList<string> Columns)>();
        string constraints = $"FROM duckdb_constraints() WHERE database_name = current_database() AND schema_name = current_schema() AND table_name = {exact}";
        Query(connection, $"SELECT unnest(constraint_column_names) {constraints} AND constraint_type = 'PRIMARY KEY'", r => key.Add(r.GetString(0)));
        Query(connection, $"SELECT constraint_text, array_to_string(constraint_column_names, '\u0001') {constraints} AND constraint_type = 'UNIQUE' ORDER BY constraint_index",
            r => unique.Add((r.GetString(0), r.GetString(1).Split('\u0001'))));
        Query(connection, $"SELECT index_name, CAST(expressions AS VARCHAR) FROM duckdb_indexes() WHERE database_name = current_database() AND schema_name = current_schema() AND table_name = {exact} AND is_unique ORDER BY index_name",
            r => unique.Add((r.GetString(0), [r.IsDBNull(1) ? "(expression)" : r.GetString(1)])));
        return new ExistingTable(name, IsView: false, null, Transactional: true, columns, key, unique);
    }

    private static void Query(DuckDBConnection connection, string sql, Action<System.Data.Common.DbDataReader> row)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            row(reader);
        }
    }
}
