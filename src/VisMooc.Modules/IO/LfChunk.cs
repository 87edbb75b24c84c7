using System.Buffers;

namespace VisMooc.Modules.IO;

/// <summary>
/// Consecutive whole records of a file, cut at an LF (only the file's unterminated last line ends
/// without one), with where they start in the file, so messages name the same lines and offsets
/// as a reader of the whole file would. The bytes are pooled: <see cref="Return"/> when done.
/// </summary>
public sealed class LfChunk
{
    private byte[] _buffer;

    internal LfChunk(byte[] buffer, int length, long firstLine, long fileOffset)
    {
        _buffer = buffer;
        Length = length;
        FirstLine = firstLine;
        FileOffset = fileOffset;
    }

    /// <summary>The array holding the bytes (from index 0; pooled, longer than <see cref="Length"/>).</summary>
    public byte[] Buffer => _buffer;

    /// <summary>Number of bytes.</summary>
    public int Length { get; }

    /// <summary>The 1-based line number of the first record.</summary>
    public long FirstLine { get; }

    /// <summary>Byte offset of the first byte in the file (in the decompressed bytes of a <c>.gz</c> file).</summary>
    public long FileOffset { get; }

    /// <summary>The bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, Length);

    /// <summary>The lines, without their LF.</summary>
    public LfLines Lines => new(Bytes, FirstLine, FileOffset);

    /// <summary>Gives the bytes back to the pool; the chunk is empty afterwards.</summary>
    public void Return()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }
}
