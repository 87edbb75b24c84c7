namespace VisMooc.Modules.IO;

/// <summary>Walks the LF-terminated lines of an <see cref="LfChunk"/>, numbering them and giving each one's offset in the file.</summary>
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

        int lf = _bytes[_next..].IndexOf((byte)'\n');
        int end = lf < 0 ? _bytes.Length : _next + lf;
        Current = _bytes[_next..end];
        LineOffset = _fileOffset + _next;
        LineNumber++;
        _next = end + 1;
        return true;
    }
}
