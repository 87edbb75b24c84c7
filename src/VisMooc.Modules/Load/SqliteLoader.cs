using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using VisMooc.Modules.Convert;
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
    /// <param name="folder">The CSV folder.</param>
    /// <param name="databasePath">The SQLite file (created when missing).</param>
    /// <param name="mode">What to do with rows whose <c>_id</c> is already there.</param>
    /// <param name="tables">The tables.</param>
    /// <param name="progress">Called a few times a second with rows and bytes loaded per table, and once at the end; null for none.</param>
    /// <param name="cancellation">Stops the load within a thousand rows (<see cref="OperationCanceledException"/>); the transaction is rolled back.</param>
    public static LoadResult Load(string folder, string databasePath, LoadMode mode, IReadOnlyList<TableDescriptor> tables, Action<ConvertProgress>? progress = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var files = CsvFolder.Files(folder, tables);
        using var tracker = new LoadProgressTracker(progress, files.Select(f => (f.Table.Info.Name, f.Path)));
        var results = new List<TableLoadResult>();
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
            connection.Open();
            // The default page cache (2 MiB) is far smaller than the primary-key indexes of a large
            // course, so SQLite spills and re-reads pages all through the load; 256 MiB keeps them.
            // 16 KiB pages (InnoDB's size; SQLite's default is 4 KiB) make the text-key B-trees
            // shallower: 1M learners load with 15% less CPU. Only a new database takes the page size.
            Execute(connection, null, "PRAGMA cache_size = -262144");
            Execute(connection, null, "PRAGMA page_size = 16384");
            using var transaction = connection.BeginTransaction();
            for (int t = 0; t < files.Count; t++)
            {
                var (table, path) = files[t];
                cancellation.ThrowIfCancellationRequested();
                Execute(connection, transaction, table.Info.SqliteCreate);
                results.Add(LoadTable(connection, transaction, table.Info, path, mode, tracker[t], cancellation));
                tracker[t].Done = true;
            }

            cancellation.ThrowIfCancellationRequested();
            transaction.Commit();
            tracker.Finish();
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

    private static TableLoadResult LoadTable(SqliteConnection connection, SqliteTransaction transaction, TableInfo table, string path, LoadMode mode, LoadProgressTracker.Table progress, CancellationToken cancellation)
    {
        var columns = table.Columns;
        string names = string.Join(", ", columns.Select(c => c.Name));
        bool[] integer = columns.Select(c => c.Type is SqlType.TinyInt or SqlType.Int or SqlType.BigInt).ToArray();
        string values = string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)));
        string key = columns[table.PrimaryKeyColumn].Name;
        string sql = mode == LoadMode.Ignore
            ? $"INSERT OR IGNORE INTO {table.Name} ({names}) VALUES ({values})"
            : $"INSERT INTO {table.Name} ({names}) VALUES ({values}) ON CONFLICT({key}) DO UPDATE SET "
              + string.Join(", ", columns.Where((_, i) => i != table.PrimaryKeyColumn).Select(c => $"{c.Name} = excluded.{c.Name}"));

        long before = Count(connection, transaction, table.Name);
        long rows = 0;

        // Straight to SQLite's C API with the CSV's own UTF-8 bytes: the ADO.NET layer would make a
        // string of every value, look each parameter up by name and encode it back (half the CPU of
        // a load). Same values as before: integers where they parse, else text; invalid UTF-8 is
        // stored as the string decoding gives it (U+FFFD), as the ADO.NET path did. Text is always bound
        // with its length, never NUL-terminated: a value holding NUL is kept whole.
        var db = connection.Handle!;
        Check(db, raw.sqlite3_prepare_v2(db, sql, out sqlite3_stmt insert));
        using (insert)
        using (var reader = new DialectCsvReader(path, columns.Count))
        {
            while (reader.ReadUtf8())
            {
                for (int i = 0; i < columns.Count; i++)
                {
                    var value = reader.Utf8(i);
                    int rc = reader.IsNull(i) ? raw.sqlite3_bind_null(insert, i + 1)
                        : integer[i] && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number) ? raw.sqlite3_bind_int64(insert, i + 1, number)
                        : Utf8.IsValid(value) ? raw.sqlite3_bind_text(insert, i + 1, value)
                        : raw.sqlite3_bind_text(insert, i + 1, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(value)));
                    Check(db, rc);
                }

                int step = raw.sqlite3_step(insert);
                if (step != raw.SQLITE_DONE)
                {
                    Check(db, step);
                }

                raw.sqlite3_reset(insert);
                rows++;
                if ((rows & 1023) == 0)
                {
                    cancellation.ThrowIfCancellationRequested();
                    progress.Rows = rows;
                    progress.Bytes.Add(reader.BytesRead - progress.Bytes.Bytes);
                }
            }

            progress.Rows = rows;
            progress.Bytes.Add(reader.BytesRead - progress.Bytes.Bytes);
        }

        long added = Count(connection, transaction, table.Name) - before;
        return mode == LoadMode.Ignore
            ? new TableLoadResult(table.Name, rows, added, 0, rows - added)
            : new TableLoadResult(table.Name, rows, added, rows - added, 0);
    }

    /// <summary>Turns a SQLite error code into the exception the loader reports (with SQLite's message).</summary>
    private static void Check(sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(db));
        }
    }

    private static long Count(SqliteConnection connection, SqliteTransaction transaction, string table)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
