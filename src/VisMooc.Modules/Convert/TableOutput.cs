using VisMooc.Modules.Output;
using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Convert;

/// <summary>
/// Where one table's rows go during a run: a partial CSV (renamed to <c>{table}.csv</c> only by
/// <see cref="Commit"/>), the de-duplication set, the rejects file and the per-course counts.
/// </summary>
public sealed class TableOutput : IWarningSink, IDisposable
{
    /// <summary>Prefix of files that are not finished; never a final name.</summary>
    public const string PartialPrefix = ".vismooc-partial-";

    private readonly string _folder;
    private readonly CellWriter _writer = new();
    private readonly SeenKeys _seen = new();
    private readonly FileStream _csv;
    private readonly string _csvPartial;
    private readonly IReadOnlyList<int> _keyFields;
    private FileStream? _rejects;
    private string _rejectsPartial = "";
    private string _file = "";
    private long _line;
    private string? _where;
    private bool _committed;
    private readonly int _userField;
    private readonly int _courseField;
    private CrossFileChecks.Observations? _observations;
    private long _rowsWritten;

    /// <summary>Opens the partial files of <paramref name="table"/> in <paramref name="folder"/>.</summary>
    public TableOutput(TableDescriptor table, string folder, byte[]? pseudonymKey = null)
    {
        _writer.PseudonymKey = pseudonymKey;
        Table = table;
        _folder = folder;
        _keyFields = table.Info.KeyFields;
        (_userField, _courseField) = CrossFileChecks.Fields(table.Info);
        _csvPartial = Path.Combine(folder, PartialPrefix + table.Info.CsvFileName);
        _csv = new FileStream(_csvPartial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        _writer.Warnings = this;
        Stats = new TableStats("", table.Info.Name);
    }

    /// <summary>The table.</summary>
    public TableDescriptor Table { get; }

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
        _observations = _userField >= 0 || _courseField >= 0 ? observations : null;
    }

    /// <summary>Sets the file and line (or, for records without lines, what) that messages about the next row name.</summary>
    public void At(string file, long line, string? where = null)
    {
        _file = file;
        _line = line;
        _where = where;
    }

    private string Location => _where is not null ? $"{_file}: {_where}" : $"{_file}:{_line}";

    /// <summary>
    /// Converts and writes one row, or drops it when its <c>_id</c> was written before (a duplicate).
    /// Returns the reason when a key field is missing: the caller then rejects the row with its raw text.
    /// </summary>
    public string? Write(IRowSource row)
    {
        foreach (int k in _keyFields)
        {
            if (row.Get(k).IsNullOrEmpty)
            {
                return "missing key field '" + Table.Info.SourceFields[k] + "'";
            }
        }

        Table.WriteRow(row, _writer);

        // The cross-file checks compare what each course's files hold, so a duplicate counts too:
        // a learner in two courses is written once, but is in both courses' auth_user files.
        _observations?.Observe(_userField >= 0 ? row.Get(_userField) : default, _courseField >= 0 ? row.Get(_courseField) : default);
        if (!_seen.Add(_writer.Key))
        {
            Stats.Duplicates++;
            return null;
        }

        _csv.Write(_writer.Row);
        Stats.Written++;
        Volatile.Write(ref _rowsWritten, _rowsWritten + 1);
        return null;
    }

    /// <summary>Records a rejected row in <c>rejects/{table}.tsv</c> with its reason and raw text.</summary>
    public void Reject(string reason, ReadOnlySpan<byte> raw)
    {
        Stats.Rejected++;
        if (Stats.RejectExamples.Count < TableStats.MaxExamples)
        {
            Stats.RejectExamples.Add($"{Location}: {reason}");
        }

        if (_rejects is null)
        {
            Directory.CreateDirectory(Path.Combine(_folder, "rejects"));
            _rejectsPartial = Path.Combine(_folder, "rejects", PartialPrefix + Table.Info.Name + ".tsv");
            _rejects = new FileStream(_rejectsPartial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            _rejects.Write("file\tline\treason\traw\n"u8);
        }

        TsvText.AppendEscaped(_rejects, System.Text.Encoding.UTF8.GetBytes(_file));
        _rejects.WriteByte((byte)'\t');
        _rejects.Write(System.Text.Encoding.ASCII.GetBytes(_line.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        _rejects.WriteByte((byte)'\t');
        TsvText.AppendEscaped(_rejects, System.Text.Encoding.UTF8.GetBytes(reason));
        _rejects.WriteByte((byte)'\t');
        TsvText.AppendEscaped(_rejects, raw);
        _rejects.WriteByte((byte)'\n');
    }

    /// <inheritdoc/>
    public void Warn(string column, string message)
    {
        Stats.Warnings++;
        if (Stats.WarningExamples.Count < TableStats.MaxExamples)
        {
            Stats.WarningExamples.Add(column.Length > 0 ? $"{Location}: column '{column}': {message}" : $"{Location}: {message}");
        }
    }

    /// <summary>Warns that the current record holds invalid UTF-8 (whose bytes the writer replaces by U+FFFD), naming its offset in the file.</summary>
    public void WarnInvalidUtf8(long fileOffset) =>
        Warn("", "invalid UTF-8 at byte offset " + fileOffset.ToString(System.Globalization.CultureInfo.InvariantCulture) + " of the file; written as U+FFFD");

    /// <summary>Flushes to disk and closes the partial files (call before <see cref="Commit"/>); rewrites the table as RFC 4180 when asked.</summary>
    public void Complete(OutputFormat format = OutputFormat.MySql)
    {
        _csv.Flush(flushToDisk: true);
        _csv.Dispose();
        if (format == OutputFormat.Rfc4180)
        {
            string transcoded = _csvPartial + ".rfc4180";
            Rfc4180Transcoder.Transcode(Table.Info, _csvPartial, transcoded);
            File.Move(transcoded, _csvPartial, overwrite: true);
        }

        _rejects?.Flush(flushToDisk: true);
        _rejects?.Dispose();
    }

    /// <summary>The final names (relative to the output folder) that <see cref="Commit"/> writes or removes.</summary>
    public IEnumerable<string> FinalNames => [Table.Info.CsvFileName, Path.Combine("rejects", Table.Info.Name + ".tsv")];

    /// <summary>Gives the finished files their final names; a rejects file of an earlier run is removed when this run has none.</summary>
    public void Commit()
    {
        File.Move(_csvPartial, Path.Combine(_folder, Table.Info.CsvFileName), overwrite: true);
        string finalRejects = Path.Combine(_folder, "rejects", Table.Info.Name + ".tsv");
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
        TryClose(_csv);
        if (_rejects is not null)
        {
            TryClose(_rejects);
        }

        if (!_committed)
        {
            TryDelete(_csvPartial);
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
