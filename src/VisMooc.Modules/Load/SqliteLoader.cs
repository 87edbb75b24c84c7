using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Load;

/// <summary>
/// Loads the CSV tables into a SQLite file with the generated SQLite DDL and prepared inserts, all in
/// one transaction: any error rolls everything back.
/// </summary>
public static class SqliteLoader
{
    /// <summary>Loads <paramref name="folder"/>'s CSVs into <paramref name="databasePath"/>.</summary>
    /// <exception cref="LoadException">The load failed; the database is as it was.</exception>
    public static LoadResult Load(string folder, string databasePath, LoadMode mode, IReadOnlyList<TableDescriptor> tables)
    {
        var clock = Stopwatch.StartNew();
        var files = CsvFolder.Files(folder, tables);
        var results = new List<TableLoadResult>();
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
            connection.Open();
            using var transaction = connection.BeginTransaction();
            foreach (var (table, path) in files)
            {
                Execute(connection, transaction, table.Info.SqliteCreate);
                results.Add(LoadTable(connection, transaction, table.Info, path, mode));
            }

            transaction.Commit();
        }
        catch (InvalidDataException e)
        {
            throw new LoadException(e.Message + "; nothing was loaded", e);
        }
        catch (SqliteException e)
        {
            throw new LoadException($"{databasePath}: {e.Message}; nothing was loaded", e);
        }
        catch (IOException e)
        {
            throw new LoadException($"{databasePath}: {e.Message}; nothing was loaded", e);
        }

        return new LoadResult(LoadTarget.Sqlite(databasePath), results, [], clock.Elapsed);
    }

    private static TableLoadResult LoadTable(SqliteConnection connection, SqliteTransaction transaction, TableInfo table, string path, LoadMode mode)
    {
        var columns = table.Columns;
        string names = string.Join(", ", columns.Select(c => c.Name));
        bool[] integer = columns.Select(c => c.Type is SqlType.TinyInt or SqlType.Int or SqlType.BigInt).ToArray();
        // Text goes in through CAST so that a value holding NUL can be bound as its UTF-8 bytes:
        // SQLitePCL binds a long string NUL-terminated, which silently cut it at the first NUL.
        string values = string.Join(", ", columns.Select((_, i) => integer[i] ? "$p" + i.ToString(CultureInfo.InvariantCulture) : "CAST($p" + i.ToString(CultureInfo.InvariantCulture) + " AS TEXT)"));
        string key = columns[table.PrimaryKeyColumn].Name;
        string sql = mode == LoadMode.Ignore
            ? $"INSERT OR IGNORE INTO {table.Name} ({names}) VALUES ({values})"
            : $"INSERT INTO {table.Name} ({names}) VALUES ({values}) ON CONFLICT({key}) DO UPDATE SET "
              + string.Join(", ", columns.Where((_, i) => i != table.PrimaryKeyColumn).Select(c => $"{c.Name} = excluded.{c.Name}"));

        long before = Count(connection, transaction, table.Name);
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = sql;
        var parameters = new SqliteParameter[columns.Count];
        for (int i = 0; i < columns.Count; i++)
        {
            parameters[i] = insert.Parameters.Add("$p" + i.ToString(CultureInfo.InvariantCulture), integer[i] ? SqliteType.Integer : SqliteType.Text);
        }

        insert.Prepare();
        long rows = 0;
        using (var reader = new DialectCsvReader(path, columns.Count))
        {
            while (reader.Read())
            {
                for (int i = 0; i < parameters.Length; i++)
                {
                    string? value = reader.Values[i];
                    parameters[i].Value = value is null ? DBNull.Value
                        : integer[i] && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number) ? number
                        : value.Contains('\0', StringComparison.Ordinal) ? System.Text.Encoding.UTF8.GetBytes(value)
                        : value;
                }

                insert.ExecuteNonQuery();
                rows++;
            }
        }

        long added = Count(connection, transaction, table.Name) - before;
        return mode == LoadMode.Ignore
            ? new TableLoadResult(table.Name, rows, added, 0, rows - added)
            : new TableLoadResult(table.Name, rows, added, rows - added, 0);
    }

    private static long Count(SqliteConnection connection, SqliteTransaction transaction, string table)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
