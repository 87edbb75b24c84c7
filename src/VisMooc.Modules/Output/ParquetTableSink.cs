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
/// Each file is written under a partial name until <see cref="Commit"/>.
/// </summary>
public sealed class ParquetTableSink : IDisposable
{
    /// <summary>Rows of a row group at most (DuckDB and Spark scan row groups in parallel; this is about 100 MB of click events).</summary>
    public const int RowGroupRows = 1 << 20;

    /// <summary>Bytes of values a course's file holds in memory before it writes them as a row group.</summary>
    public const long RowGroupBytes = 64L << 20;

    // Bytes of values all of the table's files may hold in memory together; past it, the largest is written out.
    private const long TableBytes = 192L << 20;

    private readonly TableInfo _table;
    private readonly string _folder;
    private readonly string _partialPrefix;
    private readonly DialectCsvReader _row;
    private readonly Dictionary<string, Part> _parts = new(StringComparer.Ordinal);
    private long _buffered;
    private bool _committed;

    /// <summary>A sink for <paramref name="table"/> whose partial files go into <paramref name="folder"/>, named with <paramref name="partialPrefix"/>.</summary>
    public ParquetTableSink(TableInfo table, string folder, string partialPrefix)
    {
        _table = table;
        _folder = folder;
        _partialPrefix = partialPrefix;
        _row = DialectCsvReader.ForRows(table.CsvFileName, table.Columns.Count);
    }

    /// <summary>The files written, once <see cref="Complete"/> has run: course, partial path, rows and bytes.</summary>
    public IReadOnlyList<(string Course, string Path, long Rows, long Bytes)> Files =>
        _parts.Values.Select(p => (p.Course, p.Path, p.Rows, p.Bytes)).ToList();

    /// <summary>Adds <paramref name="rows"/> (whole rows, each ending in LF, as <see cref="CellWriter"/> writes them) to <paramref name="course"/>'s file.</summary>
    public void Add(string course, ReadOnlySpan<byte> rows)
    {
        if (rows.IsEmpty)
        {
            return;
        }

        if (!_parts.TryGetValue(course, out var part))
        {
            string path = System.IO.Path.Combine(_folder, _partialPrefix + _table.Name + "-" + _parts.Count.ToString(CultureInfo.InvariantCulture) + ".parquet");
            part = new Part(_table, course, path);
            _parts.Add(course, part);
        }

        while (!rows.IsEmpty)
        {
            int end = rows.IndexOf((byte)'\n');
            _row.Parse(rows[..end], part.Rows + part.Buffered + 1);
            long before = part.BufferedBytes;
            part.Add(_row);
            _buffered += part.BufferedBytes - before;
            rows = rows[(end + 1)..];
            if (part.Buffered >= RowGroupRows || part.BufferedBytes >= RowGroupBytes)
            {
                Flush(part);
            }
        }

        if (_buffered > TableBytes)
        {
            Flush(_parts.Values.MaxBy(p => p.BufferedBytes)!);
        }
    }

    private void Flush(Part part)
    {
        _buffered -= part.BufferedBytes;
        part.WriteRowGroup();
    }

    /// <summary>Writes what is buffered and closes every file, flushed to disk.</summary>
    public void Complete()
    {
        foreach (var part in _parts.Values)
        {
            Flush(part);
            part.Close();
        }
    }

    /// <summary>
    /// Moves each file to <c>{table}/course={partition}/part-{runId}.parquet</c> under the folder,
    /// <paramref name="partition"/> giving a course's partition value; never over an existing file.
    /// </summary>
    public void Commit(Func<string, string> partition, string runId)
    {
        foreach (var part in _parts.Values)
        {
            string final = System.IO.Path.Combine(_folder, FinalName(_table.Name, partition(part.Course), runId));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(final)!);
            File.Move(part.Path, final, overwrite: false);
        }

        _committed = true;
    }

    /// <summary>Leaves the files where they are when disposed (their reader deletes them).</summary>
    public void KeepFiles() => _committed = true;

    /// <summary>The name, relative to the dataset folder, of a run's file of one table and course.</summary>
    public static string FinalName(string table, string course, string runId) =>
        System.IO.Path.Combine(table, HivePartition.CourseFolder(course), "part-" + runId + ".parquet");

    /// <inheritdoc/>
    public void Dispose()
    {
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

    /// <summary>One course's file: its writer and the rows not yet written, column by column.</summary>
    private sealed class Part : IDisposable
    {
        private static readonly WriterProperties s_properties = new WriterPropertiesBuilder()
            .Compression(Compression.Zstd)
            .MaxRowGroupLength(RowGroupRows)
            .Build();

        private readonly TableInfo _table;
        private readonly ColumnBuffer[] _columns;
        private readonly FileStream _stream;
        private ParquetFileWriter? _writer;

        public Part(TableInfo table, string course, string path)
        {
            _table = table;
            Course = course;
            Path = path;
            _columns = table.Columns.Select(c => new ColumnBuffer(c)).ToArray();
            _stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            using var schema = SchemaOf(table);
            _writer = new ParquetFileWriter(_stream, schema, s_properties, new Dictionary<string, string> { ["vismooc.table"] = table.Name }, leaveOpen: true);
        }

        public string Course { get; }

        public string Path { get; }

        public long Rows { get; private set; }

        public int Buffered { get; private set; }

        public long BufferedBytes { get; private set; }

        public long Bytes { get; private set; }

        public void Add(DialectCsvReader row)
        {
            for (int c = 0; c < _columns.Length; c++)
            {
                BufferedBytes += _columns[c].Add(row, c);
            }

            Buffered++;
        }

        public void WriteRowGroup()
        {
            if (Buffered == 0)
            {
                return;
            }

            using (var group = _writer!.AppendRowGroup())
            {
                foreach (var column in _columns)
                {
                    using var writer = group.NextColumn();
                    column.WriteTo(writer);
                }
            }

            Rows += Buffered;
            Buffered = 0;
            BufferedBytes = 0;
        }

        public void Close()
        {
            _writer!.Close();
            _writer.Dispose();
            _writer = null;
            _stream.Flush(flushToDisk: true);
            Bytes = _stream.Length;
            _stream.Dispose();
        }

        public void Dispose()
        {
            try
            {
                _writer?.Dispose();
                _stream.Dispose();
            }
            catch (IOException)
            {
                // the error that stopped the run is reported already; the partial file is deleted
            }
        }

        public override string ToString() => _table.Name + "/" + Course;
    }

    /// <summary>A column's values not yet written: definition levels, and the non-null values in their physical type.</summary>
    private sealed class ColumnBuffer(ColumnInfo column)
    {
        private static readonly long s_epochTicks = DateTime.UnixEpoch.Ticks;

        private readonly PhysicalKind _kind = column.Type switch
        {
            SqlType.Varchar or SqlType.Text or SqlType.MediumText or SqlType.LongText => PhysicalKind.Text,
            SqlType.Datetime or SqlType.DateTime6 => PhysicalKind.Timestamp,
            SqlType.TinyInt or SqlType.Int => PhysicalKind.Int32,
            SqlType.BigInt => PhysicalKind.Int64,
            _ => PhysicalKind.Double,
        };

        private short[] _levels = new short[1024];
        private int _count;
        private int _values;
        private byte[] _bytes = new byte[1 << 16];
        private int _used;
        private int[] _ends = new int[1024];
        private long[] _longs = new long[1024];
        private int[] _ints = new int[1024];
        private double[] _doubles = new double[1024];

        private enum PhysicalKind
        {
            Text,
            Timestamp,
            Int32,
            Int64,
            Double,
        }

        /// <summary>Adds field <paramref name="field"/> of the parsed row; returns the bytes it takes.</summary>
        public int Add(DialectCsvReader row, int field)
        {
            if (_count == _levels.Length)
            {
                Array.Resize(ref _levels, _count * 2);
            }

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
                    if (_values == _ends.Length)
                    {
                        Array.Resize(ref _ends, _values * 2);
                    }

                    if (_bytes.Length - _used < value.Length)
                    {
                        Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _used + value.Length));
                    }

                    value.CopyTo(_bytes.AsSpan(_used));
                    _used += value.Length;
                    _ends[_values++] = _used;
                    return value.Length + 4;
                case PhysicalKind.Timestamp:
                    Grow(ref _longs);
                    _longs[_values++] = Micros(value, row);
                    return 8;
                case PhysicalKind.Int64:
                    Grow(ref _longs);
                    _longs[_values++] = long.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                    return 8;
                case PhysicalKind.Int32:
                    Grow(ref _ints);
                    _ints[_values++] = int.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                    return 4;
                default:
                    Grow(ref _doubles);
                    _doubles[_values++] = double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
                    return 8;
            }
        }

        private void Grow<T>(ref T[] values)
        {
            if (_values == values.Length)
            {
                Array.Resize(ref values, _values * 2);
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

        public void WriteTo(ColumnWriter writer)
        {
            var levels = column.Nullable ? _levels.AsSpan(0, _count) : ReadOnlySpan<short>.Empty;
            switch (_kind)
            {
                case PhysicalKind.Text:
                    WriteText((ColumnWriter<ByteArray>)writer, levels);
                    break;
                case PhysicalKind.Timestamp or PhysicalKind.Int64:
                    ((ColumnWriter<long>)writer).WriteBatch(_count, levels, default, _longs.AsSpan(0, _values));
                    break;
                case PhysicalKind.Int32:
                    ((ColumnWriter<int>)writer).WriteBatch(_count, levels, default, _ints.AsSpan(0, _values));
                    break;
                default:
                    ((ColumnWriter<double>)writer).WriteBatch(_count, levels, default, _doubles.AsSpan(0, _values));
                    break;
            }

            _count = 0;
            _values = 0;
            _used = 0;
        }

        private void WriteText(ColumnWriter<ByteArray> writer, ReadOnlySpan<short> levels)
        {
            // The values point into the pinned buffer while the writer copies them.
            var pin = GCHandle.Alloc(_bytes, GCHandleType.Pinned);
            try
            {
                var values = new ByteArray[_values];
                nint start = pin.AddrOfPinnedObject();
                int from = 0;
                for (int i = 0; i < _values; i++)
                {
                    values[i] = new ByteArray(start + from, _ends[i] - from);
                    from = _ends[i];
                }

                writer.WriteBatch(_count, levels, default, values);
            }
            finally
            {
                pin.Free();
            }
        }
    }
}
