using VisMooc.Generated;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Reporting;
using VisMooc.Modules.Synth;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Perf;

/// <summary>Speed features must not change output: any thread count and progress reporting give the same bytes.</summary>
public sealed class ParallelAndProgressTests : IDisposable
{
    private static readonly string[] s_tables = TablesWithoutLogs.All.Select(t => t.Info.Name).ToArray();
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "vismooc-par-" + Guid.NewGuid().ToString("N")[..12]);

    [Theory]
    [InlineData(SynthStyle.Old)]
    [InlineData(SynthStyle.New)]
    public void AnyThreadCountAndProgressGiveTheSameBytes(SynthStyle style)
    {
        // Two courses, so that tables and courses both run side by side.
        PackageSynthesizer.Run(new SynthOptions { Learners = 3_000, Style = style, Output = Path.Combine(_temp, "in", "A-course"), Seed = 5 });
        PackageSynthesizer.Run(new SynthOptions { Learners = 2_000, Style = style, Output = Path.Combine(_temp, "in", "B-course"), Seed = 6 });

        Convert("t1", threads: 1);
        var snapshots = new List<ConvertProgress>();
        var result = Convert("t4", threads: 4, progress: p =>
        {
            lock (snapshots)
            {
                snapshots.Add(p);
            }
        });
        Convert("t2", threads: 2);

        foreach (var table in s_tables)
        {
            byte[] single = File.ReadAllBytes(Path.Combine(_temp, "t1", table + ".csv"));
            Assert.True(single.Length > 0, table);
            Assert.True(single.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_temp, "t2", table + ".csv"))), table + ": --threads 2 differs from 1");
            Assert.True(single.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_temp, "t4", table + ".csv"))), table + ": --threads 4 with progress differs from 1");
        }

        // The last snapshot is the final one: every table done, its rows and all its input bytes counted.
        var last = snapshots[^1];
        Assert.True(last.Finished);
        Assert.Single(snapshots, s => s.Finished);
        long inputBytes = Directory.GetFiles(Path.Combine(_temp, "in"), "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        foreach (var t in last.Tables)
        {
            Assert.True(t.Done, t.Table);
            Assert.Equal(result.Tables.Where(s => s.Table == t.Table).Sum(s => s.Written), t.Rows);
            Assert.Equal(t.BytesTotal, t.BytesRead);
        }

        // Each input file is read by exactly one job (courses, videos and course_video share theirs).
        Assert.Equal(inputBytes, last.Tables.Where(t => t.Table is "courses" or "users" or "forum" or "enrollments" or "grades").Sum(t => t.BytesTotal));
    }

    [Fact]
    public void SqliteLoadReportsEveryRowAndByte()
    {
        PackageSynthesizer.Run(new SynthOptions { Learners = 2_000, Output = Path.Combine(_temp, "in", "L") });
        var converted = Convert("csv", threads: 2);
        var snapshots = new List<ConvertProgress>();
        var loaded = VisMooc.Modules.Load.SqliteLoader.Load(Path.Combine(_temp, "csv"), Path.Combine(_temp, "db.sqlite"), VisMooc.Modules.Load.LoadMode.Ignore, GeneratedTables.All, p =>
        {
            lock (snapshots)
            {
                snapshots.Add(p);
            }
        });

        var last = snapshots[^1];
        Assert.True(last.Finished);
        Assert.Single(snapshots, s => s.Finished);
        Assert.Equal(s_tables.Order(StringComparer.Ordinal), last.Tables.Select(t => t.Table).Order(StringComparer.Ordinal));
        foreach (var t in last.Tables)
        {
            Assert.True(t.Done, t.Table);
            Assert.Equal(loaded.Tables.Single(r => r.Table == t.Table).Rows, t.Rows);
            Assert.Equal(new FileInfo(Path.Combine(_temp, "csv", t.Table + ".csv")).Length, t.BytesRead);
            Assert.Equal(t.BytesTotal, t.BytesRead);
        }

        Assert.Equal(converted.Tables.Sum(s => s.Written), last.Tables.Sum(t => t.Rows));
    }

    [Fact]
    public void QuietConvertPrintsNothingAndProgressNeverReachesStandardOutput()
    {
        PackageSynthesizer.Run(new SynthOptions { Learners = 500, Output = Path.Combine(_temp, "in", "C") });
        var quiet = ToolRunner.Run(["convert", Path.Combine(_temp, "in", "C"), "--out", Path.Combine(_temp, "q"), "--quiet"]);
        Assert.Equal(0, quiet.ExitCode);
        Assert.Equal("", quiet.StdOut);
        Assert.Equal("", quiet.RawStdErr);

        var json = ToolRunner.Run(["convert", Path.Combine(_temp, "in", "C"), "--out", Path.Combine(_temp, "j"), "--json"]);
        Assert.Equal(0, json.ExitCode);
        using var report = System.Text.Json.JsonDocument.Parse(json.StdOut);
        Assert.Equal(0, report.RootElement.GetProperty("exitCode").GetInt32());
    }

    public void Dispose()
    {
        if (Directory.Exists(_temp))
        {
            Directory.Delete(_temp, recursive: true);
        }
    }

    private ConvertResult Convert(string output, int threads, Action<ConvertProgress>? progress = null) =>
        PackageConverter.Run(
            new ConvertOptions { Input = Path.Combine(_temp, "in"), Output = Path.Combine(_temp, output), Threads = threads, Progress = progress, ProgressInterval = TimeSpan.FromMilliseconds(1) },
            GeneratedTables.All);
}
