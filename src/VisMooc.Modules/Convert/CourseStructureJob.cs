using VisMooc.Modules.Input;
using VisMooc.Modules.Schema;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.Convert;

/// <summary>Tables fed from <c>course_structure</c> JSON: the course root (courses) and the videos (videos, course_video).</summary>
public sealed class CourseStructureJob(IReadOnlyList<TableOutput> outputs) : IConvertJob
{
    /// <inheritdoc/>
    public IReadOnlyList<TableOutput> Outputs { get; } = outputs;

    /// <inheritdoc/>
    public IReadOnlyList<EdxFileKind> InputKinds { get; } = [EdxFileKind.CourseStructure];

    /// <inheritdoc/>
    public bool Chunked => false;

    /// <inheritdoc/>
    public void Run(IReadOnlyList<CourseInput> courses, ConvertRun run)
    {
        var metadata = new HashSet<string>(Outputs.SelectMany(o => CourseRowSource.MetadataNames(o.Table.Info)), StringComparer.Ordinal) { "display_name" };
        foreach (var course in courses)
        {
            var stats = Outputs.Select(o => run.BeginCourse(o, course.Name)).ToList();

            var files = course.FilesOf(EdxFileKind.CourseStructure);
            if (files.Count == 0)
            {
                run.MissingFile(course, EdxFileKind.CourseStructure, stats);
                continue;
            }

            foreach (var path in files)
            {
                string name = Path.GetFileName(path);
                stats.ForEach(s => s.Files.Add(name));
                List<CourseBlock> blocks;
                using (var stream = InputDiscovery.Open(path, Outputs[0].InputRead))
                {
                    try
                    {
                        blocks = CourseStructureReader.Read(stream, metadata);
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
                    if (output.Table.Info.Source == EdxSource.CourseStructureRoot)
                    {
                        if (tree.Root is null)
                        {
                            writer.At(name, 0, "course tree");
                            writer.Warn("", "no block has category 'course'; no course row written");
                        }
                        else
                        {
                            Emit(writer, source, tree.Root, tree.Root, [], name, null);
                        }
                    }
                    else
                    {
                        foreach (var (video, section) in tree.Videos)
                        {
                            Emit(writer, source, video, tree.Root, section, name, refused);
                        }
                    }

                    output.Append(writer.Take());
                }
            }
        }
    }

    /// <summary>
    /// The videos that a table fed by every video cannot hold (a name longer than its column), with
    /// the first reason: they are rejected from all those tables alike, as <c>course_video</c> has
    /// one row per <c>videos</c> row.
    /// </summary>
    private Dictionary<string, string>? RefusedVideos(CourseTree tree, string file)
    {
        Dictionary<string, string>? refused = null;
        var checks = Outputs.Where(o => o.Table.Info.Source == EdxSource.CourseStructureVideos)
            .Select(o => (Source: new CourseRowSource(o.Table.Info, file), Writer: o.NewWriter())).ToList();
        foreach (var (video, section) in tree.Videos)
        {
            foreach (var (source, writer) in checks)
            {
                source.Set(video, tree.Root, section);
                if (writer.Check(source, ulong.MaxValue) is string reason)
                {
                    (refused ??= new(StringComparer.Ordinal))[video.Key] = reason;
                    break;
                }
            }
        }

        return refused;
    }

    private static void Emit(TableChunkWriter writer, CourseRowSource source, CourseBlock block, CourseBlock? root, byte[] section, string file, Dictionary<string, string>? refused)
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

        source.Set(block, root, section);
        if (writer.Write(source) is string reason)
        {
            writer.Reject(reason, SafeText.IsBlockKey(key) ? key : "***"u8);
        }
    }
}
