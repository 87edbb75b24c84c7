using System.Runtime.CompilerServices;

namespace VisMooc.Modules.IO;

/// <summary>
/// Walks the LF-terminated lines of an <see cref="LfChunk"/>, numbering them and giving each one's
/// offset in the file. <see cref="Next"/> (and <see cref="TryNextWhole"/>, for a line that may go on
/// past the bytes read so far) is the one place that splits bytes at LF: chunks come from
/// <see cref="LfChunkReader"/>; <see cref="LfLineReader"/> reads lines one by one with both, and
/// <see cref="Sources.EdxTsv.EdxTsvReader"/> reads its header line and its records with them.
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
        if (TryNextWhole(bytes, ref next, out var line))
        {
            return line;
        }

        line = bytes[next..];
        next = bytes.Length + 1;
        return line;
    }

    /// <summary>
    /// The line that starts at <paramref name="next"/> in <paramref name="bytes"/>, without its LF,
    /// when an LF in <paramref name="bytes"/> ends it; moves <paramref name="next"/> past the LF.
    /// False, with <paramref name="next"/> unchanged, when no LF follows: the line may go on past
    /// <paramref name="bytes"/>, so a reader that refills its buffer (for a header line) asks again.
    /// </summary>
    /// <param name="bytes">The bytes read so far.</param>
    /// <param name="next">Where the line starts.</param>
    /// <param name="line">The line, without its LF.</param>
    /// <param name="searched">How many bytes from <paramref name="next"/> on an earlier call found without LF (they are not searched again).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // Next, on every line of every reader, stays one method
    internal static bool TryNextWhole(ReadOnlySpan<byte> bytes, scoped ref int next, out ReadOnlySpan<byte> line, int searched = 0)
    {
        int lf = bytes[(next + searched)..].IndexOf((byte)'\n');
        if (lf < 0)
        {
            line = default;
            return false;
        }

        int end = next + searched + lf;
        line = bytes[next..end];
        next = end + 1;
        return true;
    }
}
