namespace VisMooc.Modules.IO;

/// <summary>
/// Walks the LF-terminated lines of an <see cref="LfChunk"/>, numbering them and giving each one's
/// offset in the file. <see cref="Next"/> is the one place that splits bytes at LF: chunks come from
/// <see cref="LfChunkReader"/>, and <see cref="LfLineReader"/> reads lines one by one with both.
/// </summary>
public ref struct LfLines
{
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly long _fileOffset;
    private int _next;

    internal LfLines(ReadOnlySpan<byte> bytes, long firstLine, long fileOffset)
    {
        _bytes = bytes;
        _fileOffset = fileOffset;
        LineNumber = firstLine - 1;
    }

    /// <summary>The current line, without its LF.</summary>
    public ReadOnlySpan<byte> Current { get; private set; }

    /// <summary>1-based number of the current line in the file.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Byte offset in the file of the current line's first byte.</summary>
    public long LineOffset { get; private set; }

    /// <summary>Advances to the next line; false after the last.</summary>
    public bool MoveNext()
    {
        if (_next >= _bytes.Length)
        {
            return false;
        }

        LineOffset = _fileOffset + _next;
        Current = Next(_bytes, ref _next);
        LineNumber++;
        return true;
    }

    /// <summary>The line that starts at <paramref name="next"/> in <paramref name="bytes"/>, without its LF (or up to the end when no LF follows); moves <paramref name="next"/> past the LF.</summary>
    internal static ReadOnlySpan<byte> Next(ReadOnlySpan<byte> bytes, scoped ref int next)
    {
        int lf = bytes[next..].IndexOf((byte)'\n');
        int end = lf < 0 ? bytes.Length : next + lf;
        var line = bytes[next..end];
        next = end + 1;
        return line;
    }
}
