using System.Text.Json;
using BenchmarkDotNet.Attributes;
using VisMooc.Modules.Sources.CourseStructure;
using VisMooc.Modules.Sources.TrackingLog;
using VisMooc.Modules.Synth;

namespace VisMooc.Benchmarks;

/// <summary>
/// The click-event reader on a realistic mix: one synth course's tracking logs (style new, 1,000
/// learners, 25 lines each, about 21 MB, a third of the lines video events, plain text in memory).
/// Each benchmark reads every line once; divide the input size by the time for MB/s. Min and median
/// are shown because the shared machine's load varies within a run.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class TrackingLogBenchmarks
{
    private byte[] _text = [];
    private (int Start, int Length)[] _lines = [];
    private (int Start, int Length)[] _nonClickLines = [];
    private TrackingLogLineParser _fast = null!;
    private TrackingLogLineParser _validating = null!;
    private TrackingLogLineParser _full = null!;

    /// <summary>Bytes of the whole input (for MB/s).</summary>
    public long InputBytes => _text.Length;

    [GlobalSetup]
    public void Setup()
    {
        string folder = Path.Combine(Path.GetTempPath(), "vismooc-bench-logs-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            var result = PackageSynthesizer.Run(new SynthOptions
            {
                Learners = 1000,
                Output = Path.Combine(folder, "course"),
                EventsOutput = Path.Combine(folder, "events"),
                EventsCompressed = false,
            });
            using var all = new MemoryStream();
            foreach (var file in result.Files.Skip(6).OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                all.Write(File.ReadAllBytes(Path.Combine(result.EventsFolder!, file.Name)));
            }

            _text = all.ToArray();
            using var structure = File.OpenRead(Directory.GetFiles(result.Folder, "*course_structure*").Single());
            var courses = new ClickCourseSet([new ClickCourse(result.CourseId, VideoKeyMap.Build(CourseStructureReader.Read(structure, new HashSet<string>())))]);
            _fast = new TrackingLogLineParser(courses);
            _validating = new TrackingLogLineParser(courses, validateEveryLine: true);
            _full = new TrackingLogLineParser(courses, validateEveryLine: true) { UsePrefilter = false };
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        var lines = new List<(int, int)>();
        int start = 0;
        while (start < _text.Length)
        {
            int lf = _text.AsSpan(start).IndexOf((byte)'\n');
            int length = lf < 0 ? _text.Length - start : lf;
            lines.Add((start, length));
            start += length + 1;
        }

        _lines = [.. lines];
        _nonClickLines = [.. _lines.Where(l => _full.Parse(_text.AsSpan(l.Item1, l.Item2)) is not (ClickLineOutcome.Click or ClickLineOutcome.OtherCourse or ClickLineOutcome.NoUsername or ClickLineOutcome.Rejected or ClickLineOutcome.MalformedClick))];
        Console.WriteLine($"// input: {_text.Length:N0} bytes, {_lines.Length:N0} lines, {_nonClickLines.Length:N0} not video events ({_nonClickLines.Sum(l => (long)l.Length):N0} bytes)");
    }

    [Benchmark(Baseline = true, Description = "split at LF only (the floor)")]
    public long SplitOnly()
    {
        long n = 0;
        foreach (var (start, length) in _lines)
        {
            n += _text.AsSpan(start, length).IndexOf((byte)'\n') + 1;
        }

        return n;
    }

    [Benchmark(Description = "prefilter only")]
    public long PrefilterOnly()
    {
        long n = 0;
        foreach (var (start, length) in _lines)
        {
            n += ClickLinePrefilter.CanBeClickEvent(_text.AsSpan(start, length)) ? 1 : 0;
        }

        return n;
    }

    [Benchmark(Description = "parser with prefilter (as used)")]
    public long ParseWithPrefilter() => Parse(_fast, _lines);

    [Benchmark(Description = "parser with prefilter, every line validated as JSON")]
    public long ParseValidatingEveryLine() => Parse(_validating, _lines);

    [Benchmark(Description = "parser without prefilter (full parse of every line)")]
    public long ParseWithoutPrefilter() => Parse(_full, _lines);

    [Benchmark(Description = "JsonDocument.Parse of every line (naive)")]
    public long JsonDocumentEveryLine()
    {
        long n = 0;
        foreach (var (start, length) in _lines)
        {
            try
            {
                using var document = JsonDocument.Parse(_text.AsMemory(start, length));
                n += document.RootElement.TryGetProperty("event_type"u8, out _) ? 1 : 0;
            }
            catch (JsonException)
            {
            }
        }

        return n;
    }

    [Benchmark(Description = "parser with prefilter, lines that are no video event only")]
    public long ParseNonClickLines() => Parse(_fast, _nonClickLines);

    private long Parse(TrackingLogLineParser parser, (int Start, int Length)[] lines)
    {
        long clicks = 0;
        foreach (var (start, length) in lines)
        {
            clicks += parser.Parse(_text.AsSpan(start, length)) == ClickLineOutcome.Click ? 1 : 0;
        }

        return clicks;
    }
}
