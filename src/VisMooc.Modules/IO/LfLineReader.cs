using System.Buffers;

namespace VisMooc.Modules.IO;

/// <summary>
/// Splits a UTF-8 stream into records at LF bytes only (a CR is data), streaming through a pooled
/// buffer that grows to the longest record. Used for JSON-lines files.
/// </summary>
public sealed class LfLineReader : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private long _bytesBefore;
    private readonly int _maxLineBytes;

    /// <summary>Creates a reader over <paramref name="stream"/>; a line longer than <paramref name="maxLineBytes"/> is an <see cref="InvalidDataException"/>.</summary>
    public LfLineReader(Stream stream, bool leaveOpen = false, int bufferSize = 1 << 16, int maxLineBytes = int.MaxValue)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        _buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
        _maxLineBytes = Math.Min(maxLineBytes, Array.MaxLength);
    }

    /// <summary>1-based number of the current line.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Bytes of the stream consumed so far.</summary>
    public long BytesRead => _bytesBefore + _start;

    /// <summary>Byte offset in the stream of the current line's first byte.</summary>
    public long LineOffset { get; private set; }

    /// <summary>Reads the next line (without its LF); false at the end of the stream.</summary>
    /// <exception cref="InvalidDataException">A line is longer than the limit given at construction.</exception>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        int searchFrom = _start;
        while (true)
        {
            int i = _buffer.AsSpan(searchFrom, _end - searchFrom).IndexOf((byte)'\n');
            if (i >= 0)
            {
                int lineEnd = searchFrom + i;
                line = _buffer.AsSpan(_start, lineEnd - _start);
                LineOffset = _bytesBefore + _start;
                _start = lineEnd + 1;
                LineNumber++;
                return true;
            }

            if (_eof)
            {
                if (_end > _start)
                {
                    line = _buffer.AsSpan(_start, _end - _start);
                    LineOffset = _bytesBefore + _start;
                    _start = _end;
                    LineNumber++;
                    return true;
                }

                line = default;
                return false;
            }

            searchFrom = _end - _start;
            Fill();
        }
    }

    private void Fill()
    {
        // Move the partial line to the front, grow when it fills the buffer, then read more.
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _bytesBefore += _start;
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            // Doubling past 1 GiB overflows int; past the cap the line cannot be held at all.
            if (_end >= _maxLineBytes)
            {
                throw new InvalidDataException($"line {LineNumber + 1} is longer than {_maxLineBytes} bytes; the file is not JSON lines");
            }

            byte[] bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buffer.Length * 2, _maxLineBytes));
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        int n = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (n == 0)
        {
            _eof = true;
        }

        _end += n;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }

        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
