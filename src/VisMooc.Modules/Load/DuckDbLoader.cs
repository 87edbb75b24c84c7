using System.Diagnostics;
using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Load;

/// <summary>
/// Loads a conversion's output into a DuckDB file: the CSV folder (read with the dialect reader and
/// put in through DuckDB's appender: DuckDB's own CSV reader cannot read the MySQL dialect's
/// backslash escapes) or a Parquet dataset folder (every part its <c>report-{run id}.json</c> lists,
/// read by DuckDB itself). Tables are created from the declarations (<see cref="CreateTable"/>); all
/// of it is one transaction, so any error leaves the file as it was (a new file is removed).
/// </summary>
public static class DuckDbLoader
{
    /// <summary>Loads <paramref name="folder"/> into <paramref name="databasePath"/>.</summary>
    /// <exception cref="LoadException">The load failed; nothing was loaded.</exception>
    public static LoadResult Load(string folder, string databasePath, LoadMode mode, IReadOnlyList<TableDescriptor> tables,
        Action<Reporting.ConvertProgress>? progress = null, CancellationToken cancellation = default)
    {
        _ = progress;
        var clock = Stopwatch.StartNew();
        var target = LoadTarget.DuckDb(databasePath);
        bool parquet = !File.Exists(Path.Combine(folder, Folders.ReportFile.Name)) && ParquetFolder.IsOne(folder);
        var csvFiles = parquet ? [] : CsvFolder.Files(folder, tables);
        var parquetFiles = parquet ? ParquetFolder.Files(folder, tables) : [];
        if (IO.FileType.NotRegular(target.SqlitePath) is string what)
        {
            throw new LoadException($"{target.SqlitePath}: is {what}, not a DuckDB database file; nothing was loaded");
        }

        bool created = !File.Exists(target.SqlitePath);
        string workFolder = Path.Combine(Path.GetDirectoryName(target.SqlitePath)!, "." + Path.GetFileName(target.SqlitePath) + ".vismooc-loading-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var results = new List<TableLoadResult>();
            Directory.CreateDirectory(Path.GetDirectoryName(target.SqlitePath)!);
            using (var connection = new DuckDBConnection("DataSource=" + target.SqlitePath))
            {
                connection.Open();
                Execute(connection, "BEGIN TRANSACTION");
                foreach (var table in tables.Select(t => t.Info))
                {
                    cancellation.ThrowIfCancellationRequested();
                    string? csv = csvFiles.FirstOrDefault(f => f.Table.Info.Name == table.Name).Path;
                    var parts = parquetFiles.Where(f => f.Table == table.Name).Select(f => f.Path).ToList();
                    // click_events is written only with tracking logs; a table without rows has no part, and is created empty.
                    if (csv is null && parts.Count == 0 && table.Input.Format == InputFormat.TrackingLog)
                    {
                        continue;
                    }

                    results.Add(LoadTable(connection, table, csv, parts, mode, workFolder, cancellation));
                }

                cancellation.ThrowIfCancellationRequested();
                Execute(connection, "COMMIT");
            }

            return new LoadResult(target, results, [], clock.Elapsed);
        }
        catch (Exception e) when (e is DuckDBException or InvalidDataException or IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            if (created)
            {
                foreach (string file in new[] { target.SqlitePath, target.SqlitePath + ".wal" })
                {
                    try
                    {
                        File.Delete(file);
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                        // the load's own error is the one to report
                    }
                }
            }

            if (e is OperationCanceledException)
            {
                throw;
            }

            throw new LoadException($"{databasePath}: {e.Message.Split('\n')[0]}; nothing was loaded", e);
        }
        finally
        {
            if (Directory.Exists(workFolder))
            {
                Directory.Delete(workFolder, recursive: true);
            }
        }
    }

    /// <summary>The DuckDB <c>CREATE TABLE</c> of a declared table: its columns with their types and NULL-ness, and its primary key.</summary>
    public static string CreateTable(TableInfo table)
    {
        var sql = new StringBuilder("CREATE TABLE IF NOT EXISTS ").Append(table.Name).Append(" (\n");
        foreach (var column in table.Columns)
        {
            sql.Append("    \"").Append(column.Name).Append("\" ").Append(TypeOf(column.Type)).Append(column.Nullable ? " NULL" : " NOT NULL").Append(",\n");
        }

        sql.Append("    PRIMARY KEY (\"").Append(table.Columns[table.PrimaryKeyColumn].Name).Append("\")\n)");
        return sql.ToString();
    }

    /// <summary>The DuckDB type of a declared SQL type (datetimes are UTC, as in the other databases, without a zone).</summary>
    public static string TypeOf(SqlType type) => type switch
    {
        SqlType.Datetime or SqlType.DateTime6 => "TIMESTAMP",
        SqlType.TinyInt => "TINYINT",
        SqlType.Int => "INTEGER",
        SqlType.BigInt => "BIGINT",
        SqlType.Double => "DOUBLE",
        _ => "VARCHAR",
    };

    private static TableLoadResult LoadTable(DuckDBConnection connection, TableInfo table, string? csv, List<string> parts, LoadMode mode, string workFolder, CancellationToken cancellation)
    {
        Execute(connection, CreateTable(table));
        foreach (var column in table.Columns.Where(c => c.Index))
        {
            Execute(connection, $"CREATE INDEX IF NOT EXISTS {table.Name}_{column.Name} ON {table.Name} (\"{column.Name}\")");
        }

        // The rows go into a staging table first, then into the table as one statement in the mode's way.
        string stage = "vismooc_stage_" + table.Name;
        Execute(connection, $"CREATE TEMP TABLE {stage} AS SELECT * FROM {table.Name} LIMIT 0");
        long rows;
        if (csv is not null)
        {
            rows = AppendCsv(connection, stage, table, csv, workFolder, cancellation);
        }
        else if (parts.Count == 0)
        {
            rows = 0;
        }
        else
        {
            rows = InsertParquet(connection, stage, table, parts);
        }

        cancellation.ThrowIfCancellationRequested();
        string key = "\"" + table.Columns[table.PrimaryKeyColumn].Name + "\"";
        long before = Scalar(connection, $"SELECT count(*) FROM {table.Name}");

        // Shards of one dataset can hold the same event twice (a log line in two shards' files): the first part's row is kept.
        string distinct = $"SELECT * FROM {stage} QUALIFY row_number() OVER (PARTITION BY {key} ORDER BY rowid) = 1";
        long replaced = 0;
        if (mode == LoadMode.Replace)
        {
            replaced = ExecuteCount(connection, $"DELETE FROM {table.Name} WHERE {key} IN (SELECT {key} FROM {stage})");
        }

        Execute(connection, $"INSERT INTO {table.Name} {distinct} ON CONFLICT DO NOTHING");
        Execute(connection, $"DROP TABLE {stage}");
        long added = Scalar(connection, $"SELECT count(*) FROM {table.Name}") - before;
        return mode == LoadMode.Ignore
            ? new TableLoadResult(table.Name, rows, added, 0, rows - added)
            : new TableLoadResult(table.Name, rows, added, replaced, 0);
    }

    /// <summary>
    /// Puts a CSV's rows into the staging table through a Parquet file of its own (the same writer as
    /// <c>convert --format parquet</c>), which DuckDB then reads: DuckDB's appender cuts text at a NUL
    /// character, and its CSV reader cannot read the dialect's backslash escapes.
    /// </summary>
    private static long AppendCsv(DuckDBConnection connection, string stage, TableInfo table, string path, string workFolder, CancellationToken cancellation)
    {
        Directory.CreateDirectory(workFolder);
        List<string> parts;
        using (var sink = new Output.ParquetTableSink(table, workFolder, table.Name + "-"))
        {
            using (var csv = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan))
            {
                byte[] buffer = new byte[1 << 20];
                int held = 0;
                while (true)
                {
                    cancellation.ThrowIfCancellationRequested();
                    if (held == buffer.Length)
                    {
                        Array.Resize(ref buffer, buffer.Length * 2);
                    }

                    int read = csv.Read(buffer, held, buffer.Length - held);
                    held += read;
                    int whole = buffer.AsSpan(0, held).LastIndexOf((byte)'\n') + 1;
                    if (read == 0 && whole < held)
                    {
                        throw new InvalidDataException($"{path}: ends inside a row");
                    }

                    sink.Add("", buffer.AsSpan(0, whole));
                    buffer.AsSpan(whole, held - whole).CopyTo(buffer);
                    held -= whole;
                    if (read == 0)
                    {
                        break;
                    }
                }
            }

            sink.Complete();
            parts = sink.Files.Select(f => f.Path).ToList();
            sink.KeepFiles();
        }

        return parts.Count == 0 ? 0 : InsertParquet(connection, stage, table, parts);
    }

    /// <summary>Inserts the rows of Parquet files written from the declarations into the staging table.</summary>
    private static long InsertParquet(DuckDBConnection connection, string stage, TableInfo table, List<string> parts)
    {
        // Timestamps marked UTC-adjusted read as TIMESTAMPTZ; their microseconds give the UTC TIMESTAMP whatever the session's zone.
        string columns = string.Join(", ", table.Columns.Select(c => c.Type is SqlType.Datetime or SqlType.DateTime6 ? $"make_timestamp(epoch_us(\"{c.Name}\"))" : $"\"{c.Name}\""));
        string list = string.Join(", ", parts.Select(p => "'" + p.Replace("'", "''", StringComparison.Ordinal) + "'"));
        return ExecuteCount(connection, $"INSERT INTO {stage} SELECT {columns} FROM read_parquet([{list}])");
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long ExecuteCount(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    private static long Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return System.Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
