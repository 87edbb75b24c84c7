using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace VisMooc.Modules.IO;

/// <summary>
/// Cuts a stream into <see cref="LfChunk"/>s of about a given size at LF bytes, so that the chunks
/// can be converted side by side. Safe for edX TSV and JSON lines: both end records at LF only,
/// and neither has a raw LF inside a record. Reads the stream once, sequentially, to its end.
/// </summary>
public sealed class LfChunkReader
{
    private readonly Stream _stream;
    private readonly int _chunkSize;
    private readonly Func<long, string> _tooLong;
    private byte[] _carry;
    private int _carryLength;
    private long _fileOffset;
    private long _nextLine;
    private bool _endOfStream;

    /// <summary>Reads <paramref name="stream"/> (not disposed here) in chunks.</summary>
    /// <param name="stream">The rest of the file.</param>
    /// <param name="buffered">Bytes already read from the stream that come first (after a header line, say).</param>
    /// <param name="fileOffset">The file offset of the first byte of <paramref name="buffered"/>.</param>
    /// <param name="firstLine">The line number of the first record.</param>
    /// <param name="chunkSize">About how many bytes a chunk holds (at least one record each).</param>
    /// <param name="tooLong">The message of the <see cref="InvalidDataException"/> for a record, at the given line, that no array can hold.</param>
    public LfChunkReader(Stream stream, ReadOnlySpan<byte> buffered, long fileOffset, long firstLine, int chunkSize, Func<long, string> tooLong)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        _stream = stream;
        _chunkSize = chunkSize;
        _tooLong = tooLong;
        _carry = ArrayPool<byte>.Shared.Rent(Math.Max(buffered.Length, 16));
        buffered.CopyTo(_carry);
        _carryLength = buffered.Length;
        _fileOffset = fileOffset;
        _nextLine = firstLine;
    }

    /// <summary>The next chunk; false at the end of the stream.</summary>
    /// <exception cref="InvalidDataException">A record is longer than the largest array.</exception>
    public bool TryRead([NotNullWhen(true)] out LfChunk? chunk)
    {
        // A chunk ends at the last LF within the chunk size; a record longer than that is a chunk of its own.
        int limit = Math.Max(_chunkSize, _carryLength);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(limit);
        _carry.AsSpan(0, _carryLength).CopyTo(buffer);
        int length = Fill(buffer, _carryLength, limit);
        int end = buffer.AsSpan(0, Math.Min(length, _chunkSize)).LastIndexOf((byte)'\n') + 1;
        int searched = Math.Min(length, _chunkSize);
        while (end == 0)
        {
            int lf = buffer.AsSpan(searched, length - searched).IndexOf((byte)'\n');
            if (lf >= 0)
            {
                end = searched + lf + 1;
                break;
            }

            if (_endOfStream)
            {
                // No LF left: the unterminated last line, a record too (or nothing).
                end = length;
                break;
            }

            if (buffer.Length >= Array.MaxLength)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw new InvalidDataException(_tooLong(_nextLine));
            }

            searched = length;
            byte[] grown = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, Array.MaxLength));
            buffer.AsSpan(0, length).CopyTo(grown);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = grown;
            length = Fill(buffer, length, buffer.Length);
        }

        if (end == 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ReturnCarry();
            chunk = null;
            return false;
        }

        SetCarry(buffer.AsSpan(end, length - end));
        chunk = new LfChunk(buffer, end, _nextLine, _fileOffset);
        var bytes = buffer.AsSpan(0, end);
        _nextLine += bytes.Count((byte)'\n') + (bytes[^1] == '\n' ? 0 : 1);
        _fileOffset += end;
        return true;
    }

    private void ReturnCarry()
    {
        if (_carry.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_carry);
            _carry = [];
            _carryLength = 0;
        }
    }

    private int Fill(byte[] buffer, int length, int limit)
    {
        while (length < limit && !_endOfStream)
        {
            int read = _stream.Read(buffer, length, limit - length);
            if (read <= 0)
            {
                _endOfStream = true;
            }

            length += Math.Max(read, 0);
        }

        return length;
    }

    private void SetCarry(ReadOnlySpan<byte> bytes)
    {
        if (_carry.Length < bytes.Length)
        {
            ArrayPool<byte>.Shared.Return(_carry);
            _carry = ArrayPool<byte>.Shared.Rent(bytes.Length);
        }

        bytes.CopyTo(_carry);
        _carryLength = bytes.Length;
    }
}
