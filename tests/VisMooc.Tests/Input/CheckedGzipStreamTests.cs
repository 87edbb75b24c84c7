using System.IO.Compression;
using CsCheck;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.IO;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Input;

/// <summary>Issue 11, item 1: a <c>.gz</c> cut short or with a wrong trailer is an error, never a shorter table; multi-member files and trailing junk read as before.</summary>
public sealed class CheckedGzipStreamTests
{
    private const string Name = "X-student_courseenrollment-prod-analytics.sql.gz";

    private static readonly byte[] s_text = Text(200_000);

    [Fact]
    public void WholeFilesReadExactlyAsGzipStreamDoes()
    {
        byte[] one = Gzip(s_text);
        byte[] two = [.. Gzip(s_text[..1000]), .. Gzip([]), .. Gzip(s_text[1000..])];
        byte[] zeros = [.. one, .. new byte[4096]];
        byte[] junk = [.. one, .. "junk after the member\n"u8];
        byte[] junkWithSignatureByte = [.. one, 0x1F, (byte)'X'];
        foreach (var (name, bytes, expected) in new[] { ("one", one, s_text), ("two", two, s_text), ("zeros", zeros, s_text), ("junk", junk, s_text), ("1F X", junkWithSignatureByte, s_text) })
        {
            Assert.True(expected.AsSpan().SequenceEqual(Inflate(bytes)), name);
            Assert.True(expected.AsSpan().SequenceEqual(Inflate(bytes, chunked: true)), name + " read a few bytes at a time");
            Assert.True(GzipStreamReads(bytes).AsSpan().SequenceEqual(expected), name + ": GZipStream agrees");
        }
    }

    [Fact]
    public void EveryOptionalHeaderFieldIsSkipped()
    {
        // FTEXT, FHCRC, FEXTRA, FNAME and FCOMMENT, as other gzip writers set them.
        byte[] deflated = Deflate(s_text);
        var crc = new System.IO.Hashing.Crc32();
        crc.Append(s_text);
        byte[] header = WithHeaderCrc([0x1F, 0x8B, 8, 0x1F, 0, 0, 0, 0, 0, 3, 4, 0, (byte)'a', (byte)'b', (byte)'c', (byte)'d', .. "name.sql\0"u8, .. "a comment\0"u8]);
        byte[] file = [.. header, .. deflated, .. crc.GetCurrentHash(), .. BitConverter.GetBytes(s_text.Length)];

        Assert.True(s_text.AsSpan().SequenceEqual(Inflate(file, chunked: true)));
    }

    [Fact]
    public void AHeaderWhoseFhcrcDoesNotMatchIsAnError()
    {
        // Harden item 9: the header CRC (FHCRC, the low 16 bits of the CRC-32 of the header) is
        // checked like the trailer's CRC-32, also when the header is longer than the read buffer.
        var crc = new System.IO.Hashing.Crc32();
        crc.Append(s_text);
        byte[] trailer = [.. crc.GetCurrentHash(), .. BitConverter.GetBytes(s_text.Length)];
        foreach (int nameLength in new[] { 8, 300_000 })
        {
            byte[] name = [.. Enumerable.Repeat((byte)'n', nameLength), 0];
            byte[] good = WithHeaderCrc([0x1F, 0x8B, 8, 0x0A, 0, 0, 0, 0, 0, 3, .. name]);
            byte[] bad = [.. good[..^2], (byte)(good[^2] ^ 0x40), good[^1]];

            foreach (bool chunked in new[] { false, true })
            {
                Assert.True(s_text.AsSpan().SequenceEqual(Inflate([.. good, .. Deflate(s_text), .. trailer], chunked)));
                var e = Assert.Throws<ConvertException>(() => Inflate([.. Gzip(s_text[..10]), .. bad, .. Deflate(s_text), .. trailer], chunked));
                Assert.Equal(Name + ": the gzip data is corrupt: the header CRC of member 2 does not match its header; get the file again", e.Message);
            }
        }
    }

    [Fact]
    public void EmptyMembersAndRepeatedIdenticalMembersAreAllRead()
    {
        // Harden item 9: members of no data anywhere, and the same member several times, as
        // `cat` of gzip files makes them (gzip -d reads them so).
        byte[] member = Gzip(s_text[..5000]);

        // An empty member as gzip writes one (GZipStream writes nothing at all for no data): header, an empty final block, CRC 0, length 0.
        byte[] empty = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 0x03, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];
        var cases = new (string Name, byte[] File, byte[] Expected)[]
        {
            ("only an empty member", empty, []),
            ("three empty members", [.. empty, .. empty, .. empty], []),
            ("empty first and last", [.. empty, .. member, .. empty], s_text[..5000]),
            ("the same member four times", [.. member, .. member, .. member, .. member], [.. s_text[..5000], .. s_text[..5000], .. s_text[..5000], .. s_text[..5000]]),
            ("identical members between empty ones", [.. member, .. empty, .. empty, .. member], [.. s_text[..5000], .. s_text[..5000]]),
        };
        foreach (var (name, file, expected) in cases)
        {
            Assert.True(expected.AsSpan().SequenceEqual(Inflate(file)), name);
            Assert.True(expected.AsSpan().SequenceEqual(Inflate(file, chunked: true)), name + " read a few bytes at a time");
            Assert.True(GzipStreamReads(file).AsSpan().SequenceEqual(expected), name + ": GZipStream agrees");
        }
    }

    private static byte[] WithHeaderCrc(byte[] header)
    {
        var crc = new System.IO.Hashing.Crc32();
        crc.Append(header);
        uint value = crc.GetCurrentHashAsUInt32();
        return [.. header, (byte)value, (byte)(value >> 8)];
    }

    public static TheoryData<string, string> Damaged => new()
    {
        { "cut in the data", "the gzip data ends early, inside member 1: the file is incomplete (an unfinished download or copy?); get the whole file again" },
        { "cut in the trailer", "the gzip data ends early, inside member 1: the file is incomplete (an unfinished download or copy?); get the whole file again" },
        { "no trailer", "the gzip data ends early, inside member 1: the file is incomplete (an unfinished download or copy?); get the whole file again" },
        { "cut in member 2's header", "the gzip data ends early, inside member 2: the file is incomplete (an unfinished download or copy?); get the whole file again" },
        { "a lone 1F after member 1", "the gzip data ends early, inside member 2: the file is incomplete (an unfinished download or copy?); get the whole file again" },
        { "wrong CRC", "the gzip data is corrupt: the CRC-32 stored for member 1 does not match its data; get the file again" },
        { "wrong length", "the gzip data is corrupt: the length stored for member 1 does not match its data; get the file again" },
        { "wrong CRC, member 1 of 2", "the gzip data is corrupt: the CRC-32 stored for member 1 does not match its data; get the file again" },
        { "empty", "is empty (0 bytes), so not gzip data: the file is incomplete (an unfinished download or copy?); get the whole file again" },
        { "plain text", "is not gzip data (it does not start with the gzip signature 1F 8B); if it is plain text, remove .gz from its name" },
        { "method 9", "member 2 of the gzip data uses compression method 9, not deflate (8): VisMooc cannot read it; decompress the file with the tool that made it" },
    };

    [Theory]
    [MemberData(nameof(Damaged))]
    public void ADamagedFileIsAnErrorNamingTheFileAndTheCause(string damage, string expected)
    {
        byte[] one = Gzip(s_text);
        byte[] bytes = damage switch
        {
            "cut in the data" => one[..(one.Length / 2)],
            "cut in the trailer" => one[..^3],
            "no trailer" => one[..^8],
            "cut in member 2's header" => [.. one, .. Gzip(s_text)[..6]],
            "a lone 1F after member 1" => [.. one, 0x1F],
            "wrong CRC" => [.. one[..^8], (byte)(one[^8] ^ 1), .. one[^7..]],
            "wrong length" => [.. one[..^4], (byte)(one[^4] ^ 1), .. one[^3..]],
            "wrong CRC, member 1 of 2" => [.. one[..^8], (byte)(one[^8] ^ 1), .. one[^7..], .. one],
            "empty" => [],
            "plain text" => s_text,
            "method 9" => [.. one, 0x1F, 0x8B, 9, 0, 0, 0, 0, 0, 0, 3, .. "garbage"u8],
            _ => throw new ArgumentException(damage),
        };

        foreach (bool chunked in new[] { false, true })
        {
            var e = Assert.Throws<ConvertException>(() => Inflate(bytes, chunked));
            Assert.Equal(Name + ": " + expected, e.Message);
        }
    }

    [Fact]
    public void AFileCutAnywhereIsAnErrorOrEndsAtAMemberBoundary()
    {
        // Cut at any byte, a file of 1 to 4 members gives an error, or exactly the members before
        // the cut when it falls between two (gzip itself cannot tell those from a whole file).
        var gen = Gen.Select(Gen.Int[1, 4], Gen.Int[0, 9], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], (members, level, size, cut) => (members, level, size, cut));
        Property.Check(gen, c =>
        {
            var parts = new List<byte[]>();
            var data = new List<byte[]>();
            for (int m = 0; m < c.members; m++)
            {
                byte[] text = s_text[..((c.size / (m + 1)) % 60_000)];
                data.Add(text);
                parts.Add(Gzip(text, c.level % 3 == 0 ? CompressionLevel.NoCompression : CompressionLevel.Optimal));
            }

            byte[] file = [.. parts.SelectMany(p => p)];
            int cut = c.cut % file.Length;
            byte[] shorter = file[..cut];
            int boundary = 0;
            var before = new List<byte>();
            var boundaries = new Dictionary<int, byte[]>();
            for (int m = 0; m < parts.Count; m++)
            {
                boundaries[boundary] = [.. before];
                boundary += parts[m].Length;
                before.AddRange(data[m]);
            }

            if (cut == 0)
            {
                Assert.Throws<ConvertException>(() => Inflate(shorter));
            }
            else if (boundaries.TryGetValue(cut, out var expected))
            {
                Assert.True(expected.AsSpan().SequenceEqual(Inflate(shorter, chunked: c.cut % 2 == 0)));
            }
            else
            {
                var e = Assert.Throws<ConvertException>(() => Inflate(shorter, chunked: c.cut % 2 == 0));
                Assert.Contains("the gzip data ends early, inside member", e.Message, StringComparison.Ordinal);
            }

            Assert.True(before.ToArray().AsSpan().SequenceEqual(Inflate(file, chunked: c.cut % 3 == 0)));
        }, iterations: 150, seed: 11_000_001, print: c => c.ToString());
    }

    [Fact]
    public void AFlippedByteIsAnErrorOrChangesNothing()
    {
        byte[] file = [.. Gzip(s_text[..30_000]), .. Gzip(s_text[30_000..40_000])];
        Property.Check(Gen.Select(Gen.Int[0, file.Length - 1], Gen.Int[1, 255], (at, bits) => (at, bits)), c =>
        {
            byte[] damaged = (byte[])file.Clone();
            damaged[c.at] ^= (byte)c.bits;
            try
            {
                Assert.True(s_text[..40_000].AsSpan().SequenceEqual(Inflate(damaged)), "a damaged file gave other data without an error");
            }
            catch (ConvertException e)
            {
                Assert.StartsWith(Name + ": ", e.Message, StringComparison.Ordinal);
                Assert.DoesNotContain('\n', e.Message);
            }
        }, iterations: 300, seed: 11_000_002, print: c => c.ToString());
    }

    internal static byte[] Text(int length)
    {
        var random = new Random(11);
        var bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)(i % 97 == 96 ? '\n' : "abcdefghij\t0123456789"[random.Next(21)]);
        }

        return bytes;
    }

    internal static byte[] Gzip(byte[] data, CompressionLevel level = CompressionLevel.Optimal)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, level, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] Deflate(byte[] data)
    {
        var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] Inflate(byte[] file, bool chunked = false)
    {
        using var stream = new CheckedGzipStream(chunked ? new ChunkedStream(file) : new MemoryStream(file), Name);
        var output = new MemoryStream();
        stream.CopyTo(output, chunked ? 5 : 81920);
        return output.ToArray();
    }

    private static byte[] GzipStreamReads(byte[] file)
    {
        using var stream = new GZipStream(new MemoryStream(file), CompressionMode.Decompress);
        var output = new MemoryStream();
        stream.CopyTo(output);
        return output.ToArray();
    }
}
