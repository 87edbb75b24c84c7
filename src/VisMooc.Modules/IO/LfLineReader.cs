namespace VisMooc.Modules.IO;

/// <summary>
/// Reads a UTF-8 stream one LF-terminated line at a time (a CR is data; the unterminated last line
/// is a line too), for readers that go through a file in one pass, such as
/// <see cref="Load.DialectCsvReader"/>. Built on the one LF splitter: <see cref="LfChunkReader"/>
/// cuts the stream into chunks and <see cref="LfLines.Next"/> splits them, so lines, numbers and
/// offsets are those the parallel readers see.
/// </summary>
public sealed class LfLineReader : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly LfChunkReader _chunks;
    private LfChunk? _chunk;
    private int _next;
    private long _bytesRead;

    /// <summary>Creates a reader over <paramref name="stream"/>, reading about <paramref name="bufferSize"/> bytes at a time; a line longer than <paramref name="maxLineBytes"/> is an <see cref="InvalidDataException"/>.</summary>
    public LfLineReader(Stream stream, bool leaveOpen = false, int bufferSize = 1 << 16, int maxLineBytes = int.MaxValue)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        int max = Math.Min(maxLineBytes, Array.MaxLength);
        _chunks = new LfChunkReader(stream, [], 0, 1, bufferSize,
            line => $"line {line} is longer than {max} bytes; the file is not JSON lines", max);
    }

    /// <summary>1-based number of the current line.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Bytes of the stream consumed so far: everything up to and including the current line's LF.</summary>
    public long BytesRead => _bytesRead;

    /// <summary>Byte offset in the stream of the current line's first byte.</summary>
    public long LineOffset { get; private set; }

    /// <summary>Reads the next line (without its LF); false at the end of the stream.</summary>
    /// <exception cref="InvalidDataException">A line is longer than the limit given at construction.</exception>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (_chunk is null || _next >= _chunk.Length)
        {
            _chunk?.Return();
            _chunk = null;
            if (!_chunks.TryRead(out var chunk))
            {
                line = default;
                return false;
            }

            _chunk = chunk;
            _next = 0;
        }

        LineOffset = _chunk.FileOffset + _next;
        line = LfLines.Next(_chunk.Bytes, ref _next);
        _bytesRead = _chunk.FileOffset + Math.Min(_next, _chunk.Length);
        LineNumber++;
        return true;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _chunk?.Return();
        _chunk = null;
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }
}
