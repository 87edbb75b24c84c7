namespace VisMooc.Modules.IO;

/// <summary>
/// Base of the streams that read a source once from start to end: readable, not seekable, not
/// writable; disposing it disposes the source. Subclasses give <see cref="Read(Span{byte})"/>,
/// <see cref="Length"/> and <see cref="Position"/>.
/// </summary>
public abstract class ForwardReadStream(Stream source) : Stream
{
    /// <summary>The stream read from.</summary>
    protected Stream Source { get; } = source;

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Position
    {
        get => PositionCore;
        set => throw new NotSupportedException();
    }

    /// <summary>How many bytes have been read.</summary>
    protected abstract long PositionCore { get; }

    /// <inheritdoc/>
    public abstract override int Read(Span<byte> buffer);

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Source.Dispose();
        }

        base.Dispose(disposing);
    }
}
