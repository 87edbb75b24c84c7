using System.Globalization;

namespace VisMooc.Modules.Synth;

/// <summary>
/// The <c>course_structure</c> JSON as <c>dump_course_structure</c> wrote it: Python 2's
/// <c>json.dumps(indent=2, sort_keys=True)</c> (", " before each line break, non-ASCII as
/// <c>\uXXXX</c>), a flat map of blocks; chapters, sequentials, verticals, videos, problems and
/// discussions, some without <c>display_name</c>, videos with and without <c>html5_sources</c> and YouTube ids.
/// </summary>
internal sealed class SynthCourseStructureFile(SynthOptions options, SynthCourse course)
{
    /// <summary>Videos: 2,000 per million learners, at least 6.</summary>
    public int Videos => (int)Math.Clamp(options.Learners / 500, 6, 2000);

    /// <summary>Writes the file; returns the number of blocks.</summary>
    public long Write(SynthTextWriter w)
    {
        var blocks = Build();
        w.Raw("{");
        bool first = true;
        foreach (var (key, block) in blocks.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            w.Raw(first ? "\n  " : ", \n  ");
            first = false;
            w.JsonString(key, asciiOnly: true);
            w.Raw(": ");
            WriteValue(w, block, 1);
        }

        w.Raw("\n}\n");
        return blocks.Count;
    }

    /// <summary>The block keys of each category, in course order (what the tracking logs refer to).</summary>
    public IReadOnlyDictionary<string, List<string>> KeysByCategory()
    {
        var order = new List<(string Key, string Category)>();
        Build(order);
        return order.GroupBy(b => b.Category, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(b => b.Key).ToList(), StringComparer.Ordinal);
    }

    private Dictionary<string, SortedDictionary<string, object?>> Build(List<(string Key, string Category)>? order = null)
    {
        var r = new SynthRandom(options.Seed, SynthStream.Course, 0);
        var blocks = new Dictionary<string, SortedDictionary<string, object?>>(StringComparer.Ordinal);
        bool old = options.Style == SynthStyle.Old;

        SortedDictionary<string, object?> Add(string category, string key, SortedDictionary<string, object?> metadata)
        {
            var block = new SortedDictionary<string, object?>(StringComparer.Ordinal)
            {
                ["category"] = category,
                ["children"] = new List<object?>(),
                ["metadata"] = metadata,
            };
            blocks[key] = block;
            order?.Add((key, category));
            return block;
        }

        static void Child(SortedDictionary<string, object?> parent, string key) => ((List<object?>)parent["children"]!).Add(key);
        static SortedDictionary<string, object?> Meta(params (string Name, object? Value)[] pairs)
        {
            var m = new SortedDictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (name, value) in pairs)
            {
                m[name] = value;
            }

            return m;
        }

        string Iso(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        var rootMeta = Meta(
            ("display_name", "Statistics for Everyone — Statistik für alle (统计学)"),
            ("start", Iso(course.Start)),
            ("end", old ? Iso(course.End) : null),
            ("advertised_start", old ? "Fall 2014" : "Spring 2016"),
            ("course_image", "images_course_image.jpg"),
            ("discussion_topics", Meta(("General", Meta(("id", $"i4x-{course.Org}-{course.Number}-course-{course.Run}"))))),
            ("tabs", new List<object?> { Meta(("type", "courseware")), Meta(("name", "Course Info"), ("type", "course_info")), Meta(("name", "Discussion"), ("type", "discussion")) }),
            ("graceperiod", "18000 seconds"),
            ("days_early_for_beta", null));
        var root = Add("course", course.RootKey, rootMeta);

        int verticals = Math.Max(2, (Videos + 1) / 2);
        int videosLeft = Videos;
        int videoNumber = 0;
        int chapters = (verticals + 19) / 20;
        int vertical = 0;
        for (int c = 0; c < chapters; c++)
        {
            string chapterKey = course.BlockKey("chapter", SynthCourse.Hex32(ref r));
            var chapter = Add("chapter", chapterKey, Meta(
                ("display_name", $"Week {c + 1}: {SynthPools.Topics[c % SynthPools.Topics.Length]}"),
                ("start", Iso(course.Start.AddDays(7 * c)))));
            Child(root, chapterKey);
            for (int s = 0; s < 5 && vertical < verticals; s++)
            {
                string sequentialKey = course.BlockKey("sequential", SynthCourse.Hex32(ref r));
                var sequential = Add("sequential", sequentialKey, s == 4
                    ? Meta(("display_name", $"Homework {c + 1}"), ("format", "Homework"), ("graded", true), ("due", Iso(course.Start.AddDays((7 * c) + 14))))
                    : Meta(("display_name", $"{c + 1}.{s + 1} Lecture"), ("format", "Lecture Sequence")));
                Child(chapter, sequentialKey);
                for (int v = 0; v < 4 && vertical < verticals; v++, vertical++)
                {
                    string verticalKey = course.BlockKey("vertical", SynthCourse.Hex32(ref r));
                    // Now and then a unit without a display_name: it still counts in the section path.
                    var unit = Add("vertical", verticalKey, vertical % 37 == 5 ? Meta() : Meta(("display_name", $"Unit {v + 1}")));
                    Child(sequential, verticalKey);
                    if (r.Chance(50))
                    {
                        string htmlKey = course.BlockKey("html", SynthCourse.Hex32(ref r));
                        Add("html", htmlKey, Meta(("display_name", "Reading")));
                        Child(unit, htmlKey);
                    }

                    int here = vertical == verticals - 1 ? videosLeft : Math.Min(videosLeft, Math.Max(0, (Videos * (vertical + 1) / verticals) - (Videos * vertical / verticals)));
                    for (int k = 0; k < here; k++, videoNumber++)
                    {
                        string name = SynthCourse.Hex32(ref r);
                        string videoKey = course.BlockKey("video", name);
                        Add("video", videoKey, VideoMetadata(ref r, videoNumber, c, s, old));
                        Child(unit, videoKey);
                    }

                    videosLeft -= here;
                    string problemKey = course.BlockKey("problem", SynthCourse.Hex32(ref r));
                    Add("problem", problemKey, Meta(("display_name", "Check your understanding"), ("weight", null), ("max_attempts", 2L), ("markdown", "What is $\\bar{x}$?\n[x] the mean\n[ ] the median")));
                    Child(unit, problemKey);
                    if (v == 3)
                    {
                        string discussionKey = course.BlockKey("discussion", SynthCourse.Hex32(ref r));
                        Add("discussion", discussionKey, Meta(("discussion_category", $"Week {c + 1}"), ("discussion_id", SynthCourse.Hex32(ref r)[..20]), ("discussion_target", "Questions")));
                        Child(unit, discussionKey);
                    }
                }
            }
        }

        return blocks;
    }

    private static SortedDictionary<string, object?> VideoMetadata(ref SynthRandom r, int number, int chapter, int sequential, bool old)
    {
        var m = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        if (number % 50 != 7)
        {
            m["display_name"] = number % 13 == 3 ? $"Vidéo {chapter + 1}.{sequential + 1}: «Exemple» 例子" : $"Video {chapter + 1}.{sequential + 1}.{number}";
        }

        int source = r.Below(10);
        if (source < 5)
        {
            var list = new List<object?> { string.Create(CultureInfo.InvariantCulture, $"https://video.example.org/stat201x/v{number:D4}.mp4") };
            if (r.Chance(30))
            {
                list.Add(string.Create(CultureInfo.InvariantCulture, $"https://video.example.org/stat201x/v{number:D4}.webm"));
            }

            m["html5_sources"] = list;
        }
        else if (source == 5)
        {
            m["html5_sources"] = new List<object?>();
        }

        if (old || r.Chance(40))
        {
            m["youtube_id_1_0"] = r.Chance(80) ? YouTubeId(ref r) : "";
        }

        if (!old)
        {
            m["edx_video_id"] = "synth-" + number.ToString("D5", CultureInfo.InvariantCulture);
        }

        if (r.Chance(20))
        {
            m["start_time"] = "00:00:10";
            m["end_time"] = "00:" + r.Between(3, 15).ToString("D2", CultureInfo.InvariantCulture) + ":00";
        }

        if (r.Chance(30))
        {
            m["transcripts"] = new SortedDictionary<string, object?>(StringComparer.Ordinal) { ["en"] = $"v{number}-en.srt", ["zh"] = $"v{number}-zh.srt" };
        }

        m["download_video"] = r.Chance(50);
        return m;
    }

    private static string YouTubeId(ref SynthRandom r)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        Span<char> id = stackalloc char[11];
        for (int i = 0; i < id.Length; i++)
        {
            id[i] = Alphabet[r.Below(Alphabet.Length)];
        }

        return new string(id);
    }

    private static void WriteValue(SynthTextWriter w, object? value, int depth)
    {
        string indent = new(' ', 2 * (depth + 1));
        string closing = new(' ', 2 * depth);
        switch (value)
        {
            case null:
                w.Raw("null");
                break;
            case string s:
                w.JsonString(s, asciiOnly: true);
                break;
            case bool b:
                w.Raw(b ? "true" : "false");
                break;
            case long n:
                w.Int(n);
                break;
            case List<object?> list when list.Count == 0:
                w.Raw("[]");
                break;
            case List<object?> list:
                w.Raw("[");
                for (int i = 0; i < list.Count; i++)
                {
                    w.Raw(i == 0 ? "\n" : ", \n");
                    w.Raw(indent);
                    WriteValue(w, list[i], depth + 1);
                }

                w.Raw("\n" + closing + "]");
                break;
            case SortedDictionary<string, object?> map when map.Count == 0:
                w.Raw("{}");
                break;
            case SortedDictionary<string, object?> map:
                w.Raw("{");
                bool first = true;
                foreach (var (name, item) in map)
                {
                    w.Raw(first ? "\n" : ", \n");
                    first = false;
                    w.Raw(indent);
                    w.JsonString(name, asciiOnly: true);
                    w.Raw(": ");
                    WriteValue(w, item, depth + 1);
                }

                w.Raw("\n" + closing + "}");
                break;
            default:
                throw new InvalidOperationException("unsupported JSON value " + value.GetType());
        }
    }
}
