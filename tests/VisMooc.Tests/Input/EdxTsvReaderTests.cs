using System.Text;
using VisMooc.Modules.Sources.EdxTsv;
using VisMooc.Modules.Values;

namespace VisMooc.Tests.Input;

/// <summary>
/// Inputs use the spec's notation: <c>→</c> is one TAB byte, <c>␍</c> one raw CR byte. Lines are
/// given as C# verbatim strings, so <c>\n</c> inside them is the two characters backslash and n;
/// <see cref="Lines"/> ends each with a real LF.
/// </summary>
public sealed class EdxTsvReaderTests
{
    private static readonly string[] s_authUserHeader =
    [
        "id", "username", "first_name", "last_name", "email", "password", "is_staff", "is_active",
        "is_superuser", "last_login", "date_joined", "status", "email_key", "avatar_type", "country",
        "show_country", "date_of_birth", "interesting_tags", "ignored_tags", "email_tag_filter_strategy",
        "display_tag_filter_strategy", "consecutive_days_visit_count",
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void GenBAuthUserRowsFromSpecDecode(bool chunked)
    {
        byte[] data = Lines(
            "id→username→first_name→last_name→email→password→is_staff→is_active→is_superuser→last_login→date_joined→status→email_key→avatar_type→country→show_country→date_of_birth→interesting_tags→ignored_tags→email_tag_filter_strategy→display_tag_filter_strategy→consecutive_days_visit_count",
            "7000001→synth_ada→→→ada@example.invalid→→0→1→0→2099-03-01 10:00:00→2099-02-27 09:15:42.123456→→NULL→→→0→NULL→→→0→0→0",
            "7000002→synth_bo→→→bo@example.invalid→→0→0→0→NULL→2099-02-28 23:59:01→→NULL→→→0→NULL→→→0→0→0");
        using var reader = Open(data, chunked);

        Assert.Equal(s_authUserHeader, reader.Header);
        Assert.False(reader.CrlfMode);

        Assert.True(reader.Read());
        Assert.True(reader.IsValid, reader.RejectReason);
        Assert.Null(reader.RejectReason);
        Assert.Equal(2, reader.LineNumber);
        Assert.Equal(22, reader.FieldCount);
        Assert.Equal("7000001", Text(reader, "id"));
        Assert.Equal("synth_ada", Text(reader, "username"));
        Assert.Equal(FieldKind.String, reader.GetField(reader.IndexOf("first_name")).Kind);
        Assert.Equal("", Text(reader, "first_name"));
        Assert.Equal("ada@example.invalid", Text(reader, "email"));
        Assert.Equal("2099-03-01 10:00:00", Text(reader, "last_login"));
        Assert.Equal("2099-02-27 09:15:42.123456", Text(reader, "date_joined"));
        Assert.True(reader.GetField(reader.IndexOf("email_key")).IsNull);
        Assert.True(reader.GetField(reader.IndexOf("date_of_birth")).IsNull);
        Assert.Equal("0", Text(reader, "consecutive_days_visit_count"));
        Assert.Equal(0, reader.EscapeWarnings);
        Assert.Equal(-1, reader.InvalidUtf8Offset);

        Assert.True(reader.Read());
        Assert.True(reader.IsValid, reader.RejectReason);
        Assert.Equal(3, reader.LineNumber);
        Assert.Equal("synth_bo", Text(reader, "username"));
        Assert.True(reader.GetField(reader.IndexOf("last_login")).IsNull);
        Assert.Equal("2099-02-28 23:59:01", Text(reader, "date_joined"));

        Assert.False(reader.Read());
        Assert.Equal(data.Length, reader.BytesRead);
    }

    [Theory]
    [InlineData(@"a\\b", "a\\b")]
    [InlineData(@"a\tb", "a\tb")]
    [InlineData(@"a\nb", "a\nb")]
    [InlineData(@"a\rb", "a\rb")]
    [InlineData(@"a\0b", "a\0b")]
    [InlineData(@"\\n", "\\n")]
    [InlineData(@"\\\n", "\\\n")]
    [InlineData(@"\r\n", "\r\n")]
    [InlineData(@"x\\", "x\\")]
    [InlineData(@"\t\t\t", "\t\t\t")]
    public void EscapesDecodeLeftToRight(string raw, string expected)
    {
        foreach (bool chunked in new[] { false, true })
        {
            using var reader = Open(Lines("a→b→c", $"1→{raw}→end"), chunked);

            Assert.True(reader.Read());
            Assert.True(reader.IsValid, reader.RejectReason);
            Assert.Equal(3, reader.FieldCount);
            Assert.Equal(Encoding.UTF8.GetBytes(expected), reader.GetField(1).Utf8.ToArray());
            Assert.Equal(FieldKind.String, reader.GetField(1).Kind);
            Assert.Equal("end", Text(reader, 2));
            Assert.Equal(0, reader.EscapeWarnings);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void GenARawCrBeforeEscapedLfStaysInOneRecord(bool chunked)
    {
        byte[] data = Lines(
            "id→goals→country",
            @"50→learn data␍\nand stats→ZZ",
            "51→plain→YY");
        Assert.Equal(new byte[] { 0x0D, 0x5C, 0x6E }, data.AsSpan(Array.IndexOf(data, (byte)0x0D), 3).ToArray());
        using var reader = Open(data, chunked);

        Assert.True(reader.Read());
        Assert.True(reader.IsValid, reader.RejectReason);
        Assert.Equal(2, reader.LineNumber);
        Assert.Equal("learn data\r\nand stats", Text(reader, "goals"));
        Assert.Equal("ZZ", Text(reader, "country"));

        Assert.True(reader.Read());
        Assert.Equal(3, reader.LineNumber);
        Assert.Equal("plain", Text(reader, "goals"));
        Assert.False(reader.Read());
    }

    [Fact]
    public void GenBEscapedCrLfAndTabDecodeLikeSpecProfileRow()
    {
        byte[] data = Lines(
            "id→user_id→goals→bio",
            @"50→7000001→learn data\r\nand stats→likes\tTSV");
        using var reader = Open(data, chunked: false);

        Assert.True(reader.Read());
        Assert.True(reader.IsValid, reader.RejectReason);
        Assert.Equal("learn data\r\nand stats", Text(reader, "goals"));
        Assert.Equal("likes\tTSV", Text(reader, "bio"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RawCrAtFieldEndIsDataWhenHeaderEndsInLf(bool chunked)
    {
        using var reader = Open(Lines("a→b", "1→ends with CR␍", "2→x"), chunked);

        Assert.False(reader.CrlfMode);
        Assert.True(reader.Read());
        Assert.True(reader.IsValid, reader.RejectReason);
        Assert.Equal("ends with CR\r", Text(reader, "b"));
        Assert.Equal(Tsv("1→ends with CR␍"), reader.RawRecord.ToArray());
        Assert.True(reader.Read());
        Assert.Equal("x", Text(reader, "b"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CrlfModeStripsOneCrPerLineEndAndKeepsExtraCr(bool chunked)
    {
        using var reader = Open(Tsv("a→b␍\n1→x␍␍\n2→y␍\n3→mid␍dle␍\n"), chunked);

        Assert.True(reader.CrlfMode);
        Assert.Equal(new[] { "a", "b" }, reader.Header);
        Assert.Equal(1, reader.IndexOf("b"));

        Assert.True(reader.Read());
        Assert.True(reader.IsValid, reader.RejectReason);
        Assert.Equal("x\r", Text(reader, "b"));
        Assert.Equal(Tsv("1→x␍"), reader.RawRecord.ToArray());

        Assert.True(reader.Read());
        Assert.Equal("y", Text(reader, "b"));

        Assert.True(reader.Read());
        Assert.Equal("mid\rdle", Text(reader, "b"));
        Assert.Equal(4, reader.LineNumber);
        Assert.False(reader.Read());
    }

    [Fact]
    public void CrlfModeBlankLineIsOneEmptyField()
    {
        using var reader = Open(Tsv("a␍\n␍\n1␍\n"), chunked: false);

        Assert.True(reader.CrlfMode);
        Assert.True(reader.Read());
        Assert.True(reader.IsValid, reader.RejectReason);
        Assert.Equal(1, reader.FieldCount);
        Assert.Equal("", Text(reader, 0));
        Assert.True(reader.Read());
        Assert.Equal("1", Text(reader, 0));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void LeadingQuoteIsData(bool chunked)
    {
        using var reader = Open(Lines("a→b", "\"hello→world\"", "\"→\"\"", "next→row"), chunked);

        Assert.True(reader.Read());
        Assert.True(reader.IsValid, reader.RejectReason);
        Assert.Equal("\"hello", Text(reader, 0));
        Assert.Equal("world\"", Text(reader, 1));

        Assert.True(reader.Read());
        Assert.True(reader.IsValid, reader.RejectReason);
        Assert.Equal("\"", Text(reader, 0));
        Assert.Equal("\"\"", Text(reader, 1));

        Assert.True(reader.Read());
        Assert.Equal(4, reader.LineNumber);
        Assert.Equal("next", Text(reader, 0));
    }

    [Fact]
    public void QuotedFieldDoesNotSpanLines()
    {
        using var reader = Open(Lines("a→b", "1→\"open", "2→close\""), chunked: false);

        Assert.True(reader.Read());
        Assert.Equal("\"open", Text(reader, 1));
        Assert.True(reader.Read());
        Assert.Equal("close\"", Text(reader, 1));
        Assert.False(reader.Read());
    }

    [Fact]
    public void HashAtLineStartIsData()
    {
        using var reader = Open(Lines("a→b", "#1→comment?", "2→x"), chunked: false);

        Assert.True(reader.Read());
        Assert.True(reader.IsValid, reader.RejectReason);
        Assert.Equal(2, reader.LineNumber);
        Assert.Equal("#1", Text(reader, 0));
        Assert.Equal("comment?", Text(reader, 1));
        Assert.True(reader.Read());
        Assert.Equal(3, reader.LineNumber);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void LoneBackslashAtFieldEndRejectsRecordAndNextIsRead(bool chunked)
    {
        byte[] data = Lines(
            "id→goals→city",
            @"1→abc\→Paris",
            "2→ok→Rome",
            @"3→fine→Oslo\",
            @"4→a\\\→Lima",
            @"5→a\\→Kyiv");
        using var reader = Open(data, chunked);

        Assert.True(reader.Read());
        Assert.False(reader.IsValid);
        Assert.Equal("broken escape: lone backslash at end of field 2 (column 'goals')", reader.RejectReason);
        Assert.Equal(Tsv(@"1→abc\→Paris"), reader.RawRecord.ToArray());

        Assert.True(reader.Read());
        Assert.True(reader.IsValid, reader.RejectReason);
        Assert.Equal(3, reader.LineNumber);
        Assert.Equal("ok", Text(reader, "goals"));

        Assert.True(reader.Read());
        Assert.False(reader.IsValid);
        Assert.Equal("broken escape: lone backslash at end of field 3 (column 'city')", reader.RejectReason);
        Assert.Equal(4, reader.LineNumber);

        Assert.True(reader.Read());
        Assert.False(reader.IsValid);
        Assert.Equal("broken escape: lone backslash at end of field 2 (column 'goals')", reader.RejectReason);

        Assert.True(reader.Read());
        Assert.True(reader.IsValid, reader.RejectReason);
        Assert.Equal("a\\", Text(reader, "goals"));
        Assert.Equal(6, reader.LineNumber);
        Assert.False(reader.Read());
    }

    [Fact]
    public void LoneBackslashAtEndOfFinalLineWithoutLfIsBroken()
    {
        using var reader = Open(Tsv(@"a→b" + "\n" + @"1→x\"), chunked: false);

        Assert.True(reader.Read());
        Assert.False(reader.IsValid);
        Assert.Equal("broken escape: lone backslash at end of field 2", reader.RejectReason);
    }

    [Fact]
    public void BackslashBeforeCrLfInCrlfModeIsBroken()
    {
        using var reader = Open(Tsv("a→b␍\n1→x\\␍\n"), chunked: false);

        Assert.True(reader.CrlfMode);
        Assert.True(reader.Read());
        Assert.False(reader.IsValid);
        Assert.Equal("broken escape: lone backslash at end of field 2", reader.RejectReason);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FieldCountMismatchRejectsRecordAndKeepsNeighbours(bool chunked)
    {
        byte[] data = Lines(
            "a→b→c",
            "1→x→y",
            "2→short",
            "3→x→y→extra",
            "4→x→y");
        using var reader = Open(data, chunked);

        Assert.True(reader.Read());
        Assert.True(reader.IsValid, reader.RejectReason);
        Assert.Equal("1", Text(reader, 0));

        Assert.True(reader.Read());
        Assert.False(reader.IsValid);
        Assert.Equal("expected 3 fields, found 2", reader.RejectReason);
        Assert.Equal(3, reader.LineNumber);
        Assert.Equal(2, reader.FieldCount);
        Assert.Equal(Tsv("2→short"), reader.RawRecord.ToArray());

        Assert.True(reader.Read());
        Assert.False(reader.IsValid);
        Assert.Equal("expected 3 fields, found 4", reader.RejectReason);
        Assert.Equal(4, reader.LineNumber);

        Assert.True(reader.Read());
        Assert.True(reader.IsValid, reader.RejectReason);
        Assert.Equal(5, reader.LineNumber);
        Assert.Equal("4", Text(reader, 0));
        Assert.Equal("y", Text(reader, 2));
        Assert.False(reader.Read());
    }

    [Fact]
    public void BlankLineInMiddleIsOneEmptyFieldAndRejectedForWideHeader()
    {
        using var reader = Open(Lines("a→b", "1→x", "", "2→y"), chunked: false);

        Assert.True(reader.Read());
        Assert.True(reader.Read());
        Assert.False(reader.IsValid);
        Assert.Equal("expected 2 fields, found 1", reader.RejectReason);
        Assert.Equal(1, reader.FieldCount);
        Assert.Equal(0, reader.RawRecord.Length);
        Assert.Equal(3, reader.LineNumber);

        Assert.True(reader.Read());
        Assert.True(reader.IsValid, reader.RejectReason);
        Assert.Equal(4, reader.LineNumber);
        Assert.Equal("y", Text(reader, 1));
    }

    [Fact]
    public void BlankLineIsValidEmptyFieldForSingleColumnHeader()
    {
        using var reader = Open(Lines("only", "1", "", "3"), chunked: false);

        Assert.True(reader.Read());
        Assert.True(reader.Read());
        Assert.True(reader.IsValid, reader.RejectReason);
        Assert.Equal(FieldKind.String, reader.GetField(0).Kind);
        Assert.Equal("", Text(reader, 0));
        Assert.True(reader.Read());
        Assert.Equal("3", Text(reader, 0));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void NullEmptyAndLowercaseNullAreDistinct(bool chunked)
    {
        using var reader = Open(Lines("a→b→c→d→e→f", "NULL→→null→NULL →Null→NULLNULL"), chunked);

        Assert.True(reader.Read());
        Assert.True(reader.IsValid, reader.RejectReason);

        FieldValue sqlNull = reader.GetField(0);
        Assert.Equal(FieldKind.Null, sqlNull.Kind);
        Assert.True(sqlNull.IsNull);
        Assert.True(sqlNull.Utf8.IsEmpty);

        FieldValue empty = reader.GetField(1);
        Assert.Equal(FieldKind.String, empty.Kind);
        Assert.True(empty.Utf8.IsEmpty);
        Assert.True(empty.IsNullOrEmpty);

        Assert.Equal(FieldKind.String, reader.GetField(2).Kind);
        Assert.Equal("null", Text(reader, 2));
        Assert.Equal("NULL ", Text(reader, 3));
        Assert.Equal("Null", Text(reader, 4));
        Assert.Equal("NULLNULL", Text(reader, 5));
    }

    [Fact]
    public void EscapedNullLookalikeIsText()
    {
        using var reader = Open(Lines("a", @"NUL\\L"), chunked: false);

        Assert.True(reader.Read());
        Assert.Equal(FieldKind.String, reader.GetField(0).Kind);
        Assert.Equal("NUL\\L", Text(reader, 0));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void UnknownEscapesAreKeptAndCounted(bool chunked)
    {
        using var reader = Open(Lines("a→b", @"\N→x\q\Ny", @"\n→plain"), chunked);

        Assert.True(reader.Read());
        Assert.True(reader.IsValid, reader.RejectReason);
        Assert.Equal(FieldKind.String, reader.GetField(0).Kind);
        Assert.Equal("\\N", Text(reader, 0));
        Assert.Equal("x\\q\\Ny", Text(reader, 1));
        Assert.Equal(3, reader.EscapeWarnings);

        Assert.True(reader.Read());
        Assert.Equal(0, reader.EscapeWarnings);
        Assert.Equal("\n", Text(reader, 0));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ByteOrderMarkIsSkipped(bool chunked)
    {
        byte[] data = [0xEF, 0xBB, 0xBF, .. Lines("id→name", "1→x")];
        using var reader = Open(data, chunked);

        Assert.Equal(new[] { "id", "name" }, reader.Header);
        Assert.Equal(0, reader.IndexOf("id"));
        Assert.True(reader.Read());
        Assert.True(reader.IsValid, reader.RejectReason);
        Assert.Equal("1", Text(reader, "id"));
        Assert.False(reader.Read());
        Assert.Equal(data.Length, reader.BytesRead);
    }

    [Fact]
    public void ByteOrderMarkOnlyInMiddleIsData()
    {
        byte[] data = [.. Lines("a"), 0xEF, 0xBB, 0xBF, (byte)'x', (byte)'\n'];
        using var reader = Open(data, chunked: false);

        Assert.True(reader.Read());
        Assert.Equal("\uFEFFx", Text(reader, 0));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ZeroByteFileHasNoHeaderAndNoRecords(bool chunked)
    {
        using var reader = Open([], chunked);

        Assert.Empty(reader.Header);
        Assert.False(reader.CrlfMode);
        Assert.Equal(-1, reader.IndexOf("id"));
        Assert.False(reader.Read());
        Assert.Equal(0, reader.BytesRead);
    }

    [Theory]
    [InlineData("id→name\n")]
    [InlineData("id→name")]
    [InlineData("id→name␍\n")]
    public void HeaderOnlyFileHasNoRecords(string text)
    {
        foreach (bool chunked in new[] { false, true })
        {
            using var reader = Open(Tsv(text), chunked);

            Assert.Equal(new[] { "id", "name" }, reader.Header);
            Assert.False(reader.Read());
            Assert.False(reader.Read());
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FinalLineWithoutNewlineIsARecord(bool chunked)
    {
        byte[] data = Tsv("a→b\n1→x\n2→last");
        using var reader = Open(data, chunked);

        Assert.True(reader.Read());
        Assert.True(reader.Read());
        Assert.True(reader.IsValid, reader.RejectReason);
        Assert.Equal(3, reader.LineNumber);
        Assert.Equal("last", Text(reader, 1));
        Assert.Equal(Tsv("2→last"), reader.RawRecord.ToArray());
        Assert.False(reader.Read());
        Assert.Equal(data.Length, reader.BytesRead);
    }

    [Fact]
    public void TrailingLfDoesNotMakeAnExtraRecord()
    {
        using var reader = Open(Lines("a→b", "1→x"), chunked: false);

        Assert.True(reader.Read());
        Assert.False(reader.Read());
    }

    [Fact]
    public void FiveMegabyteFieldsSurviveSmallChunks()
    {
        const int size = 5 * 1024 * 1024;
        byte[] plain = new byte[size];
        for (int i = 0; i < size; i++)
        {
            plain[i] = (byte)('a' + (i % 26));
        }

        // The second big field has an escape every 1000 bytes, so the scratch buffer grows too.
        var escapedRaw = new List<byte>(size + size / 500);
        var escapedDecoded = new List<byte>(size);
        for (int i = 0; i < size; i++)
        {
            if (i % 1000 == 999)
            {
                escapedRaw.Add((byte)'\\');
                escapedRaw.Add((byte)'n');
                escapedDecoded.Add((byte)'\n');
            }
            else
            {
                escapedRaw.Add(plain[i]);
                escapedDecoded.Add(plain[i]);
            }
        }

        byte[] data =
        [
            .. Lines("id→meta"),
            .. Tsv("1→"), .. plain, (byte)'\n',
            .. Tsv("2→"), .. escapedRaw, (byte)'\n',
            .. Lines("3→small"),
        ];
        using var stream = new ChunkedStream(data);
        using var reader = new EdxTsvReader(stream, "big.sql", leaveOpen: true);

        Assert.True(reader.Read());
        Assert.True(reader.IsValid, reader.RejectReason);
        Assert.Equal(2, reader.LineNumber);
        Assert.Equal(size, reader.GetField(1).Utf8.Length);
        Assert.True(reader.GetField(1).Utf8.SequenceEqual(plain));

        Assert.True(reader.Read());
        Assert.True(reader.IsValid, reader.RejectReason);
        Assert.Equal(3, reader.LineNumber);
        Assert.True(reader.GetField(1).Utf8.SequenceEqual(escapedDecoded.ToArray()));
        Assert.Equal("2", Text(reader, 0));

        Assert.True(reader.Read());
        Assert.Equal(4, reader.LineNumber);
        Assert.Equal("small", Text(reader, 1));
        Assert.False(reader.Read());
        Assert.Equal(data.Length, reader.BytesRead);
        Assert.True(stream.ReadCalls > data.Length / 7, "the stream must have been read in small chunks");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void InvalidUtf8OffsetIsReportedAndBytesKept(bool chunked)
    {
        // Header "a→b\n" is bytes 0..3; the record "1→xÿy" starts at 4, so 0xFF is at 4+3 = 7.
        byte[] data = [.. Lines("a→b"), (byte)'1', (byte)'\t', (byte)'x', 0xFF, (byte)'y', (byte)'\n',
            .. Lines("2→é"), (byte)'3', (byte)'\t', (byte)'o', (byte)'k', 0xC3, (byte)'\n'];
        using var reader = Open(data, chunked);

        Assert.True(reader.Read());
        Assert.True(reader.IsValid, reader.RejectReason);
        Assert.Equal(7, reader.InvalidUtf8Offset);
        Assert.Equal(new byte[] { (byte)'x', 0xFF, (byte)'y' }, reader.GetField(1).Utf8.ToArray());

        Assert.True(reader.Read());
        Assert.Equal(-1, reader.InvalidUtf8Offset);
        Assert.Equal("é", Text(reader, 1));

        // A sequence cut short at the field's end: C3 follows "3→ok" at 10 + 5 + 4 = 19, just before the last LF.
        Assert.True(reader.Read());
        Assert.Equal(data.Length - 2, reader.InvalidUtf8Offset);
        Assert.Equal(new byte[] { (byte)'o', (byte)'k', 0xC3 }, reader.GetField(1).Utf8.ToArray());
    }

    [Fact]
    public void InvalidUtf8OffsetCountsByteOrderMark()
    {
        byte[] data = [0xEF, 0xBB, 0xBF, .. Lines("a"), 0x80, (byte)'\n'];
        using var reader = Open(data, chunked: false);

        Assert.True(reader.Read());
        Assert.Equal(5, reader.InvalidUtf8Offset);
    }

    [Fact]
    public void RawNulBytesAreData()
    {
        byte[] data = [.. Lines("a→b"), (byte)'x', 0, (byte)'y', (byte)'\t', 0, (byte)'\n'];
        using var reader = Open(data, chunked: false);

        Assert.True(reader.Read());
        Assert.True(reader.IsValid, reader.RejectReason);
        Assert.Equal(new byte[] { (byte)'x', 0, (byte)'y' }, reader.GetField(0).Utf8.ToArray());
        Assert.Equal(new byte[] { 0 }, reader.GetField(1).Utf8.ToArray());
        Assert.Equal(-1, reader.InvalidUtf8Offset);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void LineNumbersCountEveryLfTerminatedRecord(bool chunked)
    {
        using var reader = Open(Lines("a→b", "1→x", "bad", "", "4→y", @"5→z\"), chunked);

        Assert.Equal(1, reader.LineNumber);
        var seen = new List<(long Line, bool Valid)>();
        while (reader.Read())
        {
            seen.Add((reader.LineNumber, reader.IsValid));
        }

        Assert.Equal(new[] { (2L, true), (3L, false), (4L, false), (5L, true), (6L, false) }, seen);
    }

    [Fact]
    public void IndexOfFindsColumnsByNameInAnyOrder()
    {
        using var first = Open(Lines("id→user_id→course_id", "900→7000001→c1"), chunked: false);
        using var second = Open(Lines("course_id→id→mode→user_id", "c2→901→audit→7000002"), chunked: false);

        Assert.Equal(1, first.IndexOf("user_id"));
        Assert.Equal(3, second.IndexOf("user_id"));
        Assert.Equal(-1, first.IndexOf("mode"));
        Assert.Equal(-1, first.IndexOf("ID"));
        Assert.Equal(-1, first.IndexOf("user"));

        Assert.True(first.Read());
        Assert.True(second.Read());
        Assert.Equal("7000001", Text(first, "user_id"));
        Assert.Equal("7000002", Text(second, "user_id"));
        Assert.Equal("900", Text(first, "id"));
        Assert.Equal("901", Text(second, "id"));
    }

    [Fact]
    public void GetFieldOutOfRangeThrows()
    {
        using var reader = Open(Lines("a→b", "1"), chunked: false);

        Assert.True(reader.Read());
        Assert.Equal(1, reader.FieldCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = reader.GetField(1); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = reader.GetField(-1); });
    }

    [Fact]
    public void BytesReadAdvancesPerRecord()
    {
        byte[] data = Lines("a", "12", "345");
        using var reader = Open(data, chunked: false);

        Assert.Equal(2, reader.BytesRead);
        Assert.True(reader.Read());
        Assert.Equal(5, reader.BytesRead);
        Assert.True(reader.Read());
        Assert.Equal(9, reader.BytesRead);
    }

    [Fact]
    public void DisposeClosesStreamUnlessLeftOpen()
    {
        var closed = new ChunkedStream(Lines("a"));
        new EdxTsvReader(closed, "a.sql").Dispose();
        Assert.True(closed.IsDisposed);

        var open = new ChunkedStream(Lines("a"));
        var reader = new EdxTsvReader(open, "a.sql", leaveOpen: true);
        reader.Dispose();
        Assert.False(open.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => reader.Read());
    }

    [Fact]
    public void ManyRecordsAcrossBufferRefillsMatchAnIndependentSplit()
    {
        // Enough rows to cross the 64 KB buffer many times, with escapes and raw CRs at varying offsets.
        var builder = new StringBuilder("id→text→note\n");
        var expected = new List<(string Id, string Text, string? Note)>();
        for (int i = 0; i < 20_000; i++)
        {
            string raw = new string('x', i % 37) + (i % 3 == 0 ? @"\t" : "") + (i % 5 == 0 ? "␍" : "") + (i % 7 == 0 ? @"\\" : "");
            string decoded = raw.Replace(@"\t", "\t").Replace("␍", "\r").Replace(@"\\", "\\");
            bool isNull = i % 11 == 0;
            builder.Append(i).Append('→').Append(raw).Append('→').Append(isNull ? "NULL" : "n" + i).Append('\n');
            expected.Add((i.ToString(System.Globalization.CultureInfo.InvariantCulture), decoded, isNull ? null : "n" + i));
        }

        foreach (bool chunked in new[] { false, true })
        {
            using var reader = Open(Tsv(builder.ToString()), chunked);
            int row = 0;
            while (reader.Read())
            {
                Assert.True(reader.IsValid, reader.RejectReason);
                Assert.Equal(row + 2, reader.LineNumber);
                Assert.Equal(expected[row].Id, Text(reader, 0));
                Assert.Equal(expected[row].Text, Text(reader, 1));
                Assert.Equal(expected[row].Note, reader.GetField(2).ToStringOrNull());
                row++;
            }

            Assert.Equal(expected.Count, row);
        }
    }

    private static byte[] Tsv(string text) =>
        Encoding.UTF8.GetBytes(text.Replace('→', '\t').Replace('␍', '\r'));

    private static byte[] Lines(params string[] lines) => Tsv(string.Concat(lines.Select(line => line + "\n")));

    private static EdxTsvReader Open(byte[] data, bool chunked) =>
        new(chunked ? new ChunkedStream(data) : new MemoryStream(data), "test.sql");

    private static string? Text(EdxTsvReader reader, int index) => reader.GetField(index).ToStringOrNull();

    private static string? Text(EdxTsvReader reader, string column)
    {
        int index = reader.IndexOf(column);
        Assert.True(index >= 0, $"column '{column}' not in header");
        return reader.GetField(index).ToStringOrNull();
    }
}
