using System.Buffers.Text;
using System.Globalization;
using System.Text;
using VisMooc.Modules.Checks;
using VisMooc.Modules.Output;
using VisMooc.Modules.Privacy;
using VisMooc.Modules.Reporting;
using VisMooc.Modules.Schema;
using VisMooc.Modules.Sources.EdxTsv;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.Staging;

/// <summary>
/// Converts one table's rows into <see cref="TableChunk"/>s: checks key fields, writes the CSV row,
/// notes what it references, formats rejects and warnings with their file and line. Holds the row
/// being written, so each thread has its own; what depends on earlier chunks (duplicates, counts,
/// files) is left to <see cref="TableOutput.Append"/>, which takes the chunks in input order.
/// </summary>
public sealed class TableChunkWriter : IWarningSink
{
    private readonly TableDescriptor _table;
    private readonly CellWriter _writer = new();
    private readonly IReadOnlyList<int> _keyFields;
    private readonly int _userField;
    private readonly int _courseField;
    private readonly int _usernameField;
    private TableChunk _chunk = new();
    private string _file = "";
    private long _line;
    private string? _where;
    private byte[] _lastCourse = [];

    /// <summary>
    /// A writer of <paramref name="table"/>'s rows; <paramref name="pseudonymKey"/> as in <see cref="ConvertOptions.PseudonymKey"/>;
    /// usernames are hashed for the cross-file checks only when <paramref name="observeUsernames"/>.
    /// </summary>
    public TableChunkWriter(TableDescriptor table, byte[]? pseudonymKey, bool observeUsernames = true)
    {
        _table = table;
        _writer.PseudonymKey = pseudonymKey;
        _writer.Warnings = this;
        _keyFields = table.Info.KeyFields;
        (_userField, _courseField, _usernameField) = CrossFileChecks.Fields(table.Info);
        if (!observeUsernames)
        {
            _usernameField = -1;
        }
    }

    /// <summary>Sets the file and line (or, for records without lines, what) that messages about the next row name.</summary>
    public void At(string file, long line, string? where = null)
    {
        _file = file;
        _line = line;
        _where = where;
    }

    private string Location => _where is not null ? $"{_file}: {_where}" : $"{_file}:{_line.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Counts a record read from the table's input.</summary>
    public void CountRead() => _chunk.Read++;

    /// <summary>
    /// Converts one row. Returns the reason when a key field is missing: the caller then rejects
    /// the row with its raw text. Whether it is a duplicate is decided when the chunk is written.
    /// </summary>
    public string? Write(IRowSource row)
    {
        foreach (int k in _keyFields)
        {
            if (row.Get(k).IsNullOrEmpty)
            {
                return "missing key field '" + _table.Info.SourceFields[k] + "'";
            }
        }

        _table.WriteRow(row, _writer);
        if (_writer.Problem is string problem)
        {
            // A value the column cannot hold: the row would fail a strict MySQL load (or load into
            // SQLite as another value), so it is rejected, named by table and column.
            return _table.Info.Name + "." + _writer.ProblemColumn + ": " + problem;
        }

        // The cross-file checks compare what each course's files hold, so a duplicate counts too:
        // a learner in two courses is written once, but is in both courses' auth_user files.
        if (_userField >= 0)
        {
            ObserveUser(row.Get(_userField));
        }

        if (_courseField >= 0)
        {
            ObserveCourse(row.Get(_courseField));
        }

        if (_usernameField >= 0)
        {
            ObserveUsername(row.Get(_usernameField));
        }

        _chunk.AddRow(_writer.Row, _writer.KeyOffset, _writer.Key.Length, _line);
        _chunk.FileName = _file;
        return null;
    }

    /// <summary>
    /// Whether the values of <paramref name="row"/> fit the columns in <paramref name="columns"/>
    /// (bit k for column k), without writing the row: the reason it cannot, as <see cref="Write"/>
    /// gives it, or null. The users job checks each profile this way when it reads it, so that a
    /// profile value too long for its column rejects the profile, named by the profile's own line.
    /// </summary>
    public string? Check(IRowSource row, ulong columns)
    {
        _writer.CheckOnly = true;
        _writer.CheckedColumns = columns;
        try
        {
            _table.CheckRow(row, _writer);
            return _writer.Problem is string problem ? _table.Info.Name + "." + _writer.ProblemColumn + ": " + problem : null;
        }
        finally
        {
            _writer.CheckOnly = false;
            _writer.CheckedColumns = ulong.MaxValue;
        }
    }

    /// <summary>
    /// Starts the current record of <paramref name="reader"/>: notes its file and line, rejects it
    /// when the reader could not read it, and otherwise reports what decoding it found. False when
    /// the record was rejected.
    /// </summary>
    public bool Admit(EdxTsvReader reader)
    {
        At(reader.FileName, reader.LineNumber);
        if (!reader.IsValid)
        {
            Reject(reader.RejectReason!, reader);
            return false;
        }

        TsvRowSource.WarnAboutDecoding(reader, this);
        return true;
    }

    /// <summary>Writes <paramref name="row"/>, or rejects the current record of <paramref name="reader"/> with the reason it could not be written.</summary>
    public void WriteOrReject(IRowSource row, EdxTsvReader reader)
    {
        if (Write(row) is string reason)
        {
            Reject(reason, reader);
        }
    }

    /// <summary>
    /// Rejects the current record of <paramref name="reader"/>, its personal columns (usernames,
    /// emails, names, addresses) masked: they never reach a rejects file.
    /// </summary>
    public void Reject(string reason, EdxTsvReader reader) => Reject(reason, RawMasker.Mask(reader.RawRecord, reader.Header));

    /// <summary>Records a rejected row, for <c>rejects/{table}.tsv</c>, with its reason and raw text.</summary>
    public void Reject(string reason, ReadOnlySpan<byte> raw)
    {
        _chunk.RejectCount++;
        if (_chunk.RejectExamples.Count < TableStats.MaxExamples)
        {
            _chunk.RejectExamples.Add($"{Location}: {reason}");
        }

        var rejects = _chunk.Rejects ??= new MemoryStream();
        EdxTsvDialect.AppendEscaped(rejects, Encoding.UTF8.GetBytes(_file));
        rejects.WriteByte((byte)'\t');
        rejects.Write(Encoding.ASCII.GetBytes(_line.ToString(CultureInfo.InvariantCulture)));
        rejects.WriteByte((byte)'\t');
        EdxTsvDialect.AppendEscaped(rejects, Encoding.UTF8.GetBytes(reason));
        rejects.WriteByte((byte)'\t');
        EdxTsvDialect.AppendEscaped(rejects, raw);
        rejects.WriteByte((byte)'\n');
    }

    /// <inheritdoc/>
    public void Warn(string column, string message)
    {
        _chunk.WarningCount++;
        if (_chunk.WarningExamples.Count < TableStats.MaxExamples)
        {
            _chunk.WarningExamples.Add(column.Length > 0 ? $"{Location}: column '{column}': {message}" : $"{Location}: {message}");
        }
    }

    /// <summary>Warns that the current record holds invalid UTF-8 (whose bytes the writer replaces by U+FFFD), naming its offset in the file.</summary>
    public void WarnInvalidUtf8(long fileOffset) =>
        Warn("", "invalid UTF-8 at byte offset " + fileOffset.ToString(CultureInfo.InvariantCulture) + " of the file; written as U+FFFD");

    /// <summary>The rows and findings so far; the writer starts a new chunk.</summary>
    public TableChunk Take()
    {
        var chunk = _chunk;
        _chunk = new TableChunk();
        _lastCourse = [];
        return chunk;
    }

    private void ObserveUser(FieldValue user)
    {
        if (user.IsNullOrEmpty)
        {
            return;
        }

        if (Utf8Parser.TryParse(user.Utf8, out long id, out int consumed) && consumed == user.Utf8.Length)
        {
            _chunk.AddUserId(id);
        }
        else
        {
            _chunk.OtherUserIds.Add(Encoding.UTF8.GetString(user.Utf8));
        }
    }

    // Never inlined: compiling Write then does not load System.IO.Hashing, which only a run that
    // compares usernames (one with tracking logs) needs.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void ObserveUsername(FieldValue username)
    {
        if (!username.IsNullOrEmpty)
        {
            // Every table's pseudonym is a function of these bytes, so equal hashes mean equal pseudonyms
            // (up to a 64-bit collision, which could only hide a missing user from the report).
            _chunk.AddUsernameHash((long)System.IO.Hashing.XxHash3.HashToUInt64(username.Utf8));
        }
    }

    private void ObserveCourse(FieldValue course)
    {
        if (course.IsNull)
        {
            return;
        }

        // Nearly every row names the same course as the row before: count it without decoding.
        var runs = _chunk.CourseIds;
        if (runs.Count > 0 && course.Utf8.SequenceEqual(_lastCourse))
        {
            runs[^1] = (runs[^1].Id, runs[^1].Rows + 1);
            return;
        }

        runs.Add((Encoding.UTF8.GetString(course.Utf8), 1));
        _lastCourse = course.Utf8.ToArray();
    }
}
