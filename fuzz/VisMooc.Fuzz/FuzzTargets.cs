using System.Text;
using VisMooc.Generated;
using VisMooc.Modules.IO;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Privacy;
using VisMooc.Modules.Schema;
using VisMooc.Modules.Sources.CourseStructure;
using VisMooc.Modules.Sources.EdxTsv;
using VisMooc.Modules.Sources.JsonLines;
using VisMooc.Modules.Sources.TrackingLog;
using VisMooc.Modules.Staging;

namespace VisMooc.Fuzz;

/// <summary>
/// What AFL drives: each target reads one input the way a conversion does and throws (a crash for
/// AFL) on anything but the documented outcome, or when it allocates out of proportion to the input.
/// </summary>
public static class FuzzTargets
{
    /// <summary>The targets by name.</summary>
    public static readonly IReadOnlyDictionary<string, Action<byte[]>> All = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["tsv"] = Tsv,
        ["forum"] = Forum,
        ["course"] = Course,
        ["mask"] = Mask,
        ["gz"] = Gz,
        ["clicks"] = Clicks,
    };

    // A course of each key era, with a video of each kind, so that mutated lines can reach every outcome.
    private static readonly ClickCourseSet s_clickCourses = new(
    [
        new ClickCourse("BerkeleyX/Stat_2.1x/1T2014", VideoKeyMap.Build([("i4x://BerkeleyX/Stat_2.1x/video/58424ad2f75048798b4480aa699cc215", "video"), ("i4x://BerkeleyX/Stat_2.1x/videoalpha/413d6d3c3a7c4f5a9c1f1a3b6e2f4d10", "videoalpha")])) { Index = 0 },
        new ClickCourse("course-v1:DelftX+FP101x+3T2015", VideoKeyMap.Build([("block-v1:DelftX+FP101x+3T2015+type@video+block@addc2e897c5447f09d2d7f532970e285", "video")])) { Index = 1 },
    ]);

    private static readonly TableDescriptor s_clickTable = GeneratedTables.All.Single(t => t.Info.Name == "click_events");

    /// <summary>
    /// The tracking-log line parser on any bytes, split at LF as the job splits a file: a defined
    /// outcome for every line, never an exception; a click event is written by the click_events
    /// declaration as a row, or rejected only for a value too long for url, code or video_id (the
    /// contract's "Bad input" rule); the rest of its values always fit their columns.
    /// </summary>
    public static void Clicks(byte[] input) => Bounded(input, () =>
    {
        var parser = new TrackingLogLineParser(s_clickCourses, validateEveryLine: true);
        var source = new ClickEventRowSource(s_clickTable.Info.SourceFields);
        var writer = new TableChunkWriter(s_clickTable, pseudonymKey: null);
        int start = 0;
        while (start <= input.Length)
        {
            int lf = input.AsSpan(start).IndexOf((byte)'\n');
            int end = lf < 0 ? input.Length : start + lf;
            var outcome = parser.Parse(input.AsSpan(start, end - start), endsWithLf: lf >= 0);
            Check(Enum.IsDefined(outcome), "an undefined outcome " + outcome);
            if (outcome == ClickLineOutcome.Click)
            {
                source.Set(parser.Event);
                if (writer.Write(source) is string reason)
                {
                    Check(reason.StartsWith("click_events.url: ", StringComparison.Ordinal) || reason.StartsWith("click_events.code: ", StringComparison.Ordinal)
                        || reason.StartsWith("click_events.video_id: ", StringComparison.Ordinal), "a click event the table cannot hold: " + reason);
                }
            }

            start = end + 1;
        }

        writer.Take();
    });

    /// <summary>The edX TSV reader: every record is valid or has a reason; raw records are never longer than the input.</summary>
    public static void Tsv(byte[] input) => Bounded(input, () =>
    {
        using var reader = new EdxTsvReader(new MemoryStream(input), "fuzz.sql");
        long line = 1;
        while (reader.Read())
        {
            Check(reader.LineNumber == ++line, "line numbers skip");
            Check(reader.IsValid == (reader.RejectReason is null), "a record is invalid without a reason");
            Check(reader.RawRecord.Length <= input.Length, "a record is longer than the input");
            for (int i = 0; i < (reader.IsValid ? reader.FieldCount : 0); i++)
            {
                _ = reader.GetField(i);
            }
        }
    });

    /// <summary>The forum line reader and document parser: each line parses or gives a reason; masking never throws.</summary>
    public static void Forum(byte[] input) => Bounded(input, () =>
    {
        var parser = new ForumDocumentParser(GeneratedTables.All.Single(t => t.Info.Name == "forum").Info.SourceFields);
        using var lines = new LfLineReader(new MemoryStream(input));
        while (lines.TryReadLine(out var line))
        {
            if (!parser.TryParse(line, out string? error))
            {
                Check(error is not null && error.StartsWith("invalid ", StringComparison.Ordinal) && !error.Contains('\n'), "a bad reason: " + error);
            }
        }
    });

    /// <summary>The course_structure reader: blocks, or an InvalidDataException whose message names a line and is one line.</summary>
    public static void Course(byte[] input) => Bounded(input, () =>
    {
        try
        {
            CourseStructureReader.Read(new MemoryStream(input), new HashSet<string>(StringComparer.Ordinal) { "display_name", "start", "end", "html5_sources[0]" });
        }
        catch (InvalidDataException e) when (e.Message.StartsWith("line ", StringComparison.Ordinal) && !e.Message.Contains('\n'))
        {
        }
    });

    /// <summary>
    /// The checked gzip reader on any bytes (cut-short and damaged members): the data, or one
    /// one-line error naming the file; never another exception, never a silent short read of a
    /// member (every member read must have matched its trailer, which the stream checks).
    /// </summary>
    public static void Gz(byte[] input) => Bounded(input, () =>
    {
        try
        {
            using var stream = new CheckedGzipStream(new MemoryStream(input), "fuzz.sql.gz");
            var buffer = new byte[4096];
            long total = 0;
            int n;
            while ((n = stream.Read(buffer)) > 0)
            {
                total += n;
                Check(total <= (1032L * input.Length) + 4096, "more output than deflate can give");
            }
        }
        catch (ConvertException e) when (e.Message.StartsWith("fuzz.sql.gz: ", StringComparison.Ordinal) && !e.Message.Contains('\n'))
        {
        }
    });

    /// <summary>The rejects masker on one forum line and one TSV record: never throws; a planted username never survives a plain key.</summary>
    public static void Mask(byte[] input) => Bounded(input, () =>
    {
        byte[] planted = [.. "{\"author_username\":\"zz_planted\","u8, .. input];
        Check(RawMasker.MaskJson(planted).AsSpan().IndexOf("zz_planted"u8) < 0 || input.AsSpan().IndexOf("zz_planted"u8) >= 0, "the planted username survived");
        RawMasker.Mask(input, ["id", "username", "email", "name"]);
    });

    private static void Bounded(byte[] input, Action work)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        work();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Check(allocated <= (32L * input.Length) + (8 << 20), $"allocated {allocated} bytes for {input.Length} input bytes");
    }

    private static void Check(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException(problem);
        }
    }
}
