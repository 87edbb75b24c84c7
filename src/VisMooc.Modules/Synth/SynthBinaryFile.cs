using System.IO.Compression;

namespace VisMooc.Modules.Synth;

/// <summary>
/// One generated binary file (a day of tracking logs), gzip-compressed or plain, written under a
/// partial name and renamed to its final name by <see cref="Commit"/>.
/// </summary>
internal sealed class SynthBinaryFile : IDisposable
{
    private readonly FileStream _file;
    private readonly Stream _stream;
    private readonly string _partial;
    private readonly string _path;
    private bool _committed;

    // RFC 1952: magic, deflate, no flags, mtime 0, no extra flags, OS unknown; an empty final stored-fixed block; CRC-32 0; length 0.
    private static readonly byte[] s_emptyGzipMember = [0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff, 0x03, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>Opens <paramref name="path"/>'s partial file.</summary>
    public SynthBinaryFile(string path, bool gzip)
    {
        _path = path;
        _partial = Path.Combine(Path.GetDirectoryName(path)!, ".vismooc-partial-" + Path.GetFileName(path));
        _file = SynthPartialFile.Create(_partial, path);
        _stream = gzip ? new GZipStream(_file, CompressionLevel.Optimal, leaveOpen: true) : _file;
    }

    /// <summary>Uncompressed bytes written so far.</summary>
    public long Length { get; private set; }

    /// <summary>Appends bytes.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        _stream.Write(bytes);
        Length += bytes.Length;
    }

    /// <summary>Finishes the file and gives it its final name; returns its size on disk.</summary>
    public long Commit()
    {
        if (!ReferenceEquals(_stream, _file))
        {
            _stream.Dispose();
            if (_file.Length == 0)
            {
                // GZipStream writes nothing at all for no input, and 0 bytes are not gzip data (readers rightly
                // refuse them as cut short): a day without lines is one empty member, as `gzip < /dev/null` writes.
                _file.Write(s_emptyGzipMember);
            }
        }

        _file.Flush();
        long size = _file.Length;
        _file.Dispose();
        File.Move(_partial, _path, overwrite: true);
        _committed = true;
        return size;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _stream.Dispose();
        _file.Dispose();
        if (!_committed && File.Exists(_partial))
        {
            File.Delete(_partial);
        }
    }
}
