using System.Globalization;
using VisMooc.Modules.Discovery;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Schema;
using VisMooc.Modules.Staging;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.Sources.CourseStructure;

/// <summary>Tables fed from a course-tree input (<c>course_structure</c> JSON): the course root (courses) and the videos (videos, course_video).</summary>
public sealed class CourseStructureJob(InputDescriptor input, IReadOnlyList<TableOutput> outputs) : CourseFilesJob(input, outputs)
{
    // Rows are handed to the table about this often, so the rows of a deep tree are never all held at once.
    private const long FlushBytes = 1 << 20;

    // How many keys a warning about the tree quotes.
    private const int Examples = 5;

    private readonly HashSet<string> _metadata = MetadataOf(outputs);

    /// <inheritdoc/>
    public override bool Chunked => false;

    // The metadata the tables read, and display_name.
    private static HashSet<string> MetadataOf(IReadOnlyList<TableOutput> outputs)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { "display_name" };
        foreach (var o in outputs)
        {
            names.UnionWith(CourseRowSource.MetadataNames(o.Table.Info));
        }

        return names;
    }

    /// <inheritdoc/>
    protected override void ConvertFile(CourseInput course, string path, string name, ConvertRun run)
    {
        // Not chunked: a cancelled run stops between course trees (each is one small document).
        run.Options.Cancellation.ThrowIfCancellationRequested();
        List<CourseBlock> blocks;
        using (var stream = InputDiscovery.Open(path, Outputs[0].InputRead))
        {
            try
            {
                blocks = CourseStructureReader.Read(stream, _metadata);
            }
            catch (InvalidDataException e)
            {
                throw new ConvertException(name, e.Message);
            }
        }

        var tree = CourseTree.Build(blocks);
        if (tree.Root is not null)
        {
            byte[] key = System.Text.Encoding.UTF8.GetBytes(tree.Root.Key);
            byte[] id = new byte[key.Length + 16];
            run.PackageCourseIds.TryAdd(course.Name, System.Text.Encoding.UTF8.GetString(id, 0, Values.CourseKey.CourseId(key, id)));
        }

        // A course tree is one small JSON document: its rows are converted on this thread, as one chunk.
        var refused = RefusedVideos(tree, name);
        foreach (var output in Outputs)
        {
            var source = new CourseRowSource(output.Table.Info, name);
            var writer = output.NewWriter();
            if (output.Table.Info.Records == InputRecords.CourseRoot)
            {
                if (tree.Root is null)
                {
                    writer.At(name, 0, "course tree");
                    writer.Warn("", "no block has category 'course'; no course row written");
                }
                else
                {
                    Emit(writer, source, tree.Root, tree.Root, [], 0, name, null);
                }
            }
            else
            {
                // Said once, by the table whose rows show the section paths.
                if (output.Table.Info.SourceFields.Contains("section"))
                {
                    WarnAboutTheTree(writer, tree, name);
                }

                // Sections are built one at a time, and rows handed on every MiB: a deep
                // tree's paths, each as long as the depth, are never all in memory at once.
                byte[] section = new byte[256];
                long pending = 0;
                foreach (var (video, node) in tree.Videos)
                {
                    int length = tree.Section(node, ref section);
                    Emit(writer, source, video, tree.Root, section, length, name, refused);
                    pending += length + 256;
                    if (pending > FlushBytes)
                    {
                        output.Append(writer.Take());
                        pending = 0;
                    }
                }
            }

            output.Append(writer.Take());
        }
    }

    /// <summary>
    /// A tree whose videos cannot be reached from its root, or whose <c>children</c> name blocks
    /// that are not in the file, gives rows with empty or shorter sections: say so, with counts and
    /// the first keys, instead of leaving it silent.
    /// </summary>
    private static void WarnAboutTheTree(TableChunkWriter writer, CourseTree tree, string file)
    {
        writer.At(file, 0, "course tree");
        if (tree.Root is not null && tree.UnreachableVideos > 0)
        {
            var keys = tree.Videos.Where(v => v.Node < 0).Take(Examples).Select(v => Shown(v.Video.Key));
            writer.Warn("", string.Create(CultureInfo.InvariantCulture,
                $"{tree.UnreachableVideos} video(s) cannot be reached from the course root through children, so their section is empty: {string.Join(", ", keys)}{(tree.UnreachableVideos > Examples ? ", …" : "")}"));
        }

        if (tree.MissingChildren > 0)
        {
            writer.Warn("", string.Create(CultureInfo.InvariantCulture,
                $"{tree.MissingChildren} children entries name blocks that are not in the file (skipped; their siblings keep their index): {string.Join(", ", tree.MissingChildExamples.Select(Shown))}{(tree.MissingChildren > tree.MissingChildExamples.Count ? ", …" : "")}"));
        }
    }

    // Block keys are quoted only in their expected shape: a crafted key could hold anything.
    private static string Shown(string key)
    {
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(key);
        return SafeText.IsBlockKey(bytes) ? key : SafeText.Quote(bytes, harmless: false);
    }

    /// <summary>
    /// The videos that a table fed by every video cannot hold (a name longer than its column), with
    /// the first reason: they are rejected from all those tables alike, as <c>course_video</c> has
    /// one row per <c>videos</c> row.
    /// </summary>
    private Dictionary<string, string>? RefusedVideos(CourseTree tree, string file)
    {
        Dictionary<string, string>? refused = null;
        var sources = new List<CourseRowSource>();
        var writers = new List<TableChunkWriter>();
        foreach (var o in Outputs)
        {
            if (o.Table.Info.Records == InputRecords.Videos)
            {
                sources.Add(new CourseRowSource(o.Table.Info, file));
                writers.Add(o.NewWriter());
            }
        }
        byte[] section = new byte[256];
        foreach (var (video, node) in tree.Videos)
        {
            int length = tree.Section(node, ref section);
            for (int t = 0; t < sources.Count; t++)
            {
                sources[t].Set(video, tree.Root, section, length);
                if (writers[t].Check(sources[t], ulong.MaxValue) is string reason)
                {
                    (refused ??= new(StringComparer.Ordinal))[video.Key] = reason;
                    break;
                }
            }
        }

        return refused;
    }

    private static void Emit(TableChunkWriter writer, CourseRowSource source, CourseBlock block, CourseBlock? root, byte[] section, int sectionLength, string file, Dictionary<string, string>? refused)
    {
        writer.CountRead();
        byte[] key = System.Text.Encoding.UTF8.GetBytes(block.Key);
        // Block keys are quoted only in their expected shape: a crafted key could hold anything.
        writer.At(file, 0, "block " + (SafeText.IsBlockKey(key) ? block.Key : SafeText.Quote(key, harmless: false)));
        if (refused is not null && refused.TryGetValue(block.Key, out string? refusal))
        {
            writer.Reject(refusal, SafeText.IsBlockKey(key) ? key : "***"u8);
            return;
        }

        source.Set(block, root, section, sectionLength);
        if (writer.Write(source) is string reason)
        {
            writer.Reject(reason, SafeText.IsBlockKey(key) ? key : "***"u8);
        }
    }
}
