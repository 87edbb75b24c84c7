using VisMooc.Modules.Checks;
using VisMooc.Modules.Output;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Reporting;
using VisMooc.Modules.Schema;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.Staging;

/// <summary>
/// Where one table's rows go during a run: a partial CSV (renamed to <c>{table}.csv</c> only by
/// <see cref="Commit"/>), the de-duplication set, the rejects file and the per-course counts.
/// Partial files are named per run and created only when no file has the name, so a run never
/// writes into another's file or through a symbolic link.
/// Converted rows arrive as <see cref="TableChunk"/>s, in input order, from one job.
/// </summary>
public sealed class TableOutput : IDisposable
{
    /// <summary>Finding name: rows dropped because their <c>_id</c> was written before, with the first few named.</summary>
    public const string DuplicateIds = "duplicateIds";

    /// <summary>Prefix of files that are not finished; never a final name. A run's own prefix adds its run id (see <see cref="RunPrefix"/>).</summary>
    public const string PartialPrefix = ".vismooc-partial-";

    // How much CSV to write before the kernel is asked to start putting it on disk.
    private const long WritebackBytes = 16 << 20;

    private readonly string _folder;
    private readonly string _partialPrefix;
    private readonly byte[]? _pseudonymKey;
    private readonly SeenKeys _seen = new();
    private readonly FileStream? _csv;
    private readonly ParquetTableSink? _parquet;
    private readonly string _csvPartial;
    private FileStream? _rejects;
    private string _rejectsPartial = "";
    private bool _committed;
    private CrossFileChecks.Observations? _observations;
    private long _rowsWritten;
    private long _writtenBack;

    /// <summary>
    /// Opens the partial files of <paramref name="table"/> in <paramref name="folder"/>, named with <paramref name="partialPrefix"/> (the run's <see cref="RunPrefix"/>):
    /// a CSV, or with <see cref="OutputFormat.Parquet"/> a Parquet file per course, made from the same rows.
    /// </summary>
    public TableOutput(TableDescriptor table, string folder, string partialPrefix, byte[]? pseudonymKey = null, OutputFormat format = OutputFormat.MySql)
    {
        _pseudonymKey = pseudonymKey;
        Table = table;
        _folder = folder;
        _partialPrefix = partialPrefix;
        _csvPartial = Path.Combine(folder, partialPrefix + table.Info.CsvFileName);
        if (format == OutputFormat.Parquet)
        {
            _parquet = new ParquetTableSink(table.Info, folder, partialPrefix);
        }
        else
        {
            _csv = new FileStream(_csvPartial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        }

        Stats = new TableStats("", table.Info.Name);
    }

    /// <summary>The table.</summary>
    public TableDescriptor Table { get; }

    /// <summary>A new run's prefix for its partial files: <c>.vismooc-partial-{run id}-</c>, the run id random (8 lowercase hex digits).</summary>
    /// <remarks>
    /// From a version-4 GUID, whose first 32 bits are random (from the system's secure source), not from
    /// <c>RandomNumberGenerator</c>: that loads OpenSSL, which a run without tracking logs or a key never needs.
    /// </remarks>
    public static string RunPrefix() => PartialPrefix + Guid.NewGuid().ToString("N")[..8] + "-";

    /// <summary>
    /// Whether the rows' usernames are hashed and kept for the cross-file checks (see
    /// <see cref="CrossFileChecks.ComparesUsernames"/>); true unless the run has no table to compare them with.
    /// </summary>
    public bool ObservesUsernames { get; init; } = true;

    /// <summary>Input bytes read by the job that feeds this table (shared by the tables of one job), for progress output.</summary>
    public ProgressCounter InputRead { get; set; } = new();

    /// <summary>Rows written so far, over all courses (read by the progress display while the job runs).</summary>
    public long RowsWritten => Volatile.Read(ref _rowsWritten);

    /// <summary>Counts of the course being converted.</summary>
    public TableStats Stats { get; private set; }

    /// <summary>Starts counting for another course (and, when given, recording what its rows reference).</summary>
    public void BeginCourse(TableStats stats, CrossFileChecks.Observations? observations = null)
    {
        Stats = stats;
        var (user, course, username) = CrossFileChecks.Fields(Table.Info);
        _observations = user >= 0 || course >= 0 || (username >= 0 && ObservesUsernames) ? observations : null;
    }

    /// <summary>A writer that converts this table's rows into chunks for <see cref="Append"/> (one per thread).</summary>
    public TableChunkWriter NewWriter() => new(Table, _pseudonymKey, ObservesUsernames);

    /// <summary>
    /// Writes a chunk's rows, dropping those whose <c>_id</c> was written before (duplicates: the
    /// first wins), and its rejects, warnings and counts. Chunks must come in input order, which
    /// is what makes the output the same for any number of threads. The chunk's buffers go back to
    /// the pool.
    /// </summary>
    public void Append(TableChunk chunk)
    {
        Stats.Read += chunk.Read;
        if (_observations is not null)
        {
            _observations.Add(chunk);
        }

        var csv = chunk.Csv;
        int pending = 0;
        int rowStart = 0;
        long written = 0;
        for (int i = 0; i < chunk.RowCount; i++)
        {
            var (end, keyStart, keyLength) = chunk.Row(i);
            if (_seen.Add(csv.Slice(keyStart, keyLength)))
            {
                written++;
            }
            else
            {
                Emit(csv[pending..rowStart]);
                pending = end;
                Stats.Duplicates++;
                NoteDuplicate(chunk, i, csv.Slice(keyStart, keyLength));
            }

            rowStart = end;
        }

        Emit(csv[pending..]);
        StartWriteback();
        Stats.Written += written;
        Volatile.Write(ref _rowsWritten, _rowsWritten + written);

        if (chunk.Rejects is { } rejects)
        {
            Stats.Rejected += chunk.RejectCount;
            AddExamples(Stats.RejectExamples, chunk.RejectExamples);
            OpenRejects().Write(rejects.GetBuffer(), 0, (int)rejects.Length);
        }

        Stats.Warnings += chunk.WarningCount;
        AddExamples(Stats.WarningExamples, chunk.WarningExamples);
        chunk.Return();
    }

    private void Emit(ReadOnlySpan<byte> rows)
    {
        if (_parquet is not null)
        {
            _parquet.Add(Stats.Course, rows);
        }
        else
        {
            _csv!.Write(rows);
        }
    }

    /// <summary>
    /// Names a duplicate row in the findings (<see cref="DuplicateIds"/>): file, line and its key
    /// (<c>_id</c>, or the table's own key column such as <c>observed_event_id</c>), quoted only when it has the shape of an id (digits, or <c>user-</c> and digits);
    /// any other value in a key column may be personal data.
    /// </summary>
    private void NoteDuplicate(TableChunk chunk, int row, ReadOnlySpan<byte> enclosedKey)
    {
        if (!Stats.WantsExample(DuplicateIds))
        {
            Stats.Note(DuplicateIds, null);
            return;
        }

        // The key as written: enclosed in quotes, escaped (an escaped key is no id shape anyway).
        var key = enclosedKey.Length >= 2 ? enclosedKey[1..^1] : enclosedKey;
        bool harmless = SafeText.IsDigits(key) || (key.StartsWith("user-"u8) && SafeText.IsDigits(key[5..]));
        long line = chunk.LineOf(row);
        string where = line > 0 ? chunk.FileName + ":" + line.ToString(System.Globalization.CultureInfo.InvariantCulture) : chunk.FileName;
        Stats.Note(DuplicateIds, $"{where}: {Table.Info.Columns[Table.Info.PrimaryKeyColumn].Name} {(harmless ? System.Text.Encoding.ASCII.GetString(key) : SafeText.Describe(key))}, already written (the first is kept)");
    }

    /// <summary>
    /// Has the kernel start writing what is written so far to disk: otherwise it waits (a large
    /// conversion's CSVs fit in the page cache), and the flush to disk in <see cref="Complete"/>
    /// would wait for all of it after the conversion instead of beside it.
    /// </summary>
    private void StartWriteback()
    {
        if (_csv is null)
        {
            return;
        }

        long position = _csv.Position;
        if (position - _writtenBack < WritebackBytes)
        {
            return;
        }

        _csv.Flush(flushToDisk: false);
        Writeback.Start(_csv.SafeFileHandle, _writtenBack, position - _writtenBack);
        _writtenBack = position;
    }

    private static void AddExamples(List<string> examples, List<string> more)
    {
        foreach (string example in more)
        {
            if (examples.Count == TableStats.MaxExamples)
            {
                return;
            }

            examples.Add(example);
        }
    }

    private FileStream OpenRejects()
    {
        if (_rejects is null)
        {
            Directory.CreateDirectory(Path.Combine(_folder, OutputFolder.RejectsFolder));
            _rejectsPartial = Path.Combine(_folder, OutputFolder.RejectsFolder, _partialPrefix + Table.Info.Name + ".tsv");
            _rejects = new FileStream(_rejectsPartial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            _rejects.Write("file\tline\treason\traw\n"u8);
        }

        return _rejects;
    }

    /// <summary>Flushes to disk and closes the partial files (call before <see cref="Commit"/>); rewrites the table as RFC 4180 when asked.</summary>
    public void Complete(OutputFormat format = OutputFormat.MySql)
    {
        if (_parquet is not null)
        {
            _parquet.Complete();
            _rejects?.Flush(flushToDisk: true);
            _rejects?.Dispose();
            return;
        }

        _csv!.Flush(flushToDisk: true);
        _csv.Dispose();
        if (format == OutputFormat.Rfc4180)
        {
            string transcoded = Transcoded;
            Rfc4180Transcoder.Transcode(Table.Info, _csvPartial, transcoded);
            File.Move(transcoded, _csvPartial, overwrite: true);
        }

        _rejects?.Flush(flushToDisk: true);
        _rejects?.Dispose();
        CsvFile = new CsvFileSize(Table.Info.Name, Table.Info.CsvFileName, RowsWritten, new FileInfo(_csvPartial).Length);
    }

    /// <summary>The finished CSV's rows and bytes, for <c>report.json</c> (which a load checks the file against); set by <see cref="Complete"/>.</summary>
    public CsvFileSize? CsvFile { get; private set; }

    /// <summary>The Parquet files written (course, partial path, rows, bytes), once <see cref="Complete"/> has run; empty for CSV output.</summary>
    public IReadOnlyList<(string Course, string Path, long Rows, long Bytes)> ParquetFiles => _parquet?.Files ?? [];

    /// <summary>The final names (relative to the output folder) that <see cref="Commit"/> writes or removes.</summary>
    public IEnumerable<string> FinalNames => FinalNamesOf(Table);

    /// <summary>
    /// The final names (relative to the output folder) of this run's Parquet files and rejects file,
    /// <paramref name="partition"/> giving a course's partition value.
    /// </summary>
    public IEnumerable<string> ParquetFinalNames(Func<string, string> partition, string runId) =>
        ParquetPartNames(partition, runId).Concat(_rejects is null ? [] : [ParquetRejectsName(runId)]);

    /// <summary>The final names (relative to the output folder) of this run's Parquet files, in the order of <see cref="ParquetFiles"/>.</summary>
    public IReadOnlyList<string> ParquetPartNames(Func<string, string> partition, string runId) => _parquet?.FinalNames(partition, runId) ?? [];

    private string ParquetRejectsName(string runId) => Path.Combine(OutputFolder.RejectsFolder, Table.Info.Name + "-" + runId + ".tsv");

    /// <summary>
    /// Gives this run's Parquet files their final names (a part of their own per run, beside the parts
    /// of other runs) and its rejects file <c>rejects/{table}-{runId}.tsv</c>; nothing of another run is replaced or removed.
    /// </summary>
    public void CommitParquet(Func<string, string> partition, string runId)
    {
        _parquet!.Commit(partition, runId);
        if (_rejects is not null)
        {
            File.Move(_rejectsPartial, Path.Combine(_folder, ParquetRejectsName(runId)), overwrite: false);
        }

        _committed = true;
    }

    /// <summary>The final names (relative to the output folder) of a table's files: its CSV and its rejects file.</summary>
    public static IEnumerable<string> FinalNamesOf(TableDescriptor table) => [table.Info.CsvFileName, Path.Combine(OutputFolder.RejectsFolder, table.Info.Name + ".tsv")];

    private string Transcoded => _csvPartial + ".rfc4180";

    /// <summary>Gives the finished files their final names; a rejects file of an earlier run is removed when this run has none.</summary>
    public void Commit()
    {
        File.Move(_csvPartial, Path.Combine(_folder, Table.Info.CsvFileName), overwrite: true);
        string finalRejects = Path.Combine(_folder, OutputFolder.RejectsFolder, Table.Info.Name + ".tsv");
        if (_rejects is not null)
        {
            File.Move(_rejectsPartial, finalRejects, overwrite: true);
        }
        else if (File.Exists(finalRejects))
        {
            File.Delete(finalRejects);
        }

        _committed = true;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        // Closing flushes what is buffered, which fails again on a full disk: the error that stopped
        // the run has been reported already, and the partial files are deleted just below.
        if (_csv is not null)
        {
            TryClose(_csv);
        }

        _parquet?.Dispose();
        if (_rejects is not null)
        {
            TryClose(_rejects);
        }

        if (!_committed)
        {
            TryDelete(_csvPartial);
            TryDelete(Transcoded);
            if (_rejects is not null)
            {
                TryDelete(_rejectsPartial);
            }
        }
    }

    private static void TryClose(FileStream stream)
    {
        try
        {
            stream.Dispose();
        }
        catch (IOException)
        {
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
