using System.Globalization;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Reporting;

namespace VisMooc.Modules.IO;

/// <summary>
/// An input file read once from start to end that fails when the file changes size meanwhile (an
/// export still being written, a copy not finished, a file truncated): at the end of the file the
/// bytes read and the file's length now must both equal its length when it was opened. It also
/// counts the bytes it reads for the progress display, when given a counter.
/// </summary>
public sealed class SizeCheckedStream : ForwardReadStream
{
    private readonly FileStream _file;
    private readonly long _lengthAtOpen;
    private readonly ProgressCounter? _counter;
    private long _read;

    /// <summary>Opens <paramref name="path"/> for one sequential pass; <paramref name="counter"/>, when given, counts the bytes read.</summary>
    public SizeCheckedStream(string path, ProgressCounter? counter = null)
        : this(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan), counter)
    {
    }

    private SizeCheckedStream(FileStream file, ProgressCounter? counter)
        : base(file)
    {
        _file = file;
        _counter = counter;
        // A pipe or device has no length to compare: it is read as it comes.
        _lengthAtOpen = _file.CanSeek ? _file.Length : -1;
    }

    /// <inheritdoc/>
    public override long Length => _lengthAtOpen >= 0 ? _lengthAtOpen : throw new NotSupportedException();

    /// <inheritdoc/>
    protected override long PositionCore => _read;

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        int n;
        try
        {
            n = _file.Read(buffer);
        }
        catch (IOException e)
        {
            // A read error is the input's (a bad disk, a vanished network share), not the output's.
            throw new ConvertException(_file.Name, "cannot be read: " + e.Message);
        }

        _read += n;
        _counter?.Add(n);
        if (_lengthAtOpen >= 0 && (_read > _lengthAtOpen || (n == 0 && buffer.Length > 0 && (_read != _lengthAtOpen || _file.Length != _lengthAtOpen))))
        {
            throw new ConvertException(_file.Name, string.Create(CultureInfo.InvariantCulture,
                $"the file changed size while it was read ({_lengthAtOpen} bytes when opened, {_read} read, {_file.Length} now); it is still being written or copied: convert again once it is complete"));
        }

        return n;
    }
}
