using System.Diagnostics;
using System.Globalization;
using MySqlConnector;
using VisMooc.Modules.IO;
using VisMooc.Modules.Output;
using VisMooc.Modules.Reporting;
using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Load;

/// <summary>
/// Loads the CSV tables into MySQL/MariaDB: generated DDL, then <c>LOAD DATA LOCAL INFILE</c> in the
/// writers' dialect into temporary staging tables, then one transaction that moves the rows into the
/// real tables. Any error or server warning before the commit leaves every table as it was.
/// </summary>
public static class MySqlLoader
{
    // 1062: duplicate key, expected from INSERT IGNORE in ignore mode (those rows are counted as kept).
    private const int DuplicateKeyWarning = 1062;

    /// <summary>Loads <paramref name="folder"/>'s CSVs into the target database (created when missing).</summary>
    /// <exception cref="LoadException">The load failed; no table changed, and nothing this load created is left.</exception>
    /// <param name="folder">The CSV folder.</param>
    /// <param name="target">The server and database.</param>
    /// <param name="password">The password ("" for none).</param>
    /// <param name="mode">What to do with rows whose <c>_id</c> is already there.</param>
    /// <param name="tables">The tables.</param>
    /// <param name="progress">Called a few times a second with rows and bytes loaded per table, and once at the end; null for none.</param>
    /// <param name="notice">Told, in one line, when the load has to wait for another load into the same database; null for none.</param>
    /// <param name="waits">How long to wait for another load and for the server; null for <see cref="LoadWaits.Default"/>.</param>
    /// <param name="cancellation">Stops the load (the running statement is cancelled, <see cref="OperationCanceledException"/>); no table changed.</param>
    public static LoadResult Load(string folder, LoadTarget target, string password, LoadMode mode, IReadOnlyList<TableDescriptor> tables,
        Action<ConvertProgress>? progress = null, Action<string>? notice = null, LoadWaits? waits = null, CancellationToken cancellation = default)
    {
        waits ??= LoadWaits.Default;
        var clock = Stopwatch.StartNew();
        var files = CsvFolder.Files(folder, tables);
        var warnings = new List<string>();
        var results = new List<TableLoadResult>();
        var builder = new MySqlConnectionStringBuilder
        {
            Server = target.Host,
            Port = (uint)target.Port,
            UserID = target.User,
            Password = password,
            AllowLoadLocalInfile = true,
            CharacterSet = "utf8mb4",
            ConnectionTimeout = (uint)Math.Max(1, Math.Ceiling(waits.Connect.TotalSeconds)),
            DefaultCommandTimeout = 0,
            Pooling = false,
        };
        MySqlConnection? connection = null;
        var created = new Created();
        try
        {
            connection = new MySqlConnection(builder.ConnectionString);
            connection.Open();
            // One load per database at a time: a second one would find the same tables empty and
            // fail on duplicate keys, or mix its rows into the first's. The lock is the server's
            // and dies with the connection, so a killed load never leaves it behind.
            AcquireLoadLock(connection, target, notice, waits.OtherLoad);
            // Progress starts once the wait is over, so a waiting notice is not drawn over by bars.
            using var tracker = new LoadProgressTracker(progress, files.Select(f => (f.Table.Info.Name, f.Path)));
            created.Database = UseDatabase(connection, target.Database);
            Execute(connection, null, "SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION'");
            // Every existing table is checked before anything is written: its engine must roll back,
            // its shape must be the declared one. Only then are the missing tables created.
            var infos = files.Select(f => f.Table.Info).ToList();
            var existing = MySqlSchema.Read(connection, infos);
            Check(target, infos, existing);
            foreach (var info in infos.Where(i => !existing.ContainsKey(i.Name)))
            {
                Execute(connection, null, info.MySqlCreate);
                created.Tables.Add(info.Name);
            }

            if (created.Tables.Count > 0)
            {
                Check(target, infos, MySqlSchema.Read(connection, infos));
            }

            // Tables that are empty before the load (a new database, the usual case) are loaded
            // straight into place inside the transaction; the others are staged first, so that the
            // summary can count kept and replaced rows and duplicate-key notes of a reload cannot
            // hide a real warning (SHOW WARNINGS keeps only 64). Either way any server warning fails
            // the whole load, and nothing is committed before every table is in.
            var empty = new bool[files.Count];
            var staged = new (TableInfo Info, string Stage, long Rows)?[files.Count];
            for (int t = 0; t < files.Count; t++)
            {
                empty[t] = Scalar(connection, null, $"SELECT EXISTS (SELECT 1 FROM {files[t].Table.Info.Name})") == 0;
            }

            for (int t = 0; t < files.Count; t++)
            {
                if (empty[t])
                {
                    continue;
                }

                var (table, path) = files[t];
                var info = table.Info;
                string stage = "vismooc_stage_" + info.Name;
                Execute(connection, null, $"DROP TEMPORARY TABLE IF EXISTS {stage}");
                Execute(connection, null, $"CREATE TEMPORARY TABLE {stage} LIKE {info.Name}");
                long loaded = BulkLoad(connection, null, info.MySqlBulkLoad, stage, path, tracker[t], warnings, cancellation);
                staged[t] = (info, stage, loaded);
                tracker[t].Rows = loaded;
                tracker[t].Done = true;
            }

            using var transaction = connection.BeginTransaction();
            for (int t = 0; t < files.Count; t++)
            {
                var info = files[t].Table.Info;
                if (staged[t] is not (_, string stage, long rows))
                {
                    long loaded = BulkLoad(connection, transaction, info.MySqlBulkLoad, info.Name, files[t].Path, tracker[t], warnings, cancellation);
                    results.Add(new TableLoadResult(info.Name, loaded, loaded, 0, 0));
                    tracker[t].Rows = loaded;
                    tracker[t].Done = true;
                    continue;
                }

                string key = info.Columns[info.PrimaryKeyColumn].Name;
                long existingRows = Scalar(connection, transaction, $"SELECT COUNT(*) FROM {stage} s JOIN {info.Name} t ON t.{key} = s.{key}");
                string columns = string.Join(", ", info.Columns.Select(c => c.Name));
                string sql = mode == LoadMode.Ignore
                    ? $"INSERT IGNORE INTO {info.Name} ({columns}) SELECT {columns} FROM {stage}"
                    : $"INSERT INTO {info.Name} ({columns}) SELECT {columns} FROM {stage} ON DUPLICATE KEY UPDATE "
                      + string.Join(", ", info.Columns.Where((_, i) => i != info.PrimaryKeyColumn).Select(c => $"{c.Name} = VALUES({c.Name})"));
                Execute(connection, transaction, sql, cancellation);
                var moveWarnings = Warnings(connection, transaction, info.Name, ignoreDuplicates: mode == LoadMode.Ignore);
                if (moveWarnings.Count > 0)
                {
                    warnings.AddRange(moveWarnings);
                    throw new LoadException($"{info.Name}: the server raised {moveWarnings.Count} warning(s), first: {moveWarnings[0]}; rolled back, nothing was loaded");
                }

                results.Add(mode == LoadMode.Ignore
                    ? new TableLoadResult(info.Name, rows, rows - existingRows, 0, existingRows)
                    : new TableLoadResult(info.Name, rows, rows - existingRows, existingRows, 0));
            }

            cancellation.ThrowIfCancellationRequested();
            transaction.Commit();
            tracker.Finish();
        }
        catch (MySqlException e)
        {
            Undo(connection, created);
            // A server that wants a password and got none: say where a password comes from.
            string hint = password.Length == 0 && e.ErrorCode == MySqlErrorCode.AccessDenied
                ? " (no password was given: set VISMOOC_DB_PASSWORD or use --password-file)"
                : "";
            string reason = ConnectionFailure.Describe(e, target, waits.Connect) ?? e.Message;
            throw new LoadException($"{target}: {reason}{hint}; nothing was loaded", e);
        }
        catch (InvalidOperationException e)
        {
            Undo(connection, created);
            throw new LoadException($"{target}: {e.Message}; nothing was loaded", e);
        }
        catch (LoadException)
        {
            Undo(connection, created);
            throw;
        }
        finally
        {
            connection?.Dispose();
        }

        return new LoadResult(target, results, warnings, clock.Elapsed);
    }

    /// <summary>Refuses tables whose engine cannot roll back, then tables of another shape than declared.</summary>
    private static void Check(LoadTarget target, List<TableInfo> infos, Dictionary<string, ExistingTable> existing)
    {
        var nonTransactional = infos.Where(i => existing.TryGetValue(i.Name, out var e) && !e.IsView && !e.Transactional).Select(i => existing[i.Name]).ToList();
        if (nonTransactional.Count > 0)
        {
            throw new LoadException(TableShape.EngineMessage(target, nonTransactional));
        }

        var differing = infos.Where(i => existing.ContainsKey(i.Name))
            .Select(i => (Table: i.Name, Differences: TableShape.Differences(i, existing[i.Name], MySqlSchema.TypeDifference)))
            .Where(d => d.Differences.Count > 0)
            .ToList();
        if (differing.Count > 0)
        {
            throw new LoadException(TableShape.Message(target, differing));
        }
    }

    /// <summary>Waits, at most <paramref name="wait"/>, for the server-wide lock that one load of this database holds.</summary>
    private static void AcquireLoadLock(MySqlConnection connection, LoadTarget target, Action<string>? notice, TimeSpan wait)
    {
        string name = LockName(target.Database);
        if (GetLock(connection, name, TimeSpan.Zero))
        {
            return;
        }

        using (var holder = new MySqlCommand("SELECT IS_USED_LOCK(@name)", connection))
        {
            holder.Parameters.AddWithValue("@name", name);
            object? id = holder.ExecuteScalar();
            string who = id is null or DBNull ? "" : $" (server connection {System.Convert.ToString(id, CultureInfo.InvariantCulture)})";
            notice?.Invoke($"{target}: another load into this database is running{who}; waiting up to {LoadWaits.Describe(wait)} for it to finish");
        }

        if (!GetLock(connection, name, wait))
        {
            throw new LoadException($"{target}: another load into this database was still running after {LoadWaits.Describe(wait)}; run this load again when it has finished; nothing was loaded");
        }
    }

    private static bool GetLock(MySqlConnection connection, string name, TimeSpan wait)
    {
        using var command = new MySqlCommand("SELECT GET_LOCK(@name, @seconds)", connection);
        command.Parameters.AddWithValue("@name", name);
        command.Parameters.AddWithValue("@seconds", (long)Math.Ceiling(wait.TotalSeconds));
        object? got = command.ExecuteScalar();
        return got is not null and not DBNull && System.Convert.ToInt64(got, CultureInfo.InvariantCulture) == 1;
    }

    // Lock names are at most 64 characters; a database name may be 64 itself.
    private static string LockName(string database)
    {
        string name = "vismooc load " + database;
        return name.Length <= 64
            ? name
            : "vismooc load " + System.Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(database)))[..40];
    }

    /// <summary>
    /// Makes <paramref name="database"/> the current one, creating it only when it does not exist: a
    /// user who may write its tables but not create databases can load. True when this load created it.
    /// </summary>
    private static bool UseDatabase(MySqlConnection connection, string database)
    {
        try
        {
            connection.ChangeDatabase(database);
            return false;
        }
        catch (MySqlException e) when (e.ErrorCode == MySqlErrorCode.UnknownDatabase)
        {
        }

        bool created = true;
        try
        {
            Execute(connection, null, $"CREATE DATABASE {Quote(database)} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        catch (MySqlException e) when (e.ErrorCode == MySqlErrorCode.DatabaseCreateExists)
        {
            created = false; // someone else made it meanwhile: it is not this load's to remove
        }

        connection.ChangeDatabase(database);
        return created;
    }

    /// <summary>
    /// After a failed load (rolled back by then): drops the tables this load created, and the database
    /// if this load created it, each only while empty. Best effort: a connection that is gone cannot.
    /// </summary>
    private static void Undo(MySqlConnection? connection, Created created)
    {
        if (connection is null || connection.State != System.Data.ConnectionState.Open || (created.Tables.Count == 0 && !created.Database))
        {
            return;
        }

        try
        {
            foreach (string table in Enumerable.Reverse(created.Tables))
            {
                if (Scalar(connection, null, $"SELECT EXISTS (SELECT 1 FROM {table})") == 0)
                {
                    Execute(connection, null, $"DROP TABLE {table}");
                }
            }

            if (created.Database && Scalar(connection, null, "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()") == 0)
            {
                string database = connection.Database;
                Execute(connection, null, $"DROP DATABASE {Quote(database)}");
            }
        }
        catch (MySqlException)
        {
            // The load's own error is what the user needs to see.
        }
    }

    /// <summary>What this load created, so that a failed load can remove it again.</summary>
    private sealed class Created
    {
        public bool Database { get; set; }

        public List<string> Tables { get; } = [];
    }

    /// <summary>
    /// <c>LOAD DATA LOCAL</c> of one CSV into <paramref name="table"/> in the writers' dialect; any
    /// server warning (a value too long, a bad datetime, a duplicate key) fails the load.
    /// </summary>
    private static long BulkLoad(MySqlConnection connection, MySqlTransaction? transaction, MySqlLoadDescription load, string table, string path, LoadProgressTracker.Table progress, List<string> warnings, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        long expected = CsvFolder.CountRows(path);
        long loaded;
        using (var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        {
            // LOAD DATA LOCAL from a stream (MySqlConnector refuses server-named local paths without
            // verified TLS), as the table's generated load description says.
            var loader = BulkLoader(connection, load, table, new CountingStream(source, progress.Bytes));
            loaded = loader.LoadAsync(cancellation).GetAwaiter().GetResult();
        }

        var loadWarnings = Warnings(connection, transaction, Path.GetFileName(path), ignoreDuplicates: false);
        if (loadWarnings.Count > 0)
        {
            warnings.AddRange(loadWarnings);
            throw new LoadException($"{Path.GetFileName(path)}: the server raised {loadWarnings.Count} warning(s) while loading, first: {loadWarnings[0]}; nothing was loaded");
        }

        if (loaded != expected)
        {
            throw new LoadException($"{Path.GetFileName(path)}: the server loaded {loaded} of {expected} rows; nothing was loaded");
        }

        return loaded;
    }

    /// <summary>A bulk loader set up from <paramref name="load"/>, reading <paramref name="source"/> into <paramref name="table"/> (the described table or its staging copy).</summary>
    private static MySqlBulkLoader BulkLoader(MySqlConnection connection, MySqlLoadDescription load, string table, Stream source)
    {
        if (load.NullToken != load.Escape + "N")
        {
            // LOAD DATA has no NULL clause: with an escape character, NULL is always ESCAPE + 'N'.
            throw new InvalidOperationException($"{load.Table}: LOAD DATA reads NULL only as {load.Escape}N, not {load.NullToken}");
        }

        var loader = new MySqlBulkLoader(connection)
        {
            SourceStream = source,
            Local = true,
            TableName = table,
            CharacterSet = load.CharacterSet,
            FieldTerminator = load.FieldTerminator.ToString(),
            FieldQuotationCharacter = load.Encloser,
            FieldQuotationOptional = true,
            EscapeCharacter = load.Escape,
            LineTerminator = load.LineTerminator.ToString(),
            NumberOfLinesToSkip = 0,
        };
        loader.Columns.AddRange(load.Columns);
        return loader;
    }

    private static List<string> Warnings(MySqlConnection connection, MySqlTransaction? transaction, string what, bool ignoreDuplicates)
    {
        var list = new List<string>();
        using var command = new MySqlCommand("SHOW WARNINGS", connection, transaction);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            int code = System.Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
            if (ignoreDuplicates && code == DuplicateKeyWarning)
            {
                continue;
            }

            list.Add($"{what}: {reader.GetString(0)} {code.ToString(CultureInfo.InvariantCulture)}: {reader.GetString(2)}");
        }

        return list;
    }

    private static long Execute(MySqlConnection connection, MySqlTransaction? transaction, string sql, CancellationToken cancellation = default)
    {
        using var command = new MySqlCommand(sql, connection, transaction);
        cancellation.ThrowIfCancellationRequested();
        return cancellation.CanBeCanceled ? command.ExecuteNonQueryAsync(cancellation).GetAwaiter().GetResult() : command.ExecuteNonQuery();
    }

    private static long Scalar(MySqlConnection connection, MySqlTransaction? transaction, string sql)
    {
        using var command = new MySqlCommand(sql, connection, transaction);
        return System.Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static string Quote(string identifier) => "`" + identifier.Replace("`", "``", StringComparison.Ordinal) + "`";

    private static string Literal(string text) => "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
