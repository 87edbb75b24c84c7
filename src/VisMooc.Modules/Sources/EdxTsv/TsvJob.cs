using VisMooc.Modules.Discovery;
using VisMooc.Modules.IO;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Schema;
using VisMooc.Modules.Staging;

namespace VisMooc.Modules.Sources.EdxTsv;

/// <summary>Tables fed row by row from one edX TSV file kind (enrollments, grades, and added tables); files are read in chunks converted side by side.</summary>
public sealed class TsvJob(InputDescriptor kind, IReadOnlyList<TableOutput> outputs) : IConvertJob
{
    /// <inheritdoc/>
    public IReadOnlyList<TableOutput> Outputs { get; } = outputs;

    /// <inheritdoc/>
    public IReadOnlyList<InputDescriptor> InputKinds { get; } = [kind];

    /// <inheritdoc/>
    public bool Chunked => true;

    /// <inheritdoc/>
    public void Run(IReadOnlyList<CourseInput> courses, ConvertRun run)
    {
        foreach (var course in courses)
        {
            var stats = Outputs.Select(o => run.BeginCourse(o, course.Name)).ToList();

            var files = course.FilesOf(kind);
            if (files.Count == 0)
            {
                run.MissingFile(course, kind, stats);
                continue;
            }

            foreach (var path in files)
            {
                string name = Path.GetFileName(path);
                using var reader = InputDiscovery.OpenTsv(path, Outputs[0].InputRead);
                for (int i = 0; i < Outputs.Count; i++)
                {
                    stats[i].Files.Add(name);
                }

                if (TsvRowSource.IsEmptyFile(reader))
                {
                    continue;
                }

                // Bound once here, so that a missing column fails before any chunk is read.
                foreach (var output in Outputs)
                {
                    TsvRowSource.Bind(reader, output.Table.Info);
                }

                run.Workers.Run(
                    reader.Chunks(run.Options.ChunkBytes),
                    () =>
                    {
                        var chunkReader = new EdxTsvReader(reader);
                        return (Reader: chunkReader, Sources: Outputs.Select(o => TsvRowSource.Bind(chunkReader, o.Table.Info)).ToArray(), Writers: Outputs.Select(o => o.NewWriter()).ToArray());
                    },
                    (context, chunk) => Convert(context.Reader, context.Sources, context.Writers, chunk),
                    chunks =>
                    {
                        for (int i = 0; i < Outputs.Count; i++)
                        {
                            Outputs[i].Append(chunks[i]);
                        }
                    });
            }
        }
    }

    private static TableChunk[] Convert(EdxTsvReader reader, TsvRowSource[] sources, TableChunkWriter[] writers, LfChunk chunk)
    {
        reader.Load(chunk);
        while (reader.Read())
        {
            for (int i = 0; i < writers.Length; i++)
            {
                var writer = writers[i];
                writer.CountRead();
                if (writer.Admit(reader))
                {
                    writer.WriteOrReject(sources[i], reader);
                }
            }
        }

        return writers.Select(w => w.Take()).ToArray();
    }
}
