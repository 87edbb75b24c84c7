using System.Buffers;
using System.Text.Unicode;
using System.Text;
using VisMooc.Modules.IO;
using VisMooc.Modules.Values;
using VisMooc.Modules.Collections;

namespace VisMooc.Modules.Sources.EdxTsv;

/// <summary>
/// Streams an edX research-package <c>.sql</c> file (TSV with MySQL batch-mode escapes) one record
/// at a time over UTF-8 bytes: records end at LF only, fields split on TAB, escapes decoded.
/// </summary>
/// <remarks>
/// Works on bytes on purpose: <see cref="StreamReader.ReadLine()"/> ends a line at a raw CR, which
/// Gen-A exports (mysql CLI) write inside values. Lines are split by the one LF splitter,
/// <see cref="LfLines"/>: the header line as it arrives, the records in the chunks of an
/// <see cref="LfChunkReader"/> (a reader of the whole file reads its own). Field spans point into a pooled input buffer, or
/// into a reused scratch buffer when a field had escapes, and stay valid until the next
/// <see cref="Read"/>. In the steady state a record costs no allocation; only rejected records
/// allocate their reason text. To convert a file on several threads, a reader of the whole file
/// reads the header and hands out the records in <see cref="Chunks"/>; readers made with
/// <see cref="EdxTsvReader(EdxTsvReader)"/> decode them, numbering lines and offsets as the
/// reader of the whole file would.
/// </remarks>
public sealed class EdxTsvReader : IDisposable
{
    private const byte Cr = (byte)'\r';
    private const byte Tab = EdxTsvDialect.FieldTerminator;
    private const byte Backslash = EdxTsvDialect.Escape;
    private const int InitialBufferSize = 64 * 1024;
    private const int InitialScratchSize = 4 * 1024;
    private const int LongHeader = 1 << 20;
    private static readonly byte[] s_nulRun = new byte[TextShape.MinNulRun];

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly string[] _header;
    private readonly bool _wholeFile;

    // The bytes being read: a reader of the whole file's own pooled buffer while it reads the
    // header, then the chunk it reads; a chunk reader's loaded chunk. Lines start at _next.
    private byte[] _buffer;
    private int _next;
    private int _length;
    private long _bufferFileOffset;
    private bool _endOfStream;
    private int _restStart;
    private int _restLength;
    private bool _chunksTaken;
    private LfChunkReader? _records;
    private LfChunk? _chunk;

    private byte[] _scratch;
    private int _scratchLength;

    private TsvFieldSlot[] _fields;
    private int _fieldCount;
    private int _recordStart;
    private int _recordLength;
    private long _lineNumber;
    private int _escapeWarnings;
    private int _brokenEscapeField;
    private long _invalidUtf8Offset = -1;
    private string? _rejectReason;
    private bool _disposed;
    private bool _unterminated;

    /// <summary>Opens a reader over <paramref name="stream"/> and reads the header line.</summary>
    /// <param name="stream">The file's bytes, from the first byte (a UTF-8 BOM is skipped).</param>
    /// <param name="fileName">The file's name, for messages.</param>
    /// <param name="leaveOpen">True to leave <paramref name="stream"/> open on <see cref="Dispose"/>.</param>
    /// <exception cref="InvalidDataException">The header line shows that the file is not UTF-8 text split by LF (UTF-16, CR-only line ends, compressed or encrypted data); the message does not name the file.</exception>
    public EdxTsvReader(Stream stream, string fileName, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        _stream = stream;
        FileName = fileName;
        _leaveOpen = leaveOpen;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        _wholeFile = true;
        _scratch = ArrayPool<byte>.Shared.Rent(InitialScratchSize);
        _fields = new TsvFieldSlot[32];

        SkipByteOrderMark();
        _header = ReadHeader();
        _lineNumber = 1;

        // Records are read in chunks (see TakeRecords), the first of which begins with the bytes
        // read past the header; none is read from the header's buffer. (After an unterminated
        // header line, _next is past the end and nothing is left.)
        _restStart = Math.Min(_next, _length);
        _restLength = _length - _restStart;
        _bufferFileOffset += _restStart;
        _next = _length = 0;
        ClearRecord();
    }

    /// <summary>
    /// A reader of chunks of <paramref name="file"/>'s records (see <see cref="Load"/>), with its
    /// name, header and line ends (<see cref="CrlfMode"/>, which only the header decides).
    /// </summary>
    public EdxTsvReader(EdxTsvReader file)
    {
        ArgumentNullException.ThrowIfNull(file);
        _stream = Stream.Null;
        _leaveOpen = true;
        FileName = file.FileName;
        _header = file._header;
        CrlfMode = file.CrlfMode;
        _buffer = [];
        _scratch = ArrayPool<byte>.Shared.Rent(InitialScratchSize);
        _fields = new TsvFieldSlot[Math.Max(32, _header.Length)];
        _endOfStream = true;
        _lineNumber = 1;
        ClearRecord();
    }

    /// <summary>The file's name, as given, for messages.</summary>
    public string FileName { get; }

    /// <summary>Column names from the header line; empty for a 0-byte file or an empty header line.</summary>
    public IReadOnlyList<string> Header => _header;

    /// <summary>
    /// True when the header line ended in CR LF (the file was converted to CRLF): then one CR right
    /// before each LF belongs to the line end. Otherwise every CR is data.
    /// </summary>
    public bool CrlfMode { get; private set; }

    /// <summary>1-based line of the current record: the header is line 1, each LF-terminated record adds one.</summary>
    public long LineNumber => _lineNumber;

    /// <summary>False when the current record must be rejected (see <see cref="RejectReason"/>).</summary>
    public bool IsValid => _rejectReason is null;

    /// <summary>Why the current record is rejected, or null when it is valid.</summary>
    public string? RejectReason => _rejectReason;

    /// <summary>The current record's raw bytes without its line end (for rejects files).</summary>
    public ReadOnlySpan<byte> RawRecord => _buffer.AsSpan(_recordStart, _recordLength);

    /// <summary>Number of fields in the current record (may differ from the header's when invalid).</summary>
    public int FieldCount => _fieldCount;

    /// <summary>Unknown escapes (<c>\N</c>, <c>\q</c>…) in the current record; each is kept as the two characters typed.</summary>
    public int EscapeWarnings => _escapeWarnings;

    /// <summary>
    /// -1, or the byte offset in the file of the first invalid UTF-8 byte in the current record.
    /// The bytes are passed on unchanged; warning about them is the caller's business.
    /// </summary>
    /// <remarks>A <see cref="long"/>: edX exports can exceed 2 GB.</remarks>
    public long InvalidUtf8Offset => _invalidUtf8Offset;

    /// <summary>Bytes of the file consumed so far: everything up to and including the current record's line end.</summary>
    public long BytesRead => _bufferFileOffset + Math.Min(_next, _length);

    /// <summary>
    /// The records after the header, in chunks of about <paramref name="chunkSize"/> bytes cut at
    /// LF, for readers made with <see cref="EdxTsvReader(EdxTsvReader)"/>. Only before the first
    /// <see cref="Read"/>; this reader reads no records afterwards, but still owns the stream.
    /// </summary>
    public LfChunkReader Chunks(int chunkSize)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_wholeFile || _chunksTaken || _records is not null || _lineNumber != 1)
        {
            throw new InvalidOperationException("Chunks are taken from a reader of a whole file, before its first record.");
        }

        _chunksTaken = true;
        return TakeRecords(chunkSize);
    }

    /// <summary>The records after the header, in chunks; the bytes read past the header go to the chunk reader and the header's buffer back to the pool.</summary>
    private LfChunkReader TakeRecords(int chunkSize)
    {
        var chunks = new LfChunkReader(_stream, _buffer.AsSpan(_restStart, _restLength), BytesRead, _lineNumber + 1, chunkSize,
            line => $"{FileName} line {line}: a record is longer than {Array.MaxLength} bytes; the file is not edX TSV.");
        ReturnBuffer();
        _endOfStream = true;
        return chunks;
    }

    /// <summary>Points a chunk reader (see <see cref="EdxTsvReader(EdxTsvReader)"/>) at the records of <paramref name="chunk"/>, which it does not own.</summary>
    public void Load(LfChunk chunk)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(chunk);
        if (_wholeFile)
        {
            throw new InvalidOperationException("Only a chunk reader loads chunks.");
        }

        _buffer = chunk.Buffer;
        _next = 0;
        _length = chunk.Length;
        _bufferFileOffset = chunk.FileOffset;
        _lineNumber = chunk.FirstLine - 1;
        ClearRecord();
    }

    /// <summary>Index of <paramref name="column"/> in the header (ordinal, first match), or -1 if absent.</summary>
    public int IndexOf(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return Array.IndexOf(_header, column);
    }

    /// <summary>Advances to the next record; false at the end of the file.</summary>
    public bool Read()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!TryReadLine())
        {
            ClearRecord();
            return false;
        }

        _lineNumber++;
        ParseFields();
        CheckUtf8();
        if (_fieldCount != _header.Length)
        {
            // A record that holds other line separators (or a zero-filled stretch) is where the
            // file's line ends change: say so, not only that the field count is wrong.
            _rejectReason = TextShape.LineBreakHint(RawRecord, unicode: true, _header.Length) is string hint
                ? $"expected {_header.Length} fields, found {_fieldCount}: {hint}"
                : $"expected {_header.Length} fields, found {_fieldCount}";
        }
        else if (_unterminated && RawRecord.EndsWith(s_nulRun))
        {
            // The file ends in NUL bytes where its last LF should be: zero-filled, as a file is
            // after a crash while it was written; those bytes are no value.
            _rejectReason = TextShape.ZeroFilled(TextShape.LongestNulRun(RawRecord));
        }
        else if (_brokenEscapeField >= 0)
        {
            // A header name is quoted only when it is an edX column's: a file without a header has data there.
            string name = _header[_brokenEscapeField];
            _rejectReason = $"broken escape: lone backslash at end of field {_brokenEscapeField + 1}"
                + (SafeText.IsColumnName(name) ? $" (column '{name}')" : "");
        }

        return true;
    }

    /// <summary>
    /// The decoded value of field <paramref name="index"/>: Null for the raw text <c>NULL</c>, else
    /// String with the UTF-8 bytes after escape decoding. Valid until the next <see cref="Read"/>.
    /// </summary>
    public FieldValue GetField(int index)
    {
        if ((uint)index >= (uint)_fieldCount)
        {
            ThrowNoSuchField(index);
        }

        ref readonly TsvFieldSlot slot = ref _fields[index];
        return slot.Kind == FieldKind.Null ? FieldValue.Null : FieldValue.Text(SlotBytes(slot));
    }

    // Out of line, so that GetField, called for every field of every row, is small enough to inline.
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void ThrowNoSuchField(int index) =>
        throw new ArgumentOutOfRangeException(nameof(index), index, $"{FileName} line {_lineNumber}: the record has {_fieldCount} fields.");

    /// <summary>Returns the pooled buffers and closes the stream unless it was opened with leaveOpen.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        ReturnBuffer();
        ArrayPool<byte>.Shared.Return(_scratch);
        _scratch = [];
        ClearRecord();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    /// <summary>Gives back what this reader owns of <see cref="_buffer"/> (a chunk reader's chunk belongs to its caller).</summary>
    private void ReturnBuffer()
    {
        _bufferFileOffset = BytesRead;
        if (_chunk is not null)
        {
            _chunk.Return();
            _chunk = null;
        }
        else if (_wholeFile && _buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = [];
        _next = _length = 0;
    }

    private ReadOnlySpan<byte> SlotBytes(in TsvFieldSlot slot) =>
        (slot.InScratch ? _scratch : _buffer).AsSpan(slot.Start, slot.Length);

    private void ClearRecord()
    {
        _recordStart = 0;
        _recordLength = 0;
        _fieldCount = 0;
        _escapeWarnings = 0;
        _brokenEscapeField = -1;
        _invalidUtf8Offset = -1;
        _rejectReason = null;
    }

    private void SkipByteOrderMark()
    {
        while (_length - _next < 3 && Fill())
        {
        }

        if (_buffer.AsSpan(_next, _length - _next).StartsWith("\uFEFF"u8))
        {
            _next += 3;
        }
    }

    private string[] ReadHeader()
    {
        if (!TryReadHeaderLine())
        {
            return [];
        }

        if (HeaderProblem(_buffer.AsSpan(_recordStart, _recordLength), complete: true) is string problem)
        {
            throw new InvalidDataException(problem);
        }

        if (_recordLength == 0)
        {
            // An empty first line names no columns; treating it as one unnamed column would make
            // every later blank line a "valid" record.
            return [];
        }

        ParseFields();
        var header = new string[_fieldCount];
        for (int i = 0; i < _fieldCount; i++)
        {
            // Column names are identifiers; a column literally named NULL keeps its name.
            header[i] = Encoding.UTF8.GetString(SlotBytes(_fields[i]));
        }

        return header;
    }

    /// <summary>
    /// Why the header line (or, while it is read, a part of it) shows that the file is not UTF-8
    /// text split by LF: then no record could be read right, and the file is an error, not a table.
    /// </summary>
    /// <remarks>A part of a header line (<paramref name="complete"/> false) is a problem in any case: it is longer than any header.</remarks>
    private static string? HeaderProblem(ReadOnlySpan<byte> line, bool complete)
    {
        if (TextShape.Encoding(line) is string encoding)
        {
            return encoding;
        }

        if (TextShape.LineSeparators(line, unicode: true) is string separators)
        {
            return separators;
        }

        if (!complete)
        {
            return $"its first line is longer than {LongHeader / 1024} KiB and has no LF: the file's lines are not separated by LF (or it is not edX TSV), which VisMooc cannot split into records";
        }

        if (complete && !Utf8.IsValid(line))
        {
            int at = 0;
            while (Rune.DecodeFromUtf8(line[at..], out _, out int consumed) == OperationStatus.Done)
            {
                at += consumed;
            }

            return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"the file is not UTF-8 text: its header line holds the byte 0x{line[at]:X2} at byte {at + 1}, which UTF-8 does not allow; convert the file to UTF-8 first");
        }

        return null;
    }

    /// <summary>
    /// Reads the header line (LF-terminated, or the unterminated only line) into the buffer, refilling
    /// it until an LF ends the line, and consumes it. Only the header decides CRLF mode: a Gen-A
    /// field may legitimately end in a raw CR.
    /// </summary>
    private bool TryReadHeaderLine()
    {
        int searched = 0;
        while (true)
        {
            int start = _next;
            if (LfLines.TryNextWhole(_buffer.AsSpan(0, _length), ref _next, out var line, searched))
            {
                CrlfMode = EndsInCr(line);
                SetRecord(start, line.Length - (CrlfMode ? 1 : 0), unterminated: false);
                return true;
            }

            if (_length - _next > LongHeader)
            {
                // No header is this long: a file without LF line ends would otherwise be read whole
                // as one header line. (Checked on the first LongHeader bytes, past a length no
                // header has, so the answer never depends on how the bytes arrived.)
                throw new InvalidDataException(HeaderProblem(_buffer.AsSpan(_next, LongHeader), complete: false)!);
            }

            searched = _length - _next;
            if (!Fill())
            {
                if (_length == _next)
                {
                    return false;
                }

                // A last line without LF is still a line; its CR (if any) is data, as no LF follows.
                start = _next;
                SetRecord(start, LfLines.Next(_buffer.AsSpan(0, _length), ref _next).Length, unterminated: true);
                return true;
            }
        }
    }

    /// <summary>Consumes the next record (LF-terminated, or the file's unterminated last line); false at the end of the file.</summary>
    private bool TryReadLine()
    {
        while (_next >= _length)
        {
            if (!TryReadOwnChunk())
            {
                return false;
            }
        }

        int start = _next;
        var line = LfLines.Next(_buffer.AsSpan(0, _length), ref _next);
        bool unterminated = _next > _length;

        // In CRLF mode one CR right before the LF belongs to the line end; after the last line no LF follows, so its CR is data.
        SetRecord(start, line.Length - (CrlfMode && !unterminated && EndsInCr(line) ? 1 : 0), unterminated);
        return true;
    }

    private static bool EndsInCr(ReadOnlySpan<byte> line) => !line.IsEmpty && line[^1] == Cr;

    private void SetRecord(int start, int length, bool unterminated)
    {
        _recordStart = start;
        _recordLength = length;
        _unterminated = unterminated;
    }

    /// <summary>A reader of the whole file reads its records in chunks of its own, one after another (none once it has handed out <see cref="Chunks"/>); a chunk reader has only the chunk loaded.</summary>
    private bool TryReadOwnChunk()
    {
        if (!_wholeFile || _chunksTaken)
        {
            return false;
        }

        _records ??= TakeRecords(InitialBufferSize);
        ReturnBuffer();
        if (!_records.TryRead(out var chunk))
        {
            return false;
        }

        _chunk = chunk;
        _buffer = chunk.Buffer;
        _length = chunk.Length;
        _bufferFileOffset = chunk.FileOffset;
        return true;
    }

    /// <summary>Reads more of the header after the bytes read, growing the buffer first when it is nearly full.</summary>
    private bool Fill()
    {
        if (_endOfStream)
        {
            return false;
        }

        if (_buffer.Length - _length < _buffer.Length / 8)
        {
            // The header fills the buffer (it starts at the beginning, or after a byte order mark).
            int live = _length - _next;
            PooledArray.Grow(ref _buffer, live, live + 1L, keepFrom: _next);
            _bufferFileOffset += _next;
            _next = 0;
            _length = live;
        }

        int read = _stream.Read(_buffer, _length, _buffer.Length - _length);
        if (read <= 0)
        {
            _endOfStream = true;
            return false;
        }

        _length += read;
        return true;
    }

    /// <summary>Splits the current line on TAB and decodes escapes, left to right, in one pass.</summary>
    private void ParseFields()
    {
        ReadOnlySpan<byte> record = _buffer.AsSpan(_recordStart, _recordLength);
        if (_scratch.Length < record.Length)
        {
            // Decoding never lengthens a field, so the record's length bounds the scratch space.
            PooledArray.Grow(ref _scratch, 0, record.Length);
        }

        _scratchLength = 0;
        _fieldCount = 0;
        _escapeWarnings = 0;
        _brokenEscapeField = -1;
        _invalidUtf8Offset = -1;
        _rejectReason = null;

        int fieldStart = 0;
        int pos = 0;
        int decodedStart = -1;
        while (true)
        {
            int hit = record.Slice(pos).IndexOfAny(Tab, Backslash);
            if (hit < 0)
            {
                EndField(record, fieldStart, pos, record.Length, decodedStart);
                return;
            }

            hit += pos;
            if (record[hit] == Tab)
            {
                EndField(record, fieldStart, pos, hit, decodedStart);
                fieldStart = pos = hit + 1;
                decodedStart = -1;
                continue;
            }

            if (decodedStart < 0)
            {
                decodedStart = _scratchLength;
            }

            Append(record.Slice(pos, hit - pos));
            if (hit + 1 == record.Length || record[hit + 1] == Tab)
            {
                // A lone backslash at the end of a field: the exporter always doubles a real one.
                if (_brokenEscapeField < 0)
                {
                    _brokenEscapeField = _fieldCount;
                }

                _scratch[_scratchLength++] = Backslash;
                pos = hit + 1;
                continue;
            }

            byte escaped = record[hit + 1];
            if (EdxTsvDialect.TryUnescape(escaped, out byte decoded))
            {
                _scratch[_scratchLength++] = decoded;
            }
            else
            {
                // Not one of the exporter's escapes (\N is INTO OUTFILE's NULL, not ours): keep it as typed.
                _scratch[_scratchLength++] = Backslash;
                _scratch[_scratchLength++] = escaped;
                _escapeWarnings++;
            }

            pos = hit + 2;
        }
    }

    private void EndField(ReadOnlySpan<byte> record, int fieldStart, int pos, int end, int decodedStart)
    {
        TsvFieldSlot slot;
        if (decodedStart >= 0)
        {
            Append(record.Slice(pos, end - pos));
            slot = new TsvFieldSlot(true, decodedStart, _scratchLength - decodedStart, FieldKind.String);
        }
        else
        {
            int length = end - fieldStart;
            FieldKind kind = EdxTsvDialect.IsNull(record.Slice(fieldStart, length)) ? FieldKind.Null : FieldKind.String;
            slot = new TsvFieldSlot(false, _recordStart + fieldStart, length, kind);
        }

        if (_fieldCount == _fields.Length)
        {
            PooledArray.Resize(ref _fields, _fieldCount, _fieldCount + 1);
        }

        _fields[_fieldCount++] = slot;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_scratch.AsSpan(_scratchLength));
        _scratchLength += bytes.Length;
    }

    private void CheckUtf8()
    {
        ReadOnlySpan<byte> record = RawRecord;
        if (Utf8.IsValid(record))
        {
            return;
        }

        int i = 0;
        while (i < record.Length)
        {
            int nonAscii = record.Slice(i).IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (nonAscii < 0)
            {
                return;
            }

            i += nonAscii;
            if (Rune.DecodeFromUtf8(record.Slice(i), out _, out int consumed) != OperationStatus.Done)
            {
                _invalidUtf8Offset = _bufferFileOffset + _recordStart + i;
                return;
            }

            i += consumed;
        }
    }
}
