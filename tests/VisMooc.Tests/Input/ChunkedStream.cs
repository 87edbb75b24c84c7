namespace VisMooc.Tests.Input;

/// <summary>
/// A read-only stream that hands out at most a few bytes per <see cref="Read(byte[], int, int)"/>
/// (cycling 1..7), so every record, escape, CR LF pair and BOM gets split across refills.
/// </summary>
public sealed class ChunkedStream : Stream
{
    private const int MaxChunk = 7;

    private readonly byte[] _data;
    private int _position;
    private int _nextChunk = 1;

    /// <summary>Creates a stream over <paramref name="data"/>.</summary>
    public ChunkedStream(byte[] data) => _data = data;

    /// <summary>Number of Read calls that returned data.</summary>
    public int ReadCalls { get; private set; }

    /// <summary>True once disposed.</summary>
    public bool IsDisposed { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int chunk = Math.Min(Math.Min(count, _nextChunk), _data.Length - _position);
        _nextChunk = _nextChunk == MaxChunk ? 1 : _nextChunk + 1;
        _data.AsSpan(_position, chunk).CopyTo(buffer.AsSpan(offset));
        _position += chunk;
        if (chunk > 0)
        {
            ReadCalls++;
        }

        return chunk;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        IsDisposed = true;
        base.Dispose(disposing);
    }
}
