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
/// so any error leaves the file as it was; a new file is built under a hidden name and put in place
/// only when complete, and one load at a time writes a file (a second one waits).
/// </summary>
public static class DuckDbLoader
{
    /// <summary>Loads <paramref name="folder"/> into <paramref name="databasePath"/>.</summary>
    /// <exception cref="LoadException">The load failed; nothing was loaded.</exception>
    /// <param name="folder">The CSV folder or Parquet dataset folder.</param>
    /// <param name="databasePath">The DuckDB file (created when missing).</param>
    /// <param name="mode">What to do with rows whose <c>_id</c> is already there.</param>
    /// <param name="tables">The tables.</param>
    /// <param name="progress">Called a few times a second with rows and bytes loaded per table, and once at the end; null for none.</param>
    /// <param name="notice">Told, in one line, when the load has to wait for another process that has the file open; null for none.</param>
    /// <param name="waits">How long to wait for that process; null for <see cref="LoadWaits.Default"/>.</param>
    /// <param name="cancellation">Stops the load between statements (<see cref="OperationCanceledException"/>); the transaction is rolled back and a new file removed.</param>
    public static LoadResult Load(string folder, string databasePath, LoadMode mode, IReadOnlyList<TableDescriptor> tables,
        Action<Reporting.ConvertProgress>? progress = null, Action<string>? notice = null, LoadWaits? waits = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var target = LoadTarget.DuckDb(databasePath);
        bool parquet = !File.Exists(Path.Combine(folder, Folders.ReportFile.Name)) && ParquetFolder.IsOne(folder);
        if (!parquet && ParquetFolder.IsOne(folder))
        {
            // Loading one and leaving the other aside would load a part of what the folder holds without a word.
            throw new LoadException($"{Path.GetFullPath(folder)}: holds both a CSV conversion ({Folders.ReportFile.Name}) and a Parquet dataset (report-*.json), so it is not clear which to load: "
                + "convert into separate folders (or move one of them out) and load each; nothing was loaded");
        }

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
        var load = new Job(target, plan, mode, progress, notice, waits ?? LoadWaits.Default, cancellation);
        try
        {
            var results = File.Exists(target.SqlitePath) ? load.Into(target.SqlitePath) : load.IntoNewFile();
            return new LoadResult(target, results, [], clock.Elapsed);
        }
        catch (InvalidDataException e)
        {
            // A CSV that cannot be read: its message names the file, line and column.
            throw new LoadException(e.Message + "; nothing was loaded", e);
        }
        catch (Exception e) when (e is DuckDBException or IOException or UnauthorizedAccessException)
        {
            throw new LoadException($"{databasePath}: {e.Message.Split('\n')[0]}; nothing was loaded", e);
        }
    }

    /// <summary>One load's settings, and the steps that use them.</summary>
    private sealed class Job(LoadTarget target, List<TablePlan> plan, LoadMode mode, Action<Reporting.ConvertProgress>? progress,
        Action<string>? notice, LoadWaits waits, CancellationToken cancellation)
    {
        /// <summary>The hidden name, beside the database, of what this load makes on the way (unique to the process and the load).</summary>
        private readonly string _work = NewDatabaseFile.WorkPath(target.SqlitePath);

        /// <summary>
        /// Loads into a database that does not exist yet: built under a hidden name of its own in the
        /// same folder and linked into place without replacing anything, so a failed or killed load
        /// never leaves a file under the database's name (nor the folders it made), and another
        /// load never sees, nor removes, a half-made database.
        /// </summary>
        public List<TableLoadResult> IntoNewFile()
        {
            string path = target.SqlitePath;
            return NewDatabaseFile.Build(path, _work, [_work, _work + ".wal"], () =>
            {
                var results = Into(_work);
                if (File.Exists(_work + ".wal"))
                {
                    throw new IOException($"DuckDB left {_work}.wal after the checkpoint, so the new file does not hold every row yet");
                }

                return results;
            }, () => Into(path));
        }

        /// <summary>Loads every table into <paramref name="file"/> in one transaction, checkpointed into the file at the end.</summary>
        public List<TableLoadResult> Into(string file)
        {
            string parts = _work + ".parts";
            try
            {
                var results = new List<TableLoadResult>();
                using var connection = Open(file);
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

                    results.Add(LoadTable(connection, table, plan[t].Csv, plan[t].Parts, mode, parts, tracker[t], cancellation));
                    tracker[t].Done = true;
                }

                // The CSVs' Parquet copies are in the tables now: gone before the commit, so their folder
                // is there only while the transaction is open.
                if (Directory.Exists(parts))
                {
                    Directory.Delete(parts, recursive: true);
                }

                cancellation.ThrowIfCancellationRequested();
                Execute(connection, "COMMIT");
                // Into the file itself now, not at some later open: a new file is moved into place without its WAL.
                Execute(connection, "CHECKPOINT");
                tracker.Finish();
                return results;
            }
            finally
            {
                if (Directory.Exists(parts))
                {
                    Directory.Delete(parts, recursive: true);
                }
            }
        }

        /// <summary>
        /// Opens <paramref name="file"/> (created when missing). DuckDB lets one process at a time
        /// write a file: while another has it open (another load, or any program), says so once and
        /// tries again, at most <see cref="LoadWaits.OtherLoad"/>, as the SQLite and MySQL loads wait.
        /// </summary>
        private DuckDBConnection Open(string file)
        {
            // The builder quotes the path: a ';' or '=' in it is part of the file name, never another setting.
            string connectionString = new DuckDBConnectionStringBuilder { DataSource = file }.ToString();
            var waited = Stopwatch.StartNew();
            bool told = false;
            while (true)
            {
                var connection = new DuckDBConnection(connectionString);
                try
                {
                    connection.Open();
                    return connection;
                }
                catch (DuckDBException e) when (e.Message.Contains("Could not set lock on file", StringComparison.Ordinal))
                {
                    connection.Dispose();
                    if (waited.Elapsed >= waits.OtherLoad)
                    {
                        throw new LoadException($"{target}: another load (or another program) still had this database open after {LoadWaits.Describe(waits.OtherLoad)}; run this load again when it has finished; nothing was loaded", e);
                    }

                    if (!told)
                    {
                        notice?.Invoke($"{target}: another load (or another program) has this database open; waiting up to {LoadWaits.Describe(waits.OtherLoad)} for it to finish");
                        told = true;
                    }

                    cancellation.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(200));
                    cancellation.ThrowIfCancellationRequested();
                }
                catch
                {
                    connection.Dispose();
                    throw;
                }
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
                    rows += InsertParts(connection, stage, table, batch);
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

    /// <summary>
    /// Inserts the rows of a dataset's parts; when DuckDB cannot read them (a part damaged or edited
    /// since the conversion, its length kept), the error names the part, as it names a CSV's line.
    /// </summary>
    private static long InsertParts(DuckDBConnection connection, string stage, TableInfo table, List<string> parts)
    {
        try
        {
            return InsertParquet(connection, stage, table, parts);
        }
        catch (DuckDBException e)
        {
            // The transaction is aborted now: each part is read again, alone, on a connection of its own.
            string culprit = parts.Count == 1 ? parts[0] : parts.FirstOrDefault(p => !Readable(p)) ?? string.Join(", ", parts);
            throw new LoadException($"{culprit}: DuckDB cannot read it ({e.Message.Split('\n')[0]}): it was damaged or changed after the conversion; copy it again; nothing was loaded", e);
        }
    }

    /// <summary>True when every row of the Parquet file <paramref name="part"/> can be read.</summary>
    private static bool Readable(string part)
    {
        try
        {
            using var memory = new DuckDBConnection("DataSource=:memory:");
            memory.Open();
            Execute(memory, $"CREATE TABLE t AS SELECT * FROM read_parquet('{part.Replace("'", "''", StringComparison.Ordinal)}')");
            return true;
        }
        catch (DuckDBException)
        {
            return false;
        }
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
