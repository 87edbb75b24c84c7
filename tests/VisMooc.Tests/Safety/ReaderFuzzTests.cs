using System.Text.Unicode;
using System.Text;
using CsCheck;
using VisMooc.Generated;
using VisMooc.Modules.IO;
using VisMooc.Modules.Load;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Privacy;
using VisMooc.Modules.Sources.CourseStructure;
using VisMooc.Modules.Sources.EdxTsv;
using VisMooc.Modules.Sources.JsonLines;
using VisMooc.Modules.Sources.TrackingLog;
using VisMooc.Modules.Staging;
using VisMooc.Tests.Input;
using VisMooc.Tests.Load;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Safety;

/// <summary>
/// Random and mutated inputs for every reader: none crashes, hangs or allocates out of proportion,
/// every record ends as a row or a reject, and nothing read is lost. A fixed number of cases from a
/// fixed seed; <c>VISMOOC_PROPERTY_ITERATIONS=100000</c> runs longer (see README, Data safety).
/// </summary>
public sealed class ReaderFuzzTests
{
    private static readonly byte[][] s_tsvSeeds =
    [
        FuzzInputs.Sample(CoursePackage.Course, "-auth_userprofile-prod-analytics.sql"),
        FuzzInputs.Sample(CoursePackage.Course, "-auth_user-prod-analytics.sql"),
        FuzzInputs.Sample("HKUSTx-COMP102x-2T2014", "-auth_userprofile-prod-analytics.sql"),
        [.. "\uFEFFid\tname\r\n1\tx\\\r\n2\t\\N\\q\r\n"u8],
        [.. "id\tname\r1\tx\r2\ty\r"u8],                                  // old-Mac CR-only line ends
        [.. "id\tname\f1\tx\f2\ty\f"u8],                                  // form feeds for line ends
        [.. "id\tname\n1\tx\u20282\ty\u2028\0\0\0\0\0\0\0\0\0"u8],            // LINE SEPARATOR after line 1, a zero-filled tail
        Encoding.Unicode.GetBytes("id\tname\n1\tx\n"),                    // UTF-16 without a byte order mark
        [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes("id\tname\n1\tx\n")],
    ];

    private static readonly byte[][] s_forumSeeds =
    [
        FuzzInputs.Sample(CoursePackage.Course, "-prod.mongo"),
        FuzzInputs.Sample("HKUSTx-COMP102x-2T2014", "-prod.mongo"),
    ];

    private static readonly byte[][] s_courseSeeds =
    [
        FuzzInputs.Sample(CoursePackage.Course, "-course_structure-prod-analytics.json"),
        FuzzInputs.Sample("HKUSTx-COMP102x-2T2014", "-course_structure-prod-analytics.json"),
    ];

    [Fact]
    public void TheTsvReaderEndsEveryRecordAsARowOrARejectAndLosesNoByte()
    {
        Property.Check(FuzzInputs.NoiseOrMutated(3000, s_tsvSeeds), input => Property.Bounded(input.Length, () =>
        {
            // A first line that shows the file is not UTF-8 text split by LF (CR-only line ends,
            // UTF-16, a NUL, compressed data) is an error, the same one however the bytes arrive.
            string? error = HeaderError(input);
            Assert.Equal(error, HeaderError(new ChunkedStream(input)));
            Assert.Equal(IsNotLfSplitText(input), error is not null);
            if (error is not null)
            {
                Assert.DoesNotContain('\n', error);
                return;
            }

            var (header, crlf, records) = ReadTsv(new MemoryStream(input));
            Assert.Equal(records, ReadTsv(new ChunkedStream(input)).Records);

            // Every byte after the header line is in exactly one record (its line end aside).
            var expected = ExpectedRecords(input, crlf);
            Assert.Equal(expected.Count, records.Count);
            for (int i = 0; i < records.Count; i++)
            {
                var r = records[i];
                Assert.Equal(i + 2, r.Line);
                Assert.Equal(Convert.ToHexString(expected[i]), r.Raw);
                Assert.Equal(r.Reason is null, r.Valid);
                if (r.Valid)
                {
                    // An independent decoder of the contract's five escapes gives the same fields.
                    var reference = ReferenceDecode(expected[i]);
                    Assert.Equal(header.Count, reference.Length);
                    Assert.Equal(Join(reference), r.Fields);
                }
            }
        }), iterations: 400, seed: 7_000_001);
    }

    [Fact]
    public void TheForumReaderRejectsOrParsesEveryLineAndLosesNoLine()
    {
        var fields = GeneratedTables.All.Single(t => t.Info.Name == "forum").Info.SourceFields;
        Property.Check(FuzzInputs.NoiseOrMutated(3000, s_forumSeeds), input => Property.Bounded(input.Length, () =>
        {
            var lines = ReadLines(new MemoryStream(input));
            Assert.Equal(lines, ReadLines(new ChunkedStream(input)));
            Assert.Equal(Convert.ToHexString(input), string.Join("0A", lines) + (input.Length > 0 && input[^1] == '\n' ? "0A" : ""));

            var parser = new ForumDocumentParser(fields);
            foreach (var hex in lines)
            {
                byte[] line = Convert.FromHexString(hex);
                if (!parser.TryParse(line, out string? error))
                {
                    Assert.StartsWith("invalid ", error, StringComparison.Ordinal);
                }

                byte[] masked = RawMasker.MaskJson(line);
                // Each kept byte is copied, each masked token becomes at most four bytes per byte ('"' gives '"***').
                Assert.True(masked.Length <= (4 * line.Length) + 6, "masking is linear in the line");
            }
        }), iterations: 300, seed: 7_000_002);
    }

    [Fact]
    public void TheCourseStructureReaderReadsOrGivesALocatedErrorTheSameWayInAnyChunking()
    {
        var metadata = new HashSet<string>(StringComparer.Ordinal) { "display_name", "start", "end", "html5_sources[0]", "youtube_id_1_0" };
        Property.Check(FuzzInputs.NoiseOrMutated(3000, s_courseSeeds), input => Property.Bounded(input.Length, () =>
        {
            string whole = ReadCourse(new MemoryStream(input), metadata);
            string chunked = ReadCourse(new ChunkedStream(input), metadata);

            Assert.Equal(whole, chunked);
            Assert.True(!whole.StartsWith("error:", StringComparison.Ordinal) || whole.StartsWith("error: line ", StringComparison.Ordinal), whole);
        }), iterations: 300, seed: 7_000_003);
    }

    private static readonly byte[][] s_logSeeds =
    [
        Encoding.UTF8.GetBytes(string.Join('\n', TrackingLogs.LogSamples.BrowserPlay, TrackingLogs.LogSamples.MobilePause, TrackingLogs.LogSamples.PageView, TrackingLogs.LogSamples.ServerVideoHandler) + "\n"),
        Encoding.UTF8.GetBytes("2014-05-15 19:03:19 lms-1: " + TrackingLogs.LogSamples.BrowserPlay + "\r\n\n" + TrackingLogs.LogSamples.MobilePause[..150]),
        // Numbers at the edges of what the columns hold: zero and negative speeds, -0, overflow, NaN, numeric strings.
        Encoding.UTF8.GetBytes(TrackingLogs.TrackingLogLineParserTests.ReplaceEvent(TrackingLogs.LogSamples.BrowserPlay.Replace("\"play_video\"", "\"speed_change_video\"", StringComparison.Ordinal),
            "\"event\": {\"id\": \"" + TrackingLogs.LogSamples.OldVideoHtmlId + "\", \"current_time\": \"1e3\", \"new_speed\": 0, \"old_speed\": \"-1.50\"}") + "\n"
            + TrackingLogs.TrackingLogLineParserTests.ReplaceEvent(TrackingLogs.LogSamples.MobilePause.Replace("\"pause_video\"", "\"seek_video\"", StringComparison.Ordinal),
            "\"event\": {\"id\": \"addc2e897c5447f09d2d7f532970e285\", \"new_time\": -0.0, \"old_time\": 1e400, \"currentTime\": \"NaN\", \"new_speed\": \"0.000\", \"old_speed\": \"2\"}")),
    ];

    [Fact]
    public void TheTrackingLogParserNeverThrowsAndEveryClickItAcceptsFitsTheClickEventsColumns()
    {
        var table = GeneratedTables.All.Single(t => t.Info.Name == "click_events");
        var parser = new TrackingLogLineParser(TrackingLogs.LogSamples.Both, validateEveryLine: true);
        var source = new ClickEventRowSource(table.Info.SourceFields);
        var writer = new TableChunkWriter(table, pseudonymKey: null);
        using var temp = new LoadFixtures.TempFolder();
        string csv = Path.Combine(temp.Path, "click_events.csv");
        long clicks = 0;
        Property.Check(FuzzInputs.NoiseOrMutated(3000, s_logSeeds), input =>
        {
            // Split at LF as the job splits a file; the last line may have no LF.
            var reasons = new List<string>();
            Property.Bounded(input.Length, () =>
            {
                for (int start = 0; start <= input.Length;)
                {
                    int lf = input.AsSpan(start).IndexOf((byte)'\n');
                    int end = lf < 0 ? input.Length : start + lf;
                    var outcome = parser.Parse(input.AsSpan(start, end - start), endsWithLf: lf >= 0);
                    Assert.True(Enum.IsDefined(outcome));
                    if (outcome == ClickLineOutcome.Click)
                    {
                        clicks++;
                        source.Set(parser.Event);
                        if (writer.Write(source) is string reason)
                        {
                            reasons.Add(reason);
                        }
                    }

                    start = end + 1;
                }
            });

            // The contract's "Bad input" rule: only a value too long for url, code or video_id rejects a click event.
            Assert.All(reasons, r => Assert.Matches("^click_events\\.(url|code|video_id): ", r));
            var chunk = writer.Take();
            Assert.True(Utf8.IsValid(chunk.Csv));
            File.WriteAllBytes(csv, chunk.Csv.ToArray());
            using var rows = new DialectCsvReader(csv, table.Info.Columns.Count);
            while (rows.Read())
            {
                AssertFitsClickEvents(table.Info, rows.Values);
            }
        }, iterations: 600, seed: 7_000_014);

        // The mutations reach the row writer, not only the parser's early exits.
        Assert.True(clicks >= 200, $"only {clicks} click events among the cases");
    }

    private static void AssertFitsClickEvents(Modules.Schema.TableInfo table, IReadOnlyList<string?> row)
    {
        string? Value(string column) => row[table.Columns.ToList().FindIndex(c => c.Name == column)];
        foreach (var (column, value) in table.Columns.Zip(row))
        {
            Assert.True(value is not null || column.Nullable, $"{column.Name} is NULL");
            Assert.True(value is null || column.Size == 0 || value.EnumerateRunes().Count() <= column.Size, $"{column.Name} holds more than {column.Size} characters");
        }

        Assert.Matches("^[0-9a-f]{32}$", Value("observed_event_id"));
        Assert.Contains(Value("course_id"), TrackingLogs.LogSamples.Both.Courses.Select(c => c.CourseId));
        Assert.Matches("^[0-9a-f]{40}$", Value("user_id"));
        Assert.NotEmpty(Value("video_id")!);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$", Value("observed_event_timestamp"));
        Assert.Contains(Value("observed_event_type"), ClickEventTypes.Names.Select(n => Encoding.ASCII.GetString(n)));
        foreach (string column in new[] { "video_current_time", "video_new_time", "video_old_time", "video_new_speed", "video_old_speed" })
        {
            if (Value(column) is string number)
            {
                // A decimal that reads back as a finite, non-negative double (a speed: positive), as SQL's double holds it.
                Assert.Matches(@"^\d+(\.\d+)?$", number);
                double d = double.Parse(number, System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(double.IsFinite(d) && (column.EndsWith("_speed", StringComparison.Ordinal) ? d > 0 : d >= 0), column + " = " + number);
            }
        }
    }

    [Fact]
    public void AWholeConversionOfMutatedFilesCountsEveryRecordAndWritesOnlyWellFormedUtf8()
    {
        var files = CoursePackage.Suffixes.Select(s => FuzzInputs.Sample(CoursePackage.Course, s)).ToArray();
        var gen = Gen.Int[0, files.Length - 1].SelectMany(which => FuzzInputs.Mutated(files[which]).Select(bytes => (Which: which, Bytes: bytes)));
        using var temp = new LoadFixtures.TempFolder();
        int n = 0;
        Property.Check(gen, c =>
        {
            string root = Path.Combine(temp.Path, (n++).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var package = CoursePackage.Sample(Path.Combine(root, "in"));
            package.Write(CoursePackage.Suffixes[c.Which], c.Bytes);
            string output = Path.Combine(root, "out");
            ConvertResult result;
            try
            {
                result = package.Convert(output);
            }
            catch (ConvertException e)
            {
                // A run-stopping problem (a column missing, a course structure that is not JSON): nothing final written.
                Assert.DoesNotContain('\n', e.Message);
                Assert.Empty(Directory.GetFiles(output, "*.csv"));
                return;
            }

            foreach (var t in result.Tables.Where(t => t.Table != "users"))
            {
                Assert.True(t.Read == t.Written + t.Rejected + t.Duplicates, $"{t.Table}: read {t.Read}, written {t.Written}, rejected {t.Rejected}, duplicates {t.Duplicates}");
            }

            foreach (var table in VisMooc.Tests.Support.TablesWithoutLogs.All)
            {
                string csv = Path.Combine(output, table.Info.CsvFileName);
                Assert.True(Utf8.IsValid(File.ReadAllBytes(csv)), csv);
                using var reader = new DialectCsvReader(csv, table.Info.Columns.Count);
                long rows = 0;
                while (reader.Read())
                {
                    rows++;
                }

                Assert.Equal(result.Tables.Single(t => t.Table == table.Info.Name).Written, rows);
                string rejects = Path.Combine(output, "rejects", table.Info.Name + ".tsv");
                long rejected = result.Tables.Single(t => t.Table == table.Info.Name).Rejected;
                Assert.Equal(rejected > 0, File.Exists(rejects));
                if (rejected > 0)
                {
                    Assert.Equal(rejected + 1, File.ReadAllBytes(rejects).AsSpan().Count((byte)'\n'));
                }
            }

            Assert.Empty(Directory.GetFiles(output, TableOutput.PartialPrefix + "*", SearchOption.AllDirectories));
            Directory.Delete(root, recursive: true);
        }, iterations: 40, seed: 7_000_004, print: c => $"{CoursePackage.Suffixes[c.Which]}: {Convert.ToHexString(c.Bytes)}");
    }

    private static string? HeaderError(byte[] input) => HeaderError(new MemoryStream(input));

    private static string? HeaderError(Stream stream)
    {
        try
        {
            using var reader = new EdxTsvReader(stream, "fuzz.sql");
            return null;
        }
        catch (InvalidDataException e)
        {
            return e.Message;
        }
    }

    /// <summary>The oracle: the first line (after a UTF-8 BOM) is not UTF-8 text without NUL, holds a CR or another line separator followed by more, is longer than 1 MiB, or starts like UTF-16 or packed data.</summary>
    private static bool IsNotLfSplitText(byte[] input)
    {
        var rest = input.AsSpan();
        if (rest.StartsWith("\uFEFF"u8))
        {
            rest = rest[3..];
        }

        int lf = rest.IndexOf((byte)'\n');
        var line = lf < 0 ? rest : rest[..lf];
        if (lf >= 0 && line.EndsWith("\r"u8))
        {
            line = line[..^1];
        }

        // A line separator (a C0 control but TAB and NUL: CR, form feed…; NEL, U+2028, U+2029) followed by
        // more text than blanks and separators; and a first line longer than any header.
        string decoded = Encoding.UTF8.GetString(line);
        static bool IsSeparator(char c) => (c < ' ' && c is not '\t' and not '\0') || c is '\u0085' or '\u2028' or '\u2029';
        int end = decoded.Length;
        while (end > 0 && (decoded[end - 1] is ' ' or '\t' || IsSeparator(decoded[end - 1])))
        {
            end--;
        }

        bool separatorBeforeText = decoded[..end].Any(IsSeparator);
        bool tooLong = lf < 0 && line.Length > 1 << 20;
        bool packed = rest.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || rest.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || rest.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]) || rest.StartsWith("PK\x03\x04"u8)
            || rest.StartsWith("-----BEGIN PGP"u8) || (!rest.IsEmpty && rest[0] is 0x84 or 0x85 or 0x8C or 0x8D or 0xC1 or 0xC3)
            || (rest.StartsWith("BZh"u8) && rest.Length > 3 && rest[3] is >= (byte)'1' and <= (byte)'9')
            || rest.StartsWith((ReadOnlySpan<byte>)[0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0]) || rest.StartsWith((ReadOnlySpan<byte>)[(byte)'7', (byte)'z', 0xBC, 0xAF, 0x27, 0x1C]) || rest.StartsWith((ReadOnlySpan<byte>)[0x28, 0xB5, 0x2F, 0xFD]);
        return !line.IsEmpty && (packed || line.Contains((byte)0) || separatorBeforeText || tooLong || !Utf8.IsValid(line));
    }

    private sealed record TsvRecord(long Line, bool Valid, string? Reason, string Raw, string Fields, long InvalidUtf8, int EscapeWarnings);

    private static (IReadOnlyList<string> Header, bool Crlf, List<TsvRecord> Records) ReadTsv(Stream stream)
    {
        using var reader = new EdxTsvReader(stream, "fuzz.sql");
        var records = new List<TsvRecord>();
        while (reader.Read())
        {
            var fields = new string?[reader.FieldCount];
            for (int i = 0; i < fields.Length; i++)
            {
                var f = reader.GetField(i);
                fields[i] = f.IsNull ? null : Convert.ToHexString(f.Utf8);
            }

            records.Add(new TsvRecord(reader.LineNumber, reader.IsValid, reader.RejectReason, Convert.ToHexString(reader.RawRecord), Join(fields), reader.InvalidUtf8Offset, reader.EscapeWarnings));
        }

        return (reader.Header, reader.CrlfMode, records);
    }

    /// <summary>The records the contract says a file holds: its LF-separated lines after the header (one CR dropped in CRLF mode).</summary>
    private static List<byte[]> ExpectedRecords(byte[] input, bool crlf)
    {
        var rest = input.AsSpan();
        if (rest.StartsWith("\uFEFF"u8))
        {
            rest = rest[3..];
        }

        var lines = new List<byte[]>();
        int lf = rest.IndexOf((byte)'\n');
        if (lf < 0)
        {
            return lines;
        }

        rest = rest[(lf + 1)..];
        while (!rest.IsEmpty)
        {
            int end = rest.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            if (crlf && end >= 0 && line.EndsWith("\r"u8))
            {
                line = line[..^1];
            }

            lines.Add(line.ToArray());
            rest = end < 0 ? [] : rest[(end + 1)..];
        }

        return lines;
    }

    /// <summary>Splits on TAB and decodes <c>\\ \t \n \r \0</c>, keeping other pairs as typed; <c>NULL</c> alone is null.</summary>
    private static string?[] ReferenceDecode(byte[] record)
    {
        var fields = new List<string?>();
        foreach (var range in record.AsSpan().Split((byte)'\t'))
        {
            var raw = record.AsSpan()[range];
            if (raw.SequenceEqual("NULL"u8))
            {
                fields.Add(null);
                continue;
            }

            var decoded = new List<byte>();
            for (int i = 0; i < raw.Length; i++)
            {
                if (raw[i] == '\\' && i + 1 < raw.Length)
                {
                    byte next = raw[++i];
                    decoded.AddRange(next switch
                    {
                        (byte)'\\' => [(byte)'\\'],
                        (byte)'t' => [(byte)'\t'],
                        (byte)'n' => [(byte)'\n'],
                        (byte)'r' => [(byte)'\r'],
                        (byte)'0' => [0],
                        _ => [(byte)'\\', next],
                    });
                }
                else
                {
                    decoded.Add(raw[i]);
                }
            }

            fields.Add(Convert.ToHexString([.. decoded]));
        }

        return [.. fields];
    }

    private static string Join(string?[] fields) => string.Join("|", fields.Select(f => f ?? "(null)"));

    private static List<string> ReadLines(Stream stream)
    {
        using var reader = new LfLineReader(stream);
        var lines = new List<string>();
        while (reader.TryReadLine(out var line))
        {
            lines.Add(Convert.ToHexString(line));
        }

        return lines;
    }

    private static string ReadCourse(Stream stream, ISet<string> metadata)
    {
        try
        {
            var blocks = CourseStructureReader.Read(stream, metadata);
            var text = new StringBuilder();
            foreach (var b in blocks)
            {
                text.Append(b.Key).Append('|').Append(b.Category).Append('|').AppendJoin(',', b.Children).Append('|');
                foreach (var (name, (utf8, kind)) in b.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
                {
                    text.Append(name).Append('=').Append(kind).Append(':').Append(Convert.ToHexString(utf8)).Append(';');
                }

                text.Append('\n');
            }

            return text.ToString();
        }
        catch (InvalidDataException e)
        {
            return "error: " + e.Message;
        }
    }
}
