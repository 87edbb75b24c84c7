using VisMooc.Modules.Reporting;

namespace VisMooc.Modules.IO;

/// <summary>A read-only pass-through stream that counts the bytes read from a package file, for progress output.</summary>
public sealed class CountingStream(Stream inner, ProgressCounter counter) : ForwardReadStream(inner)
{
    /// <inheritdoc/>
    public override long Length => Source.Length;

    /// <inheritdoc/>
    protected override long PositionCore => Source.Position;

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        int n = Source.Read(buffer);
        counter.Add(n);
        return n;
    }
}
