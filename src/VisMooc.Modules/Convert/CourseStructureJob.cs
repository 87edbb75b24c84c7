using VisMooc.Modules.Input;
using VisMooc.Modules.Schema;

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
                // Not chunked: a cancelled run stops between course trees (each is one small document).
                run.Options.Cancellation.ThrowIfCancellationRequested();
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
                            Emit(writer, source, tree.Root, tree.Root, [], name);
                        }
                    }
                    else
                    {
                        foreach (var (video, section) in tree.Videos)
                        {
                            Emit(writer, source, video, tree.Root, section, name);
                        }
                    }

                    output.Append(writer.Take());
                }
            }
        }
    }

    private static void Emit(TableChunkWriter writer, CourseRowSource source, CourseBlock block, CourseBlock? root, byte[] section, string file)
    {
        writer.CountRead();
        writer.At(file, 0, "block " + block.Key);
        source.Set(block, root, section);
        if (writer.Write(source) is string reason)
        {
            writer.Reject(reason, System.Text.Encoding.UTF8.GetBytes(block.Key));
        }
    }
}
