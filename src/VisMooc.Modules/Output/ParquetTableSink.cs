using System.Globalization;
using System.Runtime.InteropServices;
using ParquetSharp;
using ParquetSharp.Schema;
using VisMooc.Modules.Load;
using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Output;

/// <summary>
/// Writes one table as Parquet, one file per course (the course's Hive partition), from the rows the
/// CSV writer makes (<see cref="MySqlCsvDialect"/>), so both formats hold the same values in the
/// same order. Nothing here knows a table: the Parquet schema comes from the declared columns
/// (<see cref="ColumnInfo.Type"/>, <see cref="ColumnInfo.Nullable"/>): text as UTF-8 strings,
/// <c>datetime</c> and <c>datetime(6)</c> as timestamps in microseconds adjusted to UTC, doubles,
/// <c>TINYINT</c>/<c>INT</c> as 8/32-bit and <c>BIGINT</c> as 64-bit integers, SQL NULL as a Parquet null.
/// Rows are converted <see cref="BatchRows"/> at a time into one set of column buffers and handed to
/// the course file's buffered row group, which holds them encoded and compressed until the group is
/// closed (at <see cref="RowGroupRows"/> rows, <see cref="FileBytes"/>, or when the table's
/// <see cref="ParquetMemoryBudget"/> is spent; every decision depends only on this table's rows, so the
/// same input gives the same bytes whatever the threads), so memory does not grow with the rows of a group.
/// Each file is written under a partial name until <see cref="Commit"/>. Thread-safe: a sink that shares
/// a budget may close this sink's row groups (see <see cref="ParquetMemoryBudget"/>).
/// </summary>
public sealed class ParquetTableSink : IDisposable
{
    /// <summary>Rows of a row group at most (DuckDB and Spark scan row groups in parallel).</summary>
    public const int RowGroupRows = 1 << 20;

    /// <summary>Estimated bytes a course file's open row group may hold in memory (compressed pages, and pages being filled) before it is written.</summary>
    public const long FileBytes = 8L << 20;

    /// <summary>
    /// Rows converted from CSV into column buffers before they go to the row group writer: Arrow's own
    /// write batch size. The buffers are kept for the whole run, one set per table (a few KiB a
    /// column); 8,192 rows kept ~50 MiB of them on the large object heap at 1M learners.
    /// </summary>
    public const int BatchRows = 1024;

    /// <summary>Bytes of a text column's values after which the batch is written before it has <see cref="BatchRows"/> rows (long forum posts).</summary>
    internal const int BatchTextBytes = 256 << 10;

    /// <summary>Bytes of a data page before it is encoded and compressed (Arrow's default), per column.</summary>
    internal const long PageBytes = 1L << 20;

    /// <summary>
    /// Bytes of a column's dictionary before the column falls back to plain encoding (Arrow's default
    /// is 1 MiB): a column of unique values (ids, pseudonyms) stops building its hash table sooner,
    /// which saves memory for every open row group; columns of few values keep their dictionary.
    /// </summary>
    internal const long DictionaryBytes = 128L << 10;

    private readonly TableInfo _table;
    private readonly string _folder;
    private readonly string _partialPrefix;
    private readonly ParquetMemoryBudget _budget;
    private readonly bool _ownBudget;
    private readonly DialectCsvReader _row;
    private readonly ColumnBatch[] _batch;
    private readonly ColumnBatch[] _textBatch;
    private readonly Dictionary<string, Part> _parts = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private Part? _batchPart;
    private int _batchRows;
    private long _batchBytes;
    private long _openBytes;
    private bool _committed;
    private bool _closed;

    /// <summary>
    /// A sink for <paramref name="table"/> whose partial files go into <paramref name="folder"/>, named with <paramref name="partialPrefix"/>;
    /// its open row groups count against <paramref name="budget"/> (by default one of its own, <see cref="ParquetMemoryBudget.TableBytes"/>).
    /// </summary>
    public ParquetTableSink(TableInfo table, string folder, string partialPrefix, ParquetMemoryBudget? budget = null)
    {
        _table = table;
        _folder = folder;
        _partialPrefix = partialPrefix;
        _ownBudget = budget is null;
        _budget = budget ?? new ParquetMemoryBudget(ParquetMemoryBudget.TableBytes);
        _row = DialectCsvReader.ForRows(table.CsvFileName, table.Columns.Count);
        _batch = table.Columns.Select(c => new ColumnBatch(c)).ToArray();
        _textBatch = _batch.Where(c => c.IsText).ToArray();
        _budget.Register(this);
    }

    /// <summary>The files written, once <see cref="Complete"/> has run: course, partial path, rows and bytes.</summary>
    public IReadOnlyList<(string Course, string Path, long Rows, long Bytes)> Files =>
        _parts.Values.Select(p => (p.Course, p.Path, p.Rows, p.Bytes)).ToList();

    /// <summary>Row groups written so far, over all files (for tests of the memory bounds).</summary>
    public int RowGroups => _parts.Values.Sum(p => p.RowGroups);

    /// <summary>The most bytes the text columns' batch buffers held at once (for tests of the memory bounds).</summary>
    internal long MostTextBufferBytes { get; private set; }

    /// <summary>Estimated bytes held by the open row groups of this sink's files.</summary>
    internal long OpenBytes => Volatile.Read(ref _openBytes);

    /// <summary>Adds <paramref name="rows"/> (whole rows, each ending in LF, as <see cref="CellWriter"/> writes them) to <paramref name="course"/>'s file.</summary>
    public void Add(string course, ReadOnlySpan<byte> rows)
    {
        if (rows.IsEmpty)
        {
            return;
        }

        lock (_gate)
        {
            if (!_parts.TryGetValue(course, out var part))
            {
                string path = System.IO.Path.Combine(_folder, _partialPrefix + _table.Name + "-" + _parts.Count.ToString(CultureInfo.InvariantCulture) + ".parquet");
                part = new Part(_table, course, path);
                _parts.Add(course, part);
            }

            // The batch is written every BatchRows rows of one file, not at the end of each call, so
            // pages and row groups do not depend on how the rows were cut into calls (--chunk-bytes).
            if (_batchPart is not null && _batchPart != part)
            {
                WriteBatch(_batchPart);
            }

            _batchPart = part;

            while (!rows.IsEmpty)
            {
                int end = rows.IndexOf((byte)'\n');
                _row.Parse(rows[..end], part.Rows + _batchRows + 1);
                for (int c = 0; c < _batch.Length; c++)
                {
                    _batchBytes += _batch[c].Add(_row, c);
                }

                _batchRows++;
                rows = rows[(end + 1)..];
                if (_batchRows == BatchRows || part.GroupRows + _batchRows == RowGroupRows || (_batchBytes >= BatchTextBytes && TextFull()))
                {
                    WriteBatch(part);
                }
            }

            if (!_ownBudget)
            {
                // A shared budget counts only written rows: write the call's rows before it is kept.
                WriteBatch(part);
            }
        }

        if (!_ownBudget)
        {
            _budget.Enforce();
        }
    }

    /// <summary>
    /// Whether a text column of the batch holds <see cref="BatchTextBytes"/> (decided by the rows alone, so
    /// the bytes stay the same whatever the calls). Asked only once the whole batch holds that much, which
    /// a single column's values cannot pass before it.
    /// </summary>
    private bool TextFull()
    {
        foreach (var column in _textBatch)
        {
            if (column.TextBytes >= BatchTextBytes)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Hands the converted rows to <paramref name="part"/>'s open row group; closes the group when it is full.</summary>
    private void WriteBatch(Part part)
    {
        if (_batchRows == 0)
        {
            return;
        }

        long buffers = 0;
        foreach (var column in _textBatch)
        {
            buffers += column.BufferBytes;
        }

        MostTextBufferBytes = Math.Max(MostTextBufferBytes, buffers);
        long before = part.OpenBytes;
        part.Write(_batch, _batchRows, _batchBytes);
        _batchRows = 0;
        _batchBytes = 0;
        if (part.GroupRows >= RowGroupRows || part.OpenBytes >= FileBytes)
        {
            part.CloseRowGroup();
        }

        Account(part.OpenBytes - before);

        // The sink's own budget is kept here, at the same rows whatever the threads and calls; a
        // budget shared with other sinks is kept after each call (Enforce), and depends on timing.
        while (_ownBudget && _budget.Held > _budget.Limit && CloseLargestLocked())
        {
        }
    }

    private void Account(long delta)
    {
        Volatile.Write(ref _openBytes, _openBytes + delta);
        _budget.Add(delta);
    }

    /// <summary>Writes out the largest open row group of this sink, if any; false when none is open (called by <see cref="ParquetMemoryBudget"/>).</summary>
    internal bool CloseLargestRowGroup()
    {
        lock (_gate)
        {
            return !_closed && CloseLargestLocked();
        }
    }

    private bool CloseLargestLocked()
    {
        Part? largest = null;
        foreach (var part in _parts.Values)
        {
            if (part.OpenBytes > 0 && (largest is null || part.OpenBytes > largest.OpenBytes))
            {
                largest = part;
            }
        }

        if (largest is null)
        {
            return false;
        }

        long before = largest.OpenBytes;
        largest.CloseRowGroup();
        Account(-before);
        return true;
    }

    /// <summary>Writes what is buffered and closes every file, flushed to disk.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            if (_batchPart is not null)
            {
                WriteBatch(_batchPart);
            }

            _closed = true;
            foreach (var part in _parts.Values)
            {
                long before = part.OpenBytes;
                part.CloseRowGroup();
                Account(-before);
                part.Close();
            }
        }

        _budget.Unregister(this);
    }

    /// <summary>
    /// Moves each file to its name in <see cref="FinalNames"/> under the folder, <paramref name="partition"/>
    /// giving a course's partition value; never over an existing file.
    /// </summary>
    public void Commit(Func<string, string> partition, string runId)
    {
        var names = FinalNames(partition, runId);
        int i = 0;
        foreach (var part in _parts.Values)
        {
            string final = System.IO.Path.Combine(_folder, names[i++]);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(final)!);
            File.Move(part.Path, final, overwrite: false);
        }

        _committed = true;
    }

    /// <summary>
    /// The names, relative to the dataset folder and in the order of <see cref="Files"/>, that
    /// <see cref="Commit"/> gives the files: <c>{table}/course={partition}/part-{runId}.parquet</c>. Two
    /// course folders of one run can have one course id (two exports of a course): the second file of a
    /// partition is <c>part-{runId}_2.parquet</c>, the third <c>_3</c>, in the order the courses were converted
    /// (<c>_</c> sorts after <c>.</c>, so readers that list the files by name read the rows in that order too).
    /// </summary>
    public IReadOnlyList<string> FinalNames(Func<string, string> partition, string runId)
    {
        var names = new List<string>(_parts.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var part in _parts.Values)
        {
            string value = partition(part.Course);
            int n = seen[value] = seen.GetValueOrDefault(value) + 1;
            names.Add(FinalName(_table.Name, value, runId, n));
        }

        return names;
    }

    /// <summary>Leaves the files where they are when disposed (their reader deletes them).</summary>
    public void KeepFiles() => _committed = true;

    /// <summary>The name, relative to the dataset folder, of a run's <paramref name="n"/>th file of one table and partition (see <see cref="FinalNames"/>).</summary>
    public static string FinalName(string table, string course, string runId, int n = 1) =>
        System.IO.Path.Combine(table, HivePartition.CourseFolder(course), "part-" + runId + (n == 1 ? "" : "_" + n.ToString(CultureInfo.InvariantCulture)) + ".parquet");

    /// <inheritdoc/>
    public void Dispose()
    {
        _budget.Unregister(this);
        lock (_gate)
        {
            _closed = true;
            _budget.Add(-_openBytes);
            _openBytes = 0;
        }

        foreach (var part in _parts.Values)
        {
            part.Dispose();
            if (!_committed)
            {
                try
                {
                    File.Delete(part.Path);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                }
            }
        }

        _row.Dispose();
    }

    /// <summary>The Parquet schema of a table, from its declared columns.</summary>
    public static GroupNode SchemaOf(TableInfo table) =>
        new("schema", Repetition.Required, table.Columns.Select(NodeOf).ToArray<Node>(), null);

    private static PrimitiveNode NodeOf(ColumnInfo column)
    {
        var repetition = column.Nullable ? Repetition.Optional : Repetition.Required;
        return column.Type switch
        {
            SqlType.Varchar or SqlType.Text or SqlType.MediumText or SqlType.LongText => new PrimitiveNode(column.Name, repetition, LogicalType.String(), PhysicalType.ByteArray, -1),
            SqlType.Datetime or SqlType.DateTime6 => new PrimitiveNode(column.Name, repetition, LogicalType.Timestamp(isAdjustedToUtc: true, TimeUnit.Micros), PhysicalType.Int64, -1),
            SqlType.TinyInt => new PrimitiveNode(column.Name, repetition, LogicalType.Int(8, isSigned: true), PhysicalType.Int32, -1),
            SqlType.Int => new PrimitiveNode(column.Name, repetition, LogicalType.Int(32, isSigned: true), PhysicalType.Int32, -1),
            SqlType.BigInt => new PrimitiveNode(column.Name, repetition, LogicalType.Int(64, isSigned: true), PhysicalType.Int64, -1),
            SqlType.Double => new PrimitiveNode(column.Name, repetition, LogicalType.None(), PhysicalType.Double, -1),
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, "no Parquet type for this SQL type"),
        };
    }

    /// <summary>One course's file: its writer and its open buffered row group.</summary>
    private sealed class Part : IDisposable
    {
        private static readonly WriterProperties s_properties = new WriterPropertiesBuilder()
            .Compression(Compression.Zstd)
            .MaxRowGroupLength(RowGroupRows)
            .DataPagesize(PageBytes)
            .DictionaryPagesizeLimit(DictionaryBytes)
            .MemoryPool(Pool())
            .Build();

        /// <summary>
        /// jemalloc where the native library has it (Linux, macOS): Arrow's default there, mimalloc,
        /// asks for transparent huge pages and measured ~120 MiB more resident memory at 1M learners.
        /// </summary>
        private static MemoryPool Pool()
        {
            try
            {
                return MemoryPool.JemallocMemoryPool();
            }
            catch (ParquetException)
            {
                return MemoryPool.GetDefaultMemoryPool();
            }
        }

        private readonly TableInfo _table;
        private readonly FailureKeepingStream _stream;
        private readonly ColumnWriter[] _columns;
        private ParquetFileWriter? _writer;
        private RowGroupWriter? _group;
        private long _groupValueBytes;

        public Part(TableInfo table, string course, string path)
        {
            _table = table;
            Course = course;
            Path = path;
            _columns = new ColumnWriter[table.Columns.Count];
            _stream = new FailureKeepingStream(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16));
            try
            {
                using var schema = SchemaOf(table);
                _writer = Io(() => new ParquetFileWriter(_stream, schema, s_properties, new Dictionary<string, string> { ["vismooc.table"] = table.Name }, leaveOpen: true));
            }
            catch
            {
                Dispose();
                File.Delete(path);
                throw;
            }
        }

        public string Course { get; }

        public string Path { get; }

        /// <summary>Rows handed to the writer, the open row group's included.</summary>
        public long Rows { get; private set; }

        /// <summary>Rows of the open row group.</summary>
        public long GroupRows { get; private set; }

        /// <summary>Row groups closed.</summary>
        public int RowGroups { get; private set; }

        /// <summary>
        /// Estimated bytes the open row group holds: its pages, encoded and compressed, and the pages
        /// being filled (at most a page per column, and never more than the values given since it opened).
        /// </summary>
        public long OpenBytes { get; private set; }

        public long Bytes { get; private set; }

        public void Write(ColumnBatch[] batch, int rows, long valueBytes) => Io(() => WriteBuffered(batch, rows, valueBytes));

        private bool WriteBuffered(ColumnBatch[] batch, int rows, long valueBytes)
        {
            if (_group is null)
            {
                _group = _writer!.AppendBufferedRowGroup();
                for (int c = 0; c < _columns.Length; c++)
                {
                    _columns[c] = _group.Column(c);
                }
            }

            for (int c = 0; c < _columns.Length; c++)
            {
                batch[c].WriteTo(_columns[c], rows);
            }

            Rows += rows;
            GroupRows += rows;
            _groupValueBytes += valueBytes;
            OpenBytes = _group.TotalBytesWritten + _group.TotalCompressedBytes + Math.Min(_groupValueBytes, _columns.Length * PageBytes);
            return true;
        }

        public void CloseRowGroup()
        {
            if (_group is null)
            {
                return;
            }

            Io(() =>
            {
                _group.Close();
                return true;
            });
            _group.Dispose();
            _group = null;
            RowGroups++;
            GroupRows = 0;
            _groupValueBytes = 0;
            OpenBytes = 0;
        }

        public void Close()
        {
            Io(() =>
            {
                _writer!.Close();
                return true;
            });
            _writer!.Dispose();
            _writer = null;
            _stream.Flush(flushToDisk: true);
            Bytes = _stream.Length;
            _stream.Dispose();
        }

        public void Dispose()
        {
            // The error that stopped the run is reported already; the partial file is deleted.
            try
            {
                _writer?.Dispose();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ParquetException)
            {
            }

            try
            {
                _stream.Dispose();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }

        public override string ToString() => _table.Name + "/" + Course;

        /// <summary>
        /// Runs a call of the native writer, which reports a failed write of the file (a full disk, a
        /// read-only file system) as a <see cref="ParquetException"/> with the text of the .NET error:
        /// that error itself is thrown instead, so the run reports it as it does for CSV output
        /// (one line, <c>no space left on the device</c>) and cleans up, rather than stopping on an unknown exception.
        /// </summary>
        private T Io<T>(Func<T> call)
        {
            try
            {
                return call();
            }
            catch (ParquetException) when (_stream.Failure is { } failure)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
                throw;
            }
        }
    }

    /// <summary>A file stream that keeps the first exception its writes or flushes threw, for <see cref="Part"/> to rethrow.</summary>
    private sealed class FailureKeepingStream(FileStream file) : Stream
    {
        public Exception? Failure { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => file.CanSeek;

        public override bool CanWrite => true;

        public override long Length => file.Length;

        public override long Position
        {
            get => file.Position;
            set => file.Position = value;
        }

        public override void Write(byte[] buffer, int offset, int count) => Keep(() => file.Write(buffer, offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            try
            {
                file.Write(buffer);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Failure ??= e;
                throw;
            }
        }

        public override void Flush() => Keep(file.Flush);

        /// <summary>Writes what is buffered and has the file system put it on disk.</summary>
        public void Flush(bool flushToDisk) => Keep(() => file.Flush(flushToDisk));

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => file.Seek(offset, origin);

        public override void SetLength(long value) => file.SetLength(value);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                file.Dispose();
            }

            base.Dispose(disposing);
        }

        private void Keep(Action write)
        {
            try
            {
                write();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Failure ??= e;
                throw;
            }
        }
    }

    /// <summary>A column's values of the rows being converted: definition levels, and the non-null values in their physical type.</summary>
    private sealed class ColumnBatch(ColumnInfo column)
    {
        // A text buffer grown past this by a long value is given back after its batch (a batch is
        // written once a column holds BatchTextBytes, so a buffer grows past this only for a value longer than that).
        private const int KeptTextBytes = 2 * BatchTextBytes;

        private static readonly long s_epochTicks = DateTime.UnixEpoch.Ticks;

        private readonly PhysicalKind _kind = KindOf(column);

        // Only the arrays of the column's physical type are allocated (a table's batch is ~100 KiB a column).
        private readonly short[] _levels = new short[BatchRows];
        private readonly int[] _ends = KindOf(column) == PhysicalKind.Text ? new int[BatchRows] : [];
        private readonly ByteArray[] _texts = KindOf(column) == PhysicalKind.Text ? new ByteArray[BatchRows] : [];
        private readonly long[] _longs = KindOf(column) is PhysicalKind.Timestamp or PhysicalKind.Int64 ? new long[BatchRows] : [];
        private readonly int[] _ints = KindOf(column) == PhysicalKind.Int32 ? new int[BatchRows] : [];
        private readonly double[] _doubles = KindOf(column) == PhysicalKind.Double ? new double[BatchRows] : [];
        private int _count;
        private int _values;
        private byte[] _bytes = [];
        private int _used;

        /// <summary>Whether the column's values are text.</summary>
        public bool IsText => _kind == PhysicalKind.Text;

        /// <summary>Bytes of the text buffer, used or not.</summary>
        public int BufferBytes => _bytes.Length;

        /// <summary>Bytes of the text values in the batch.</summary>
        public int TextBytes => _used;

        private enum PhysicalKind
        {
            Text,
            Timestamp,
            Int32,
            Int64,
            Double,
        }

        private static PhysicalKind KindOf(ColumnInfo column) => column.Type switch
        {
            SqlType.Varchar or SqlType.Text or SqlType.MediumText or SqlType.LongText => PhysicalKind.Text,
            SqlType.Datetime or SqlType.DateTime6 => PhysicalKind.Timestamp,
            SqlType.TinyInt or SqlType.Int => PhysicalKind.Int32,
            SqlType.BigInt => PhysicalKind.Int64,
            _ => PhysicalKind.Double,
        };

        /// <summary>Adds field <paramref name="field"/> of the parsed row; returns the bytes it takes.</summary>
        public int Add(DialectCsvReader row, int field)
        {
            if (row.IsNull(field))
            {
                _levels[_count++] = 0;
                return 2;
            }

            _levels[_count++] = 1;
            var value = row.Utf8(field);
            switch (_kind)
            {
                case PhysicalKind.Text:
                    if (_bytes.Length - _used < value.Length)
                    {
                        Array.Resize(ref _bytes, Math.Max(Math.Max(_bytes.Length * 2, 1 << 16), _used + value.Length));
                    }

                    value.CopyTo(_bytes.AsSpan(_used));
                    _used += value.Length;
                    _ends[_values++] = _used;
                    return value.Length + 4;
                case PhysicalKind.Timestamp:
                    _longs[_values++] = Micros(value, row);
                    return 8;
                case PhysicalKind.Int64:
                    _longs[_values++] = long.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                    return 8;
                case PhysicalKind.Int32:
                    _ints[_values++] = int.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                    return 4;
                default:
                    _doubles[_values++] = double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
                    return 8;
            }
        }

        /// <summary>Microseconds since 1970 (UTC) of <c>YYYY-MM-DD HH:MM:SS</c>, with <c>.ffffff</c> for <c>datetime(6)</c>.</summary>
        private long Micros(ReadOnlySpan<byte> text, DialectCsvReader row)
        {
            if ((text.Length != 19 && text.Length != 26) || text[4] != '-' || text[7] != '-' || text[10] != ' ' || text[13] != ':' || text[16] != ':' || (text.Length == 26 && text[19] != '.'))
            {
                throw new InvalidDataException($"{row.FileName}:{row.LineNumber}: column '{column.Name}': not a datetime: the CSV writer and the Parquet writer disagree");
            }

            var time = new DateTime(Digits(text[..4]), Digits(text[5..7]), Digits(text[8..10]), Digits(text[11..13]), Digits(text[14..16]), Digits(text[17..19]), DateTimeKind.Utc);
            long micros = (time.Ticks - s_epochTicks) / TimeSpan.TicksPerMicrosecond;
            return text.Length == 26 ? micros + Digits(text[20..26]) : micros;
        }

        private static int Digits(ReadOnlySpan<byte> text)
        {
            int value = 0;
            foreach (byte b in text)
            {
                value = (value * 10) + (b - '0');
            }

            return value;
        }

        /// <summary>Writes the batch's <paramref name="rows"/> values to <paramref name="writer"/> and empties the batch.</summary>
        public void WriteTo(ColumnWriter writer, int rows)
        {
            var levels = column.Nullable ? _levels.AsSpan(0, rows) : ReadOnlySpan<short>.Empty;
            switch (_kind)
            {
                case PhysicalKind.Text:
                    WriteText((ColumnWriter<ByteArray>)writer, rows, levels);
                    break;
                case PhysicalKind.Timestamp or PhysicalKind.Int64:
                    ((ColumnWriter<long>)writer).WriteBatch(rows, levels, default, _longs.AsSpan(0, _values));
                    break;
                case PhysicalKind.Int32:
                    ((ColumnWriter<int>)writer).WriteBatch(rows, levels, default, _ints.AsSpan(0, _values));
                    break;
                default:
                    ((ColumnWriter<double>)writer).WriteBatch(rows, levels, default, _doubles.AsSpan(0, _values));
                    break;
            }

            _count = 0;
            _values = 0;
            _used = 0;
            if (_bytes.Length > KeptTextBytes)
            {
                _bytes = [];
            }
        }

        private void WriteText(ColumnWriter<ByteArray> writer, int rows, ReadOnlySpan<short> levels)
        {
            // The values point into the pinned buffer while the writer copies them.
            var pin = GCHandle.Alloc(_bytes, GCHandleType.Pinned);
            try
            {
                nint start = pin.AddrOfPinnedObject();
                int from = 0;
                for (int i = 0; i < _values; i++)
                {
                    _texts[i] = new ByteArray(start + from, _ends[i] - from);
                    from = _ends[i];
                }

                writer.WriteBatch(rows, levels, default, _texts.AsSpan(0, _values));
            }
            finally
            {
                pin.Free();
            }
        }
    }
}
