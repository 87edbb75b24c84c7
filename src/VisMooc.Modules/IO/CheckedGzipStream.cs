using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.IO.Hashing;
using VisMooc.Modules.Pipeline;

namespace VisMooc.Modules.IO;

/// <summary>
/// Decompresses a <c>.gz</c> file and proves it whole: every member's trailer (CRC-32 and length of
/// its data) must be present and match, so a file cut short is an error, never a shorter table.
/// <see cref="GZipStream"/> stops quietly where a download or copy stopped; this stream parses the
/// gzip framing itself and inflates each member's deflate data with <see cref="DeflateStream"/>.
/// As with gzip(1) and <see cref="GZipStream"/>, members follow each other; bytes after the last
/// member that do not start with the gzip signature (zero padding, junk) are ignored.
/// </summary>
/// <remarks>
/// A <see cref="DeflateStream"/> reads ahead of the deflate data it inflates, and does not say how
/// far the data went. It asks for more input only once it has used up what it was given, so a
/// member's deflate data ends inside the last segment handed to it (or right at its start), and
/// its trailer follows: the 8 bytes made of the CRC-32 and length of the data just inflated. That
/// pattern is searched for in the last segment: exactly one match is the trailer (a second would
/// make the end ambiguous, which is an error; it never happens by chance: 2^-64 per position).
/// </remarks>
public sealed class CheckedGzipStream : ForwardReadStream
{
    private const int BufferSize = 1 << 17;
    private const int TrailerLength = 8;

    private readonly string _path;
    private readonly Crc32 _crc = new();

    // The bytes of the member header read so far, for its FHCRC (a CRC-16 of the header).
    private readonly Crc32 _headerCrc = new();
    private readonly Tap _tap;
    private byte[] _buffer = new byte[BufferSize];
    private int _pos;            // next byte not yet consumed (by the header parser or the tap)
    private int _end;            // end of the bytes read from the file
    private int _segmentStart;   // start of the last segment handed to the deflate stream
    private long _bufferOffset;  // file offset of _buffer[0]
    private bool _sourceEnded;
    private bool _tapEnded;
    private DeflateStream? _deflate;
    private int _member;
    private long _memberLength;
    private long _position;
    private bool _done;

    /// <summary>Decompresses <paramref name="compressed"/> (disposed with this stream), the contents of <paramref name="path"/>, named in errors.</summary>
    public CheckedGzipStream(Stream compressed, string path)
        : base(compressed)
    {
        _path = path;
        _tap = new Tap(this);
    }

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    protected override long PositionCore => _position;

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        while (!_done && !buffer.IsEmpty)
        {
            if (_deflate is null && !StartMember())
            {
                _done = true;
                break;
            }

            int n;
            try
            {
                n = _deflate!.Read(buffer);
            }
            catch (InvalidDataException)
            {
                throw _tapEnded
                    ? Error($"the gzip data ends early, inside member {_member}: the file is incomplete (an unfinished download or copy?); get the whole file again")
                    : Error(string.Create(CultureInfo.InvariantCulture, $"the gzip data is corrupt: the compressed data of member {_member} is invalid near byte {_bufferOffset + _segmentStart}; get the file again"));
            }

            if (n > 0)
            {
                _crc.Append(buffer[..n]);
                _memberLength += n;
                _position += n;
                return n;
            }

            EndMember();
        }

        return 0;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _deflate?.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Parses the next member's header; false at the end of the data (or at trailing bytes that are not a member).</summary>
    private bool StartMember()
    {
        if (_member == 0)
        {
            if (!Need(1))
            {
                throw Error("is empty (0 bytes), so not gzip data: the file is incomplete (an unfinished download or copy?); get the whole file again");
            }

            if (!Need(2) || _buffer[_pos] != 0x1F || _buffer[_pos + 1] != 0x8B)
            {
                throw Error("is not gzip data (it does not start with the gzip signature 1F 8B); if it is plain text, remove .gz from its name");
            }
        }
        else
        {
            if (!Need(1))
            {
                return false;
            }

            if (_buffer[_pos] != 0x1F)
            {
                DrainJunk();
                return false;
            }

            if (!Need(2))
            {
                throw CutShort(_member + 1);
            }

            if (_buffer[_pos + 1] != 0x8B)
            {
                DrainJunk();
                return false;
            }
        }

        int member = _member + 1;
        if (!Need(10))
        {
            throw CutShort(member);
        }

        byte method = _buffer[_pos + 2];
        byte flags = _buffer[_pos + 3];
        if (method != 8)
        {
            throw Error(string.Create(CultureInfo.InvariantCulture, $"member {member} of the gzip data uses compression method {method}, not deflate (8): VisMooc cannot read it; decompress the file with the tool that made it"));
        }

        if ((flags & 0xE0) != 0)
        {
            throw Error($"the gzip data is corrupt: the header of member {member} sets reserved flags; get the file again");
        }

        _headerCrc.Reset();
        SkipHeader(10);
        if ((flags & 0x04) != 0)
        {
            // FEXTRA: a length, then that many bytes.
            if (!Need(2))
            {
                throw CutShort(member);
            }

            int extra = BinaryPrimitives.ReadUInt16LittleEndian(_buffer.AsSpan(_pos));
            SkipHeader(2);
            if (!Need(extra))
            {
                throw CutShort(member);
            }

            SkipHeader(extra);
        }

        for (int flag = 0x08; flag <= 0x10; flag <<= 1)
        {
            // FNAME, then FCOMMENT: zero-terminated, of any length.
            if ((flags & flag) != 0)
            {
                SkipZeroTerminated(member);
            }
        }

        if ((flags & 0x02) != 0)
        {
            // FHCRC: the low 16 bits of the CRC-32 of the header bytes before it (RFC 1952), checked
            // like the trailer's CRC-32: a damaged header is not read as if it were whole.
            if (!Need(2))
            {
                throw CutShort(member);
            }

            ushort expected = BinaryPrimitives.ReadUInt16LittleEndian(_buffer.AsSpan(_pos));
            if ((ushort)_headerCrc.GetCurrentHashAsUInt32() != expected)
            {
                throw Error(string.Create(CultureInfo.InvariantCulture, $"the gzip data is corrupt: the header CRC of member {member} does not match its header; get the file again"));
            }

            _pos += 2;
        }

        _member = member;
        _memberLength = 0;
        _crc.Reset();
        _segmentStart = _pos;
        _tapEnded = false;
        _deflate = new DeflateStream(_tap, CompressionMode.Decompress, leaveOpen: true);
        return true;
    }

    /// <summary>The member's deflate data has ended: finds and checks its trailer, and moves past it.</summary>
    private void EndMember()
    {
        _deflate!.Dispose();
        _deflate = null;
        Span<byte> trailer = stackalloc byte[TrailerLength];
        uint crc = _crc.GetCurrentHashAsUInt32();
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, crc);
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], unchecked((uint)_memberLength));

        // The trailer starts where the deflate data ended: at or after the last segment's start, at
        // or before the last byte handed out. Make sure the bytes it may span have been read.
        // (Two bytes more: what follows a trailer tells a true one from a copy, see below.)
        int handed = _pos - _segmentStart;
        NeedFrom(_segmentStart, handed + TrailerLength + 2);
        var read = _buffer.AsSpan(_segmentStart, _end - _segmentStart);
        var region = read[..Math.Min(read.Length, handed + TrailerLength)];
        int first = region.IndexOf(trailer);
        if (first < 0)
        {
            throw Mismatch(region, handed, trailer);
        }

        // The same eight bytes can appear again within reach: the next member's trailer when the
        // members are identical (cat a.gz a.gz), or all zeros after an empty member and the one
        // after it. Then the trailer is the first place that is followed by the end of the file
        // or by the next member's signature; when none is, where the member ends is not known.
        int at = first;
        if (region[(first + 1)..].IndexOf(trailer) >= 0)
        {
            at = -1;
            for (int p = first; p >= 0 && p < region.Length; p = NextMatch(region, trailer, p + 1))
            {
                int after = p + TrailerLength;
                if ((after == read.Length && _sourceEnded) || (after + 2 <= read.Length && read[after] == 0x1F && read[after + 1] == 0x8B))
                {
                    at = p;
                    break;
                }
            }

            if (at < 0)
            {
                throw Error($"cannot tell where member {_member} of the gzip data ends (its trailer appears twice); decompress the file first (gunzip -k) and convert the result");
            }
        }

        _pos = _segmentStart + at + TrailerLength;
    }

    private static int NextMatch(ReadOnlySpan<byte> region, ReadOnlySpan<byte> trailer, int from)
    {
        int i = from > region.Length ? -1 : region[from..].IndexOf(trailer);
        return i < 0 ? -1 : from + i;
    }

    private ConvertException Mismatch(ReadOnlySpan<byte> region, int handed, ReadOnlySpan<byte> trailer)
    {
        // Only to word the error: a trailer slot with the right length but another CRC-32 (or the reverse).
        string crc = $"the gzip data is corrupt: the CRC-32 stored for member {_member} does not match its data; get the file again";
        string length = $"the gzip data is corrupt: the length stored for member {_member} does not match its data; get the file again";
        if (_sourceEnded)
        {
            // At the end of the file the slot is its last 8 bytes, unless the file was cut.
            if (region.Length >= TrailerLength && region.Length - TrailerLength <= handed)
            {
                var last = region[^TrailerLength..];
                if (last[4..].SequenceEqual(trailer[4..]))
                {
                    return Error(crc);
                }

                if (last[..4].SequenceEqual(trailer[..4]))
                {
                    return Error(length);
                }
            }

            return CutShort(_member);
        }

        for (int p = 0; p <= handed && p + TrailerLength <= region.Length; p++)
        {
            if (region.Slice(p + 4, 4).SequenceEqual(trailer[4..]))
            {
                return Error(crc);
            }

            if (region.Slice(p, 4).SequenceEqual(trailer[..4]))
            {
                return Error(length);
            }
        }

        return Error($"the gzip data is corrupt: member {_member} has no valid trailer (CRC-32 and length) after its data; get the file again");
    }

    private ConvertException CutShort(int member) =>
        Error($"the gzip data ends early, inside member {member}: the file is incomplete (an unfinished download or copy?); get the whole file again");

    private ConvertException Error(string problem) => new(_path, problem);

    private void SkipZeroTerminated(int member)
    {
        while (true)
        {
            if (!Need(1))
            {
                throw CutShort(member);
            }

            int zero = _buffer.AsSpan(_pos, _end - _pos).IndexOf((byte)0);
            if (zero >= 0)
            {
                SkipHeader(zero + 1);
                return;
            }

            SkipHeader(_end - _pos);
        }
    }

    /// <summary>Moves past <paramref name="count"/> header bytes that are in the buffer, adding them to the header CRC.</summary>
    private void SkipHeader(int count)
    {
        _headerCrc.Append(_buffer.AsSpan(_pos, count));
        _pos += count;
    }

    /// <summary>Reads the rest of the file (ignored, as gzip does), so that its size is still checked at its end.</summary>
    private void DrainJunk()
    {
        _pos = _end;
        while (Need(1))
        {
            _pos = _end;
        }
    }

    /// <summary>True when <paramref name="count"/> bytes from the current position are in the buffer (reading more if needed); false at the end of the file.</summary>
    private bool Need(int count) => NeedFrom(_pos, count);

    /// <summary>Makes <paramref name="count"/> bytes from <paramref name="start"/> available, keeping everything from <paramref name="start"/>; false when the file ends first.</summary>
    private bool NeedFrom(int start, int count)
    {
        while (_end - start < count)
        {
            if (_sourceEnded)
            {
                return false;
            }

            if (_end == _buffer.Length)
            {
                int keep = _end - start;
                var target = keep + (BufferSize / 2) > _buffer.Length ? new byte[_buffer.Length * 2] : _buffer;
                Buffer.BlockCopy(_buffer, start, target, 0, keep);
                _buffer = target;
                _bufferOffset += start;
                _pos -= start;
                _segmentStart = Math.Max(0, _segmentStart - start);
                _end = keep;
                start = 0;
            }

            int n = Source.Read(_buffer, _end, _buffer.Length - _end);
            if (n == 0)
            {
                _sourceEnded = true;
                return false;
            }

            _end += n;
        }

        return true;
    }

    /// <summary>Feeds the current member's deflate stream, one segment of the buffer per read, remembering where the last one started.</summary>
    private sealed class Tap(CheckedGzipStream owner) : ForwardReadStream(Null)
    {
        public override long Length => throw new NotSupportedException();

        protected override long PositionCore => 0;

        public override int Read(Span<byte> buffer)
        {
            if (buffer.IsEmpty)
            {
                return 0;
            }

            // Everything handed out before has been used: keep only from here on.
            if (!owner.NeedFrom(owner._pos, 1))
            {
                owner._segmentStart = owner._pos;
                owner._tapEnded = true;
                return 0;
            }

            int n = Math.Min(buffer.Length, owner._end - owner._pos);
            owner._segmentStart = owner._pos;
            owner._buffer.AsSpan(owner._pos, n).CopyTo(buffer);
            owner._pos += n;
            return n;
        }
    }
}
