using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Load;

/// <summary>
/// Loads a conversion's output into a DuckDB file: the CSV folder (read with the dialect reader and
/// put in through DuckDB's appender: DuckDB's own CSV reader cannot read the MySQL dialect's
/// backslash escapes) or a Parquet dataset folder (every part its <c>report-{run id}.json</c> lists,
/// read by DuckDB itself). A missing table is created with its generated <c>DuckDbCreate</c>; an existing
/// one is first compared with its declaration (<see cref="TableShape"/>). All of it is one transaction,
/// so any error leaves the file as it was (a new file is removed).
/// </summary>
public static class DuckDbLoader
{
    /// <summary>Loads <paramref name="folder"/> into <paramref name="databasePath"/>.</summary>
    /// <exception cref="LoadException">The load failed; nothing was loaded.</exception>
    public static LoadResult Load(string folder, string databasePath, LoadMode mode, IReadOnlyList<TableDescriptor> tables,
        Action<Reporting.ConvertProgress>? progress = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var target = LoadTarget.DuckDb(databasePath);
        bool parquet = !File.Exists(Path.Combine(folder, Folders.ReportFile.Name)) && ParquetFolder.IsOne(folder);
        var csvFiles = parquet ? [] : CsvFolder.Files(folder, tables);
        var parquetFiles = parquet ? ParquetFolder.Files(folder, tables) : [];
        if (IO.FileType.NotRegular(target.SqlitePath) is string what)
        {
            throw new LoadException($"{target.SqlitePath}: is {what}, not a DuckDB database file; nothing was loaded");
        }

        // click_events is written only with tracking logs; a table without rows has no part, and is created empty.
        var plan = tables.Select(t => t.Info)
            .Select(table => new TablePlan(table, csvFiles.FirstOrDefault(f => f.Table.Info.Name == table.Name).Path, parquetFiles.Where(f => f.Table == table.Name).Select(f => f.Path).ToList()))
            .Where(p => p.Csv is not null || p.Parts.Count > 0 || p.Table.Input.Format != InputFormat.TrackingLog)
            .ToList();
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
                using var tracker = new LoadProgressTracker(progress, plan.Select(p => (p.Table.Name, p.Bytes)));
                // Every existing table is checked before anything is written.
                var existing = DuckDbSchema.Read(connection, plan.Select(p => p.Table));
                Check(target, plan.Select(p => p.Table), existing);
                for (int t = 0; t < plan.Count; t++)
                {
                    cancellation.ThrowIfCancellationRequested();
                    var table = plan[t].Table;
                    if (!existing.ContainsKey(table.Name))
                    {
                        Execute(connection, table.DuckDbCreate);
                    }

                    results.Add(LoadTable(connection, table, plan[t].Csv, plan[t].Parts, mode, workFolder, tracker[t], cancellation));
                    tracker[t].Done = true;
                }

                cancellation.ThrowIfCancellationRequested();
                Execute(connection, "COMMIT");
                tracker.Finish();
            }

            return new LoadResult(target, results, [], clock.Elapsed);
        }
        catch (Exception e) when (e is DuckDBException or InvalidDataException or IOException or UnauthorizedAccessException or OperationCanceledException or LoadException)
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

            if (e is OperationCanceledException or LoadException)
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

    /// <summary>One table to load: its CSV (a CSV folder) or its parts (a Parquet dataset), and their bytes in all.</summary>
    private sealed record TablePlan(TableInfo Table, string? Csv, List<string> Parts)
    {
        public long Bytes => Csv is not null ? new FileInfo(Csv).Length : Parts.Sum(p => new FileInfo(p).Length);
    }

    /// <summary>Refuses the load, before anything is written, when an existing table differs from its declaration.</summary>
    private static void Check(LoadTarget target, IEnumerable<TableInfo> tables, Dictionary<string, ExistingTable> existing)
    {
        var differing = new List<(string Table, List<string> Differences)>();
        foreach (var info in tables.Where(i => existing.ContainsKey(i.Name)))
        {
            var declared = DuckDbSchema.Declared(info);
            var differences = TableShape.Differences(info, existing[info.Name], (column, have) => DuckDbSchema.TypeDifference(column, have, declared));
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

    private static TableLoadResult LoadTable(DuckDBConnection connection, TableInfo table, string? csv, List<string> parts, LoadMode mode, string workFolder, LoadProgressTracker.Table progress, CancellationToken cancellation)
    {
        // The rows go into a staging table first, then into the table as one statement in the mode's way.
        string stage = "vismooc_stage_" + table.Name;
        Execute(connection, $"CREATE TEMP TABLE {stage} AS SELECT * FROM {table.Name} LIMIT 0");
        long rows = 0;
        if (csv is not null)
        {
            rows = AppendCsv(connection, stage, table, csv, workFolder, progress, cancellation);
        }
        else
        {
            // In batches of about 64 MiB, in report order (the staging table's rowid keeps it), so progress
            // moves as they go in while many small parts (one per course) still go in a few statements.
            var batch = new List<string>();
            long bytes = 0;
            for (int i = 0; i < parts.Count; i++)
            {
                batch.Add(parts[i]);
                bytes += new FileInfo(parts[i]).Length;
                if (bytes >= 64L << 20 || i == parts.Count - 1)
                {
                    cancellation.ThrowIfCancellationRequested();
                    rows += InsertParquet(connection, stage, table, batch);
                    progress.Rows = rows;
                    progress.Bytes.Add(bytes);
                    batch.Clear();
                    bytes = 0;
                }
            }
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
    private static long AppendCsv(DuckDBConnection connection, string stage, TableInfo table, string path, string workFolder, LoadProgressTracker.Table progress, CancellationToken cancellation)
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
                    progress.Rows += buffer.AsSpan(0, whole).Count((byte)'\n');
                    progress.Bytes.Add(whole);
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
