using System.Text;
using BenchmarkDotNet.Attributes;
using VisMooc.Generated;
using VisMooc.Modules.IO;
using VisMooc.Modules.Output;
using VisMooc.Modules.Schema;
using VisMooc.Modules.Sources.EdxTsv;
using VisMooc.Modules.Sources.JsonLines;
using VisMooc.Modules.Values;

namespace VisMooc.Benchmarks;

/// <summary>Readers: edX TSV decoding and forum JSON-lines field extraction (per file of 10,000 records).</summary>
[MemoryDiagnoser]
public class ReaderBenchmarks
{
    private byte[] _tsv = [];
    private byte[] _forum = [];
    private ForumDocumentParser _parser = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tsv = Inputs.ProfileTsv(10_000);
        _forum = Inputs.ForumLines(10_000);
        _parser = new ForumDocumentParser(GeneratedTables.All.Single(t => t.Info.Name == "forum").Info.SourceFields);
    }

    [Benchmark(Baseline = true, Description = "TSV: read and decode every field")]
    public long DecodeTsv()
    {
        using var reader = new EdxTsvReader(new MemoryStream(_tsv), "bench.sql");
        long bytes = 0;
        while (reader.Read())
        {
            for (int i = 0; i < reader.FieldCount; i++)
            {
                bytes += reader.GetField(i).Utf8.Length;
            }
        }

        return bytes;
    }

    [Benchmark(Description = "JSON lines: split and extract the forum fields")]
    public long ReadForum()
    {
        using var lines = new LfLineReader(new MemoryStream(_forum));
        long ok = 0;
        while (lines.TryReadLine(out var line))
        {
            ok += _parser.TryParse(line, out _) ? 1 : 0;
        }

        return ok;
    }
}

/// <summary>The generated row writers, 10,000 rows each through WriteRow, against the bare CellWriter.</summary>
[MemoryDiagnoser]
public class WriterBenchmarks
{
    private readonly CellWriter _writer = new();
    private CapturedFields _forumRow = null!;
    private ForumDocumentParser _parser = null!;
    private TableDescriptor _forum = null!;
    private TableDescriptor _users = null!;
    private TableDescriptor _enrollments = null!;
    private FixedRow _userRow = null!;
    private FixedRow _enrollmentRow = null!;

    [GlobalSetup]
    public void Setup()
    {
        _forum = GeneratedTables.All.Single(t => t.Info.Name == "forum");
        _users = GeneratedTables.All.Single(t => t.Info.Name == "users");
        _enrollments = GeneratedTables.All.Single(t => t.Info.Name == "enrollments");
        _parser = new ForumDocumentParser(_forum.Info.SourceFields);
        byte[] line = Inputs.ForumLines(1);
        _parser.TryParse(line.AsSpan(0, line.Length - 1), out _);
        _forumRow = _parser.Fields;
        // users: profile id, auth_user.id, username, name, language, location, year, education, goals, gender, country.
        _userRow = new FixedRow("50", "7000001", "synth_ada", "Ada Synthétique 学生", "", "", "1985", "m", "learn data\r\nand stats, with a \\", "f", "ZZ");
        _enrollmentRow = new FixedRow("900", "7000001", "course-v1:SynthX+DS101+2099_T1", "2099-02-27 09:20:00.500000", "1");
    }

    [Benchmark(Baseline = true, Description = "CellWriter.WriteText with escapes (10,000 values)")]
    public long WriteEscapedText()
    {
        ReadOnlySpan<byte> value = "a \"quoted\" value with \\ and\nnew lines, 中文 and more text to copy"u8;
        long bytes = 0;
        for (int i = 0; i < 10_000; i++)
        {
            _writer.BeginRow(0);
            _writer.BeginField(0, "v", SqlType.LongText, 0, nullable: true);
            _writer.WriteText(value);
            _writer.EndField();
            _writer.EndRow();
            bytes += _writer.Row.Length;
        }

        return bytes;
    }

    [Benchmark(Description = "forum.WriteRow (H, 2 datetimes, escaping)")]
    public long WriteForumRows() => WriteRows(_forum, _forumRow);

    [Benchmark(Description = "users.WriteRow (2 RIPEMD-160 pseudonyms)")]
    public long WriteUserRows() => WriteRows(_users, _userRow);

    [Benchmark(Description = "enrollments.WriteRow (1 datetime)")]
    public long WriteEnrollmentRows() => WriteRows(_enrollments, _enrollmentRow);

    private long WriteRows(TableDescriptor table, IRowSource row)
    {
        long bytes = 0;
        for (int i = 0; i < 10_000; i++)
        {
            table.WriteRow(row, _writer);
            bytes += _writer.Row.Length;
        }

        return bytes;
    }
}

/// <summary>Value functions, 10,000 calls each.</summary>
[MemoryDiagnoser]
public class ValueBenchmarks
{
    private static readonly byte[] s_username = Encoding.UTF8.GetBytes("synth_learner_123456");
    private static readonly byte[] s_key = Encoding.UTF8.GetBytes("block-v1:SynthX+DS101+2099_T1+type@video+block@0f3c5e7a9b1d4f6e8a0c2e4f6a8b0d2f");
    private static readonly byte[] s_space = Encoding.UTF8.GetBytes("2099-02-27 09:15:42.123456");
    private static readonly byte[] s_iso = Encoding.UTF8.GetBytes("2015-06-09T12:25:21.801+0000");
    private static readonly byte[] s_epoch = Encoding.UTF8.GetBytes("4076386200000");

    [Benchmark(Description = "RIPEMD-160 hex of a username")]
    public int Ripemd160()
    {
        Span<byte> hex = stackalloc byte[40];
        int sum = 0;
        for (int i = 0; i < 10_000; i++)
        {
            Pseudonym.Ripemd160Hex(s_username, hex);
            sum += hex[0];
        }

        return sum;
    }

    [Benchmark(Baseline = true, Description = "H of a block key")]
    public long StableId()
    {
        long sum = 0;
        for (int i = 0; i < 10_000; i++)
        {
            sum += PythonHash.Compute(s_key);
        }

        return sum;
    }

    [Benchmark(Description = "datetime: space form, ISO with offset, epoch ms")]
    public long ParseDatetimes()
    {
        long ticks = 0;
        for (int i = 0; i < 10_000; i++)
        {
            UtcDateTimeParser.TryParse(FieldValue.Text(s_space), out var a);
            UtcDateTimeParser.TryParse(FieldValue.Text(s_iso), out var b);
            UtcDateTimeParser.TryParse(new FieldValue(s_epoch, FieldKind.Number), out var c);
            ticks += a.Ticks + b.Ticks + c.Ticks;
        }

        return ticks;
    }
}
