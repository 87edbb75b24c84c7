using System.Diagnostics;
using System.Globalization;
using System.Text.Unicode;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using VisMooc.Modules.IO;
using VisMooc.Modules.Reporting;
using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Load;

/// <summary>
/// Loads the CSV tables into a SQLite file with the generated SQLite DDL and prepared inserts, all in
/// one transaction: any error rolls everything back. A new file is built under a name of its own and
/// put in place only when complete; one load at a time writes a file (a second one waits).
/// </summary>
public static class SqliteLoader
{
    /// <summary>Loads <paramref name="folder"/>'s CSVs into <paramref name="databasePath"/>.</summary>
    /// <exception cref="LoadException">The load failed; the database is as it was (a new one is not created).</exception>
    /// <param name="folder">The CSV folder.</param>
    /// <param name="databasePath">The SQLite file (created when missing).</param>
    /// <param name="mode">What to do with rows whose <c>_id</c> is already there.</param>
    /// <param name="tables">The tables.</param>
    /// <param name="progress">Called a few times a second with rows and bytes loaded per table, and once at the end; null for none.</param>
    /// <param name="notice">Told, in one line, when the load has to wait for another load into the same file; null for none.</param>
    /// <param name="waits">How long to wait for another load; null for <see cref="LoadWaits.Default"/>.</param>
    /// <param name="cancellation">Stops the load within a thousand rows (<see cref="OperationCanceledException"/>); the transaction is rolled back and a new file removed.</param>
    public static LoadResult Load(string folder, string databasePath, LoadMode mode, IReadOnlyList<TableDescriptor> tables,
        Action<ConvertProgress>? progress = null, Action<string>? notice = null, LoadWaits? waits = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var files = CsvFolder.Files(folder, tables);
        var target = LoadTarget.Sqlite(databasePath);
        if (FileType.NotRegular(target.SqlitePath) is string what)
        {
            // A folder is no database file; a FIFO or a device would block or fail half-way.
            throw new LoadException($"{target.SqlitePath}: is {what}, not a SQLite database file; nothing was loaded");
        }

        var load = new Job(target, files, mode, progress, notice, waits ?? LoadWaits.Default, cancellation);
        try
        {
            var results = File.Exists(target.SqlitePath) ? load.Into(target.SqlitePath, create: false) : load.IntoNewFile();
            return new LoadResult(target, results, [], clock.Elapsed);
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
        catch (UnauthorizedAccessException e)
        {
            throw new LoadException($"{databasePath}: {e.Message}; nothing was loaded", e);
        }
    }

    /// <summary>One load's settings, and the steps that use them.</summary>
    private sealed class Job(LoadTarget target, IReadOnlyList<(TableDescriptor Table, string Path)> files, LoadMode mode,
        Action<ConvertProgress>? progress, Action<string>? notice, LoadWaits waits, CancellationToken cancellation)
    {
        /// <summary>
        /// Loads into a database that does not exist yet: built under a name of its own in the same
        /// folder and linked into place without replacing anything, so a failed load leaves no file
        /// (nor the folders it made), and another load never sees a half-made database.
        /// </summary>
        public List<TableLoadResult> IntoNewFile()
        {
            string path = target.SqlitePath;
            string work = NewDatabaseFile.WorkPath(path);
            return NewDatabaseFile.Build(path, work, [work, work + "-journal", work + "-wal", work + "-shm"],
                () => Into(work, create: true), () => Into(path, create: false));
        }

        /// <summary>Loads every table into <paramref name="file"/> in one transaction.</summary>
        public List<TableLoadResult> Into(string file, bool create)
        {
            var results = new List<TableLoadResult>();
            var builder = new SqliteConnectionStringBuilder
            {
                DataSource = file,
                Pooling = false,
                Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            };
            using var connection = new SqliteConnection(builder.ToString());
            connection.Open();
            // The default page cache (2 MiB) is far smaller than the primary-key indexes of a large
            // course, so SQLite spills and re-reads pages all through the load; 256 MiB keeps them.
            // 16 KiB pages (InnoDB's size; SQLite's default is 4 KiB) make the text-key B-trees
            // shallower: 1M learners load with 15% less CPU. Only a new database takes the page size.
            Execute(connection, null, "PRAGMA cache_size = -" + CacheKib().ToString(CultureInfo.InvariantCulture));
            Execute(connection, null, "PRAGMA page_size = 16384");
            using var transaction = Begin(connection);
            // Progress starts once the wait is over, so a waiting notice is not drawn over by bars.
            using var tracker = new LoadProgressTracker(progress, files.Select(f => (f.Table.Info.Name, f.Path)));
            // Every existing table is checked before anything is written.
            var infos = files.Select(f => f.Table.Info).ToList();
            var existing = SqliteSchema.Read(connection, transaction, infos);
            Check(infos, existing);
            for (int t = 0; t < files.Count; t++)
            {
                var (table, path) = files[t];
                if (!existing.ContainsKey(table.Info.Name))
                {
                    Execute(connection, transaction, table.Info.SqliteCreate);
                }

                cancellation.ThrowIfCancellationRequested();
                results.Add(LoadTable(connection, transaction, table.Info, path, mode, tracker[t], cancellation));
                tracker[t].Done = true;
            }

            cancellation.ThrowIfCancellationRequested();
            transaction.Commit();
            tracker.Finish();
            return results;
        }

        /// <summary>
        /// <c>BEGIN IMMEDIATE</c>: takes the file's write lock before reading anything, so two loads
        /// into one file run one after the other. When another connection holds it, says so once and
        /// waits for it, at most <see cref="LoadWaits.OtherLoad"/>.
        /// </summary>
        private SqliteTransaction Begin(SqliteConnection connection)
        {
            int seconds = (int)Math.Max(1, Math.Ceiling(waits.OtherLoad.TotalSeconds));
            SqliteTransaction? transaction = null;
            connection.DefaultTimeout = 1;
            try
            {
                transaction = connection.BeginTransaction(deferred: false);
            }
            catch (SqliteException e) when (e.SqliteErrorCode == raw.SQLITE_BUSY)
            {
                notice?.Invoke($"{target}: another load (or another program) is writing this database; waiting up to {LoadWaits.Describe(waits.OtherLoad)} for it to finish");
            }

            // The same bound for the statements that follow: the commit, and a page spill, wait for readers.
            connection.DefaultTimeout = seconds;
            if (transaction is null)
            {
                try
                {
                    transaction = connection.BeginTransaction(deferred: false);
                }
                catch (SqliteException e) when (e.SqliteErrorCode == raw.SQLITE_BUSY)
                {
                    throw new LoadException($"{target}: another load (or another program) was still writing this database after {LoadWaits.Describe(waits.OtherLoad)}; run this load again when it has finished; nothing was loaded", e);
                }
            }

            Execute(connection, transaction, "PRAGMA busy_timeout = " + (seconds * 1000L).ToString(CultureInfo.InvariantCulture));
            return transaction;
        }

        private void Check(List<TableInfo> infos, Dictionary<string, ExistingTable> existing)
        {
            var differing = new List<(string Table, List<string> Differences)>();
            foreach (var info in infos.Where(i => existing.ContainsKey(i.Name)))
            {
                var declared = SqliteSchema.Declared(info);
                var differences = TableShape.Differences(info, existing[info.Name], (column, have) => SqliteSchema.TypeDifference(column, have, declared));
                if (differences.Count > 0)
                {
                    differing.Add((info.Name, differences));
                }
            }

            if (differing.Count > 0)
            {
                throw new LoadException(TableShape.Message(target, differing));
            }
        }
    }

    private static TableLoadResult LoadTable(SqliteConnection connection, SqliteTransaction transaction, TableInfo table, string path, LoadMode mode, LoadProgressTracker.Table progress, CancellationToken cancellation)
    {
        var columns = table.Columns;
        bool[] integer = columns.Select(c => c.Type is SqlType.TinyInt or SqlType.Int or SqlType.BigInt).ToArray();
        bool[] real = columns.Select(c => c.Type == SqlType.Double).ToArray();
        string sql = mode == LoadMode.Ignore ? table.SqliteInsert : table.SqliteUpsert;

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
                        // A double bound as such, parsed by .NET (correctly rounded): SQLite's own text-to-REAL
                        // conversion is not guaranteed to give the nearest double for 17 digits.
                        : real[i] && double.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double d) ? raw.sqlite3_bind_double(insert, i + 1, d)
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

    /// <summary>
    /// The page cache in KiB: 256 MiB, or <c>VISMOOC_SQLITE_CACHE_KIB</c> (64 to 4194304) for a
    /// machine short of memory. A small cache makes SQLite write pages into the file all through the
    /// load instead of at the commit; the kill tests use that to stop a load midway.
    /// </summary>
    private static long CacheKib() =>
        long.TryParse(Environment.GetEnvironmentVariable("VISMOOC_SQLITE_CACHE_KIB"), NumberStyles.None, CultureInfo.InvariantCulture, out long kib) && kib is >= 64 and <= 4194304
            ? kib
            : 262144;
}
