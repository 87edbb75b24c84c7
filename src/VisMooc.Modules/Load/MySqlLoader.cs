using System.Diagnostics;
using System.Globalization;
using MySqlConnector;
using VisMooc.Modules.Output;
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
    /// <exception cref="LoadException">The load failed; no table changed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> stopped it (the running statement is cancelled); no table changed.</exception>
    public static LoadResult Load(string folder, LoadTarget target, string password, LoadMode mode, IReadOnlyList<TableDescriptor> tables, Action<Convert.ConvertProgress>? progress = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var files = CsvFolder.Files(folder, tables);
        using var tracker = new LoadProgressTracker(progress, files.Select(f => (f.Table.Info.Name, f.Path)));
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
            ConnectionTimeout = 15,
            DefaultCommandTimeout = 0,
            Pooling = false,
        };
        try
        {
            using var connection = new MySqlConnection(builder.ConnectionString);
            connection.Open();
            Execute(connection, null, $"CREATE DATABASE IF NOT EXISTS {Quote(target.Database)} CHARACTER SET utf8mb4");
            connection.ChangeDatabase(target.Database);
            Execute(connection, null, "SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION'");
            // Tables that are empty before the load (a new database, the usual case) are loaded
            // straight into place inside the transaction; the others are staged first, so that the
            // summary can count kept and replaced rows and duplicate-key notes of a reload cannot
            // hide a real warning (SHOW WARNINGS keeps only 64). Either way any server warning fails
            // the whole load, and nothing is committed before every table is in.
            var empty = new bool[files.Count];
            var staged = new (TableInfo Info, string Stage, long Rows)?[files.Count];
            for (int t = 0; t < files.Count; t++)
            {
                var info = files[t].Table.Info;
                Execute(connection, null, info.MySqlCreate);
                empty[t] = Scalar(connection, null, $"SELECT EXISTS (SELECT 1 FROM {info.Name})") == 0;
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
                long loaded = BulkLoad(connection, null, stage, path, tracker[t], warnings, cancellation);
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
                    long loaded = BulkLoad(connection, transaction, info.Name, files[t].Path, tracker[t], warnings, cancellation);
                    results.Add(new TableLoadResult(info.Name, loaded, loaded, 0, 0));
                    tracker[t].Rows = loaded;
                    tracker[t].Done = true;
                    continue;
                }

                string key = info.Columns[info.PrimaryKeyColumn].Name;
                long existing = Scalar(connection, transaction, $"SELECT COUNT(*) FROM {stage} s JOIN {info.Name} t ON t.{key} = s.{key}");
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
                    ? new TableLoadResult(info.Name, rows, rows - existing, 0, existing)
                    : new TableLoadResult(info.Name, rows, rows - existing, existing, 0));
            }

            cancellation.ThrowIfCancellationRequested();
            transaction.Commit();
            tracker.Finish();
        }
        catch (MySqlException e)
        {
            // A server that wants a password and got none: say where a password comes from.
            string hint = password.Length == 0 && e.ErrorCode == MySqlErrorCode.AccessDenied
                ? " (no password was given: set VISMOOC_DB_PASSWORD or use --password-file)"
                : "";
            throw new LoadException($"{target}: {e.Message}{hint}; nothing was loaded", e);
        }
        catch (InvalidOperationException e)
        {
            throw new LoadException($"{target}: {e.Message}; nothing was loaded", e);
        }

        return new LoadResult(target, results, warnings, clock.Elapsed);
    }

    /// <summary>
    /// <c>LOAD DATA LOCAL</c> of one CSV into <paramref name="table"/> in the writers' dialect; any
    /// server warning (a value too long, a bad datetime, a duplicate key) fails the load.
    /// </summary>
    private static long BulkLoad(MySqlConnection connection, MySqlTransaction? transaction, string table, string path, LoadProgressTracker.Table progress, List<string> warnings, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        long expected = CsvFolder.CountRows(path);
        long loaded;
        using (var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        {
            // LOAD DATA LOCAL from a stream (MySqlConnector refuses server-named local paths without
            // verified TLS), configured from the same dialect constants the writers use.
            var loader = new MySqlBulkLoader(connection)
            {
                SourceStream = new Convert.CountingStream(source, progress.Bytes),
                Local = true,
                TableName = table,
                CharacterSet = MySqlCsvDialect.CharacterSet,
                FieldTerminator = MySqlCsvDialect.FieldTerminator.ToString(),
                FieldQuotationCharacter = MySqlCsvDialect.Encloser,
                FieldQuotationOptional = true,
                EscapeCharacter = MySqlCsvDialect.Escape,
                LineTerminator = MySqlCsvDialect.LineTerminator.ToString(),
                NumberOfLinesToSkip = 0,
            };
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
        cancellation.ThrowIfCancellationRequested();
        using var command = new MySqlCommand(sql, connection, transaction);
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
