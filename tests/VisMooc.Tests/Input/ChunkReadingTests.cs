using CsCheck;
using VisMooc.Modules.IO;
using VisMooc.Modules.Sources.EdxTsv;
using VisMooc.Tests.Safety;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Input;

/// <summary>
/// Files cut into chunks for the threads: the chunks hold every byte once, in order, cut at line
/// ends, and a file read chunk by chunk gives the same records, line numbers, offsets, rejects and
/// warnings as one reader of the whole file, whatever the chunk size.
/// </summary>
public sealed class ChunkReadingTests
{
    private static readonly byte[][] s_tsvSeeds =
    [
        FuzzInputs.Sample(CoursePackage.Course, "-auth_userprofile-prod-analytics.sql"),
        FuzzInputs.Sample(CoursePackage.Course, "-auth_user-prod-analytics.sql"),
        FuzzInputs.Sample("HKUSTx-COMP102x-2T2014", "-auth_userprofile-prod-analytics.sql"),
        FuzzInputs.Sample("HKUSTx-COMP102x-2T2014", "-certificates_generatedcertificate-prod-analytics.sql"),
        [.. "\uFEFFid\tname\r\n1\tx\\\r\n2\t\\N\\q\r\n3\t"u8, 0xFF, .. "\r\r\n4\tlast"u8],
    ];

    private static readonly Gen<(byte[] Bytes, int ChunkSize)> s_tsvCases =
        Gen.Select(FuzzInputs.NoiseOrMutated(3000, s_tsvSeeds), Gen.Frequency((2, Gen.Int[1, 12]), (1, Gen.Int[13, 4096])));

    [Fact]
    public void ChunksHoldEveryByteOnceInOrderCutAtLineEnds()
    {
        Property.Check(Gen.Select(FuzzInputs.Noise(2000), Gen.Int[1, 300], Gen.Int[0, 50]), c =>
        {
            var (bytes, chunkSize, buffered) = c;
            buffered = Math.Min(buffered, bytes.Length);
            var chunks = ReadChunks(bytes, buffered, chunkSize);

            Assert.Equal(Convert.ToHexString(bytes), string.Concat(chunks.Select(k => Convert.ToHexString(k.Bytes))));
            long offset = 0;
            long line = 1;
            for (int i = 0; i < chunks.Count; i++)
            {
                var (first, at, chunk) = chunks[i];
                Assert.Equal(line, first);
                Assert.Equal(offset, at);
                Assert.NotEmpty(chunk);
                Assert.True(i == chunks.Count - 1 || chunk[^1] == '\n', "only the last chunk may end without LF");
                // Within the size, or one record that is longer.
                Assert.True(chunk.Length <= chunkSize || Array.IndexOf(chunk, (byte)'\n') == chunk.Length - 1 || Array.IndexOf(chunk, (byte)'\n') < 0, $"chunk {i} of {chunk.Length} bytes");
                offset += chunk.Length;
                line += chunk.Count(b => b == '\n');
            }
        }, iterations: 500, seed: 8_000_001);
    }

    [Fact]
    public void ChunksOfOneByteHoldOneLineEach()
    {
        byte[] bytes = "a\n\nbb\r\n\n\ncc"u8.ToArray();

        var chunks = ReadChunks(bytes, 2, 1);

        Assert.Equal(["a\n", "\n", "bb\r\n", "\n", "\n", "cc"], chunks.Select(c => System.Text.Encoding.ASCII.GetString(c.Bytes)));
        Assert.Equal([1L, 2, 3, 4, 5, 6], chunks.Select(c => c.FirstLine));
        Assert.Equal([0L, 2, 3, 7, 8, 9], chunks.Select(c => c.FileOffset));
    }

    [Fact]
    public void LinesOfChunksAreTheLinesOfTheFileWithTheirNumbersAndOffsets()
    {
        Property.Check(Gen.Select(FuzzInputs.Noise(2000), Gen.Int[1, 300]), c =>
        {
            var expected = new List<(long, long, string)>();
            using (var whole = new LfLineReader(new MemoryStream(c.Item1)))
            {
                while (whole.TryReadLine(out var line))
                {
                    expected.Add((whole.LineNumber, whole.LineOffset, Convert.ToHexString(line)));
                }
            }

            var actual = new List<(long, long, string)>();
            var reader = new LfChunkReader(new MemoryStream(c.Item1), [], 0, 1, c.Item2, line => "too long");
            while (reader.TryRead(out var chunk))
            {
                var lines = chunk.Lines;
                while (lines.MoveNext())
                {
                    actual.Add((lines.LineNumber, lines.LineOffset, Convert.ToHexString(lines.Current)));
                }

                chunk.Return();
            }

            Assert.Equal(expected, actual);
        }, iterations: 300, seed: 8_000_002);
    }

    [Fact]
    public void ATsvFileReadInChunksGivesTheRecordsOfTheWholeFile()
    {
        Property.Check(s_tsvCases, c => Property.Bounded(c.Bytes.Length, () =>
        {
            // A header that shows the file is not LF-split UTF-8 text is the same error either way.
            string? error = HeaderError(c.Bytes);
            string? chunkedError = null;
            try
            {
                ReadInChunks(new ChunkedStream(c.Bytes), c.ChunkSize);
            }
            catch (InvalidDataException e)
            {
                chunkedError = e.Message;
            }

            Assert.Equal(error, chunkedError);
            if (error is not null)
            {
                return;
            }

            var whole = ReadWhole(new MemoryStream(c.Bytes));
            Assert.Equal(whole, ReadInChunks(new MemoryStream(c.Bytes), c.ChunkSize));
            Assert.Equal(whole, ReadInChunks(new ChunkedStream(c.Bytes), c.ChunkSize));
        }), iterations: 400, seed: 8_000_003);
    }

    [Fact]
    public void TheTsvReaderSplitsLinesWhereTheSharedSplitterDoes()
    {
        // The header line is found as its bytes arrive (split across refills of a stream that hands
        // out a few bytes at a time), the records in chunks; either way each record is the shared
        // splitter's line, less the one CR of a CR LF in CRLF mode, with its line number, and
        // BytesRead is where the splitter's next line starts.
        Property.Check(s_tsvCases, c => Property.Bounded(c.Bytes.Length, () =>
        {
            if (HeaderError(c.Bytes) is null)
            {
                AssertSplitAsTheSplitter(c.Bytes, c.ChunkSize);
            }
        }), iterations: 400, seed: 8_000_004);

        // A BOM, a CR and its LF in separate reads of the header, a Gen-A CR before the CR LF, and a
        // last line whose CR is data because no LF follows.
        AssertSplitAsTheSplitter("\uFEFFid\tname\r\n1\ta\r\r\n\n2\tb\r"u8.ToArray(), 1);
        using var reader = new EdxTsvReader(new ChunkedStream("\uFEFFid\tname\r\n1\ta\r\r\n\n2\tb\r"u8.ToArray()), "a.sql");
        Assert.True(reader.CrlfMode);
        Assert.Equal(["id", "name"], reader.Header);
        Assert.Equal(12, reader.BytesRead);
        Assert.Equal(["31|610D", "", "32|620D"], ReadAll(reader).Select(r => r.Fields));
    }

    [Fact]
    public void ACrlfFileKeepsItsLineEndsAndItsOffsetsInChunksOfOneRecord()
    {
        // The header decides CRLF mode; in chunk readers a CR before LF is still the line end, and
        // a record's invalid byte is named by its offset in the file, not in the chunk.
        byte[] bytes = [.. "\uFEFFid\tname\r\n1\ta\r\n2\tb"u8, 0xFF, .. "c\r\n3\tc\r"u8];

        var records = ReadInChunks(new MemoryStream(bytes), 1);

        Assert.Equal(ReadWhole(new MemoryStream(bytes)), records);
        Assert.Equal([2L, 3, 4], records.Select(r => r.Line));
        Assert.Equal(["31|61", "32|62FF63", "33|630D"], records.Select(r => r.Fields));
        Assert.Equal(Array.IndexOf(bytes, (byte)0xFF), records[1].InvalidUtf8);
    }

    [Fact]
    public void ChunksAreTakenOnlyFromAReaderOfAWholeFileBeforeItsFirstRecord()
    {
        using var file = new EdxTsvReader(new MemoryStream("id\n1\n2\n"u8.ToArray()), "a.sql");
        using var chunkReader = new EdxTsvReader(file);
        Assert.Throws<InvalidOperationException>(() => chunkReader.Chunks(10));

        Assert.True(file.Read());
        Assert.Throws<InvalidOperationException>(() => file.Chunks(10));

        // Once it has handed out its chunks, the reader of the whole file reads none of them itself.
        using var handedOut = new EdxTsvReader(new MemoryStream("id\n1\n2\n"u8.ToArray()), "a.sql");
        var chunks = handedOut.Chunks(10);
        Assert.False(handedOut.Read());
        Assert.True(chunks.TryRead(out var chunk));
        Assert.Equal("1\n2\n"u8.ToArray(), chunk.Bytes.ToArray());
        chunk.Return();
    }

    private static void AssertSplitAsTheSplitter(byte[] bytes, int chunkSize)
    {
        var lines = new List<(long Number, byte[] Bytes, bool Terminated, long BytesRead)>();
        using (var splitter = new LfLineReader(new MemoryStream(bytes)))
        {
            while (splitter.TryReadLine(out var line))
            {
                lines.Add((splitter.LineNumber, line.ToArray(), splitter.BytesRead == splitter.LineOffset + line.Length + 1, splitter.BytesRead));
            }
        }

        using var file = new EdxTsvReader(new ChunkedStream(bytes), "chunks.sql");
        Assert.Equal(lines.Count > 0 && lines[0].Terminated && lines[0].Bytes.AsSpan().EndsWith("\r"u8), file.CrlfMode);
        Assert.Equal(lines.Count > 0 ? lines[0].BytesRead : 0, file.BytesRead);

        var records = lines.Skip(1).Select(l => (l.Number, Raw: Convert.ToHexString(file.CrlfMode && l.Terminated && l.Bytes.AsSpan().EndsWith("\r"u8) ? l.Bytes[..^1] : l.Bytes), l.BytesRead)).ToList();
        var whole = new List<(long, string, long)>();
        while (file.Read())
        {
            whole.Add((file.LineNumber, Convert.ToHexString(file.RawRecord), file.BytesRead));
        }

        Assert.Equal(records, whole);
        Assert.Equal(bytes.Length, file.BytesRead);

        using var again = new EdxTsvReader(new ChunkedStream(bytes), "chunks.sql");
        using var reader = new EdxTsvReader(again);
        var chunked = new List<(long, string, long)>();
        var chunks = again.Chunks(chunkSize);
        while (chunks.TryRead(out var chunk))
        {
            reader.Load(chunk);
            while (reader.Read())
            {
                chunked.Add((reader.LineNumber, Convert.ToHexString(reader.RawRecord), reader.BytesRead));
            }

            chunk.Return();
        }

        Assert.Equal(records, chunked);
    }

    private static List<Record> ReadAll(EdxTsvReader reader)
    {
        var records = new List<Record>();
        while (reader.Read())
        {
            records.Add(Current(reader));
        }

        return records;
    }

    private static List<(long FirstLine, long FileOffset, byte[] Bytes)> ReadChunks(byte[] bytes, int buffered, int chunkSize)
    {
        var stream = new ChunkedStream(bytes[buffered..]);
        var reader = new LfChunkReader(stream, bytes.AsSpan(0, buffered), 0, 1, chunkSize, line => "too long");
        var chunks = new List<(long, long, byte[])>();
        while (reader.TryRead(out var chunk))
        {
            chunks.Add((chunk.FirstLine, chunk.FileOffset, chunk.Bytes.ToArray()));
            chunk.Return();
        }

        return chunks;
    }

    private sealed record Record(long Line, bool Valid, string? Reason, string Raw, string Fields, long InvalidUtf8, int EscapeWarnings);

    private static string? HeaderError(byte[] bytes)
    {
        try
        {
            using var reader = new EdxTsvReader(new MemoryStream(bytes), "chunks.sql");
            return null;
        }
        catch (InvalidDataException e)
        {
            return e.Message;
        }
    }

    private static List<Record> ReadWhole(Stream stream)
    {
        using var reader = new EdxTsvReader(stream, "chunks.sql");
        var records = new List<Record>();
        while (reader.Read())
        {
            records.Add(Current(reader));
        }

        return records;
    }

    private static List<Record> ReadInChunks(Stream stream, int chunkSize)
    {
        using var file = new EdxTsvReader(stream, "chunks.sql");
        using var reader = new EdxTsvReader(file);
        var records = new List<Record>();
        var chunks = file.Chunks(chunkSize);
        while (chunks.TryRead(out var chunk))
        {
            reader.Load(chunk);
            while (reader.Read())
            {
                records.Add(Current(reader));
            }

            chunk.Return();
        }

        return records;
    }

    private static Record Current(EdxTsvReader reader)
    {
        var fields = new string[reader.FieldCount];
        for (int i = 0; i < fields.Length; i++)
        {
            var f = reader.GetField(i);
            fields[i] = f.IsNull ? "NULL" : Convert.ToHexString(f.Utf8);
        }

        return new Record(reader.LineNumber, reader.IsValid, reader.RejectReason, Convert.ToHexString(reader.RawRecord), string.Join('|', fields), reader.InvalidUtf8Offset, reader.EscapeWarnings);
    }
}
