using System.Globalization;
using System.Text;
using VisMooc.Modules.Discovery;
using VisMooc.Modules.IO;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Privacy;
using VisMooc.Modules.Reporting;
using VisMooc.Modules.Schema;
using VisMooc.Modules.Sources.CourseStructure;
using VisMooc.Modules.Staging;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.Sources.TrackingLog;

/// <summary>
/// <c>click_events</c> from the tracking logs. Org-level daily files hold every course of an org, so
/// each file is read once for all courses of the run (on the job's call for the run's first
/// course), in ordinal path order, cut into chunks that the run's workers convert side by side:
/// the prefilter drops most lines unparsed, <see cref="TrackingLogLineParser"/> reads the rest. A
/// chunk's rows are written course by course in run order, each course's in line order, so the
/// output is the same for any number of threads. Duplicates (the same line in two daily files)
/// are dropped by the table's key set, which keeps at most 6.75 bytes per 32-hex id plus 5.25 MiB (<see cref="SeenKeys"/>, <see cref="HashPrefixSet"/>).
/// </summary>
public sealed class TrackingLogJob(IReadOnlyList<TableOutput> outputs, IReadOnlyList<CourseInput> runCourses, IReadOnlyList<string> files) : IConvertJob
{
    /// <summary>Finding: click events of courses not being converted, by course id.</summary>
    public const string OtherCourses = "otherCourses";

    /// <summary>Finding: click events of a converted course without a username (logged-out sessions).</summary>
    public const string NoUsername = "noUsername";

    /// <summary>Finding: click events whose video the course structure does not have (written with the contract's fallback key).</summary>
    public const string VideoNotInCourseStructure = "videoNotInCourseStructure";

    /// <summary>
    /// Finding: lines that are not JSON objects, not even from their first <c>{</c>: each line the parser
    /// reads, and each other line whose shape shows it (no <c>{</c>, or no <c>}</c> at its end).
    /// </summary>
    public const string Malformed = "malformed";

    private bool _done;

    /// <inheritdoc/>
    public IReadOnlyList<TableOutput> Outputs { get; } = outputs;

    /// <inheritdoc/>
    public IReadOnlyList<InputDescriptor> InputKinds { get; } = [];

    /// <inheritdoc/>
    public bool Chunked => true;

    /// <inheritdoc/>
    public void Run(IReadOnlyList<CourseInput> courses, ConvertRun run)
    {
        if (_done)
        {
            return;
        }

        _done = true;
        var set = CourseSet(run);
        foreach (var course in runCourses)
        {
            foreach (var output in Outputs)
            {
                run.StatsFor(course.Name, output.Table.Info.Name).Files.AddRange(files.Select(Path.GetFileName)!);
            }
        }

        foreach (string path in set.Courses.Count == 0 ? [] : files)
        {
            string name = Path.GetFileName(path);
            using var stream = InputDiscovery.Open(path, Outputs[0].InputRead);
            var chunks = new LfChunkReader(stream, [], 0, 1, run.Options.ChunkBytes, line => $"{name} line {line} is longer than {Array.MaxLength} bytes; the file is not JSON lines");
            run.Workers.Run(
                chunks,
                () => new Context(set, Outputs),
                (context, chunk) => context.Convert(chunk, name),
                converted => Apply(converted, run));
        }
    }

    /// <summary>The converted courses with a course structure: their ids as courses.original_id spells them, and their videos.</summary>
    private ClickCourseSet CourseSet(ConvertRun run)
    {
        var list = new List<ClickCourse>();
        foreach (var course in runCourses)
        {
            var structure = course.FilesOf(Inputs.CourseStructureInput.Descriptor);
            if (structure.Count == 0)
            {
                run.Notice(course, Inputs.TrackingLogInput.Descriptor, $"{course.Name}: no course structure, so its click events cannot be told apart from other courses'; they are counted as other courses");
                continue;
            }

            List<CourseBlock> blocks;
            try
            {
                using var stream = InputDiscovery.Open(structure[0]);
                blocks = CourseStructureReader.Read(stream, new HashSet<string>(StringComparer.Ordinal));
            }
            catch (Exception e) when (e is InvalidDataException or ConvertException or IOException)
            {
                continue; // the course-structure job reports it
            }

            var root = CourseTree.Build(blocks).Root;
            if (root is null)
            {
                continue;
            }

            byte[] key = Encoding.UTF8.GetBytes(root.Key);
            byte[] id = new byte[key.Length + 16];
            list.Add(new ClickCourse(Encoding.UTF8.GetString(id, 0, CourseKey.CourseId(key, id)), VideoKeyMap.Build(blocks)) { Index = list.Count });
            _names.Add(course.Name);
        }

        return new ClickCourseSet(list);
    }

    private readonly List<string> _names = [];
    private readonly HashSet<string> _otherCoursesNamed = new(StringComparer.Ordinal);

    private void Apply(Converted converted, ConvertRun run)
    {
        for (int c = 0; c < _names.Count; c++)
        {
            for (int t = 0; t < Outputs.Count; t++)
            {
                var stats = run.BeginCourse(Outputs[t], _names[c]);
                Outputs[t].Append(converted.Chunks[c][t]);
                Add(stats, NoUsername, converted.NoUsername[c], []);
                Add(stats, VideoNotInCourseStructure, converted.MissingVideos[c].Count, converted.MissingVideos[c].Examples);
                if (c == 0)
                {
                    Add(stats, Malformed, converted.Malformed.Count, converted.Malformed.Examples);
                    foreach (var (id, count) in converted.OtherCourses.OrderBy(p => p.Key, StringComparer.Ordinal))
                    {
                        // Chunks report their own counts: name each other course once, in the order first met.
                        Add(stats, OtherCourses, count, stats.WantsExample(OtherCourses) && _otherCoursesNamed.Add(id) ? [Shown(id)] : []);
                    }
                }
            }
        }
    }

    private static void Add(TableStats stats, string finding, long count, List<string> examples)
    {
        if (count == 0)
        {
            return;
        }

        foreach (string example in examples)
        {
            stats.Note(finding, example);
        }

        stats.Note(finding, null);
        stats.Findings[finding].Count += count - examples.Count - 1;
    }

    // Course ids and video ids are quoted only in their expected shape: a crafted one could hold anything.
    private static string Shown(string id)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(id);
        return SafeText.IsCourseId(bytes) || SafeText.IsBlockKey(bytes) || (bytes.Length <= 200 && bytes.AsSpan().IndexOfAnyExcept(s_idBytes) < 0) ? "'" + id + "'" : SafeText.Quote(bytes, harmless: false);
    }

    private static readonly System.Buffers.SearchValues<byte> s_idBytes =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.:+@/"u8);

    /// <summary>What one chunk gave: per course and table a chunk of rows, and the counts.</summary>
    private sealed class Converted(int courses, int tables)
    {
        public TableChunk[][] Chunks { get; } = new TableChunk[courses][];
        public long Lines { get; set; }
        public long[] NoUsername { get; } = new long[courses];
        public (long Count, List<string> Examples)[] MissingVideos { get; } = Enumerable.Range(0, courses).Select(_ => (0L, new List<string>())).ToArray();
        public (long Count, List<string> Examples) Malformed = (0, []);
        public Dictionary<string, long> OtherCourses { get; } = new(StringComparer.Ordinal);
        public int Tables => tables;
    }

    /// <summary>One worker's parser, row source and writers (one per course and table).</summary>
    private sealed class Context
    {
        private readonly ClickCourseSet _set;
        private readonly TrackingLogLineParser _parser;
        private readonly ClickEventRowSource[] _sources;
        private readonly TableChunkWriter[][] _writers;

        public Context(ClickCourseSet set, IReadOnlyList<TableOutput> outputs)
        {
            _set = set;
            _parser = new TrackingLogLineParser(set);
            _sources = outputs.Select(o => new ClickEventRowSource(o.Table.Info.SourceFields)).ToArray();
            _writers = set.Courses.Select(_ => outputs.Select(o => o.NewWriter()).ToArray()).ToArray();
        }

        public Converted Convert(LfChunk chunk, string file)
        {
            var result = new Converted(_set.Courses.Count, _sources.Length);
            var lines = chunk.Lines;
            while (lines.MoveNext())
            {
                var line = lines.Current;
                result.Lines++;
                bool endsWithLf = (int)(lines.LineOffset - chunk.FileOffset) + line.Length < chunk.Length;
                var outcome = _parser.Parse(line, endsWithLf);
                var e = _parser.Event;
                switch (outcome)
                {
                    case ClickLineOutcome.Malformed:
                    case ClickLineOutcome.MalformedClick:
                        if (result.Malformed.Examples.Count < TableStats.MaxExamples)
                        {
                            result.Malformed.Examples.Add(file + ":" + lines.LineNumber.ToString(CultureInfo.InvariantCulture) + ": not a JSON object");
                        }

                        result.Malformed.Count++;
                        if (outcome == ClickLineOutcome.MalformedClick && _writers.Length > 0)
                        {
                            // Whose course it is cannot be told: the first course's rejects hold it, without its text.
                            foreach (var writer in _writers[0])
                            {
                                writer.At(file, lines.LineNumber);
                                writer.Reject(ClickRejectReasons.Text(e.RejectReason), []);
                            }
                        }

                        break;
                    case ClickLineOutcome.OtherCourse:
                        string id = Encoding.UTF8.GetString(e.FoundCourseId.Utf8);
                        result.OtherCourses[id] = result.OtherCourses.GetValueOrDefault(id) + 1;
                        break;
                    case ClickLineOutcome.NoUsername:
                        result.NoUsername[e.Course!.Index]++;
                        break;
                    case ClickLineOutcome.Rejected:
                        foreach (var writer in _writers[e.Course!.Index])
                        {
                            writer.At(file, lines.LineNumber);
                            writer.Reject(ClickRejectReasons.Text(e.RejectReason), RawMasker.MaskJson(line));
                        }

                        break;
                    case ClickLineOutcome.Click:
                        int c = e.Course!.Index;
                        if (e.VideoNotInCourseStructure)
                        {
                            ref var missing = ref result.MissingVideos[c];
                            missing.Count++;
                            if (missing.Examples.Count < TableStats.MaxExamples)
                            {
                                missing.Examples.Add(file + ":" + lines.LineNumber.ToString(CultureInfo.InvariantCulture) + ": event.id " + Shown(Encoding.UTF8.GetString(e.EventId.Utf8)));
                            }
                        }

                        for (int t = 0; t < _sources.Length; t++)
                        {
                            _sources[t].Set(e);
                            var writer = _writers[c][t];
                            writer.At(file, lines.LineNumber);
                            if (writer.Write(_sources[t]) is string reason)
                            {
                                writer.Reject(reason, RawMasker.MaskJson(line));
                            }
                        }

                        break;
                }
            }

            for (int c = 0; c < _writers.Length; c++)
            {
                result.Chunks[c] = _writers[c].Select(w => w.Take()).ToArray();
                foreach (var chunkOfTable in result.Chunks[c])
                {
                    chunkOfTable.Read = result.Lines; // every course of the run reads every line
                }
            }

            return result;
        }
    }
}
