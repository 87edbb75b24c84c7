using VisMooc.Modules.Discovery;
using VisMooc.Modules.IO;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Schema;
using VisMooc.Modules.Staging;

namespace VisMooc.Modules.Sources.EdxTsv;

/// <summary>Tables fed row by row from one edX TSV file kind (enrollments, grades, and added tables); files are read in chunks converted side by side.</summary>
public sealed class TsvJob(InputDescriptor kind, IReadOnlyList<TableOutput> outputs) : CourseFilesJob(kind, outputs)
{
    /// <inheritdoc/>
    protected override void ConvertFile(CourseInput course, string path, string name, ConvertRun run)
    {
        using var reader = InputDiscovery.OpenTsv(path, Outputs[0].InputRead);
        if (TsvRowSource.IsEmptyFile(reader))
        {
            return;
        }

        // Bound once here, so that a missing column fails before any chunk is read.
        foreach (var output in Outputs)
        {
            TsvRowSource.Bind(reader, output.Table.Info);
        }

        ConvertChunks(
            run,
            reader.Chunks(run.Options.ChunkBytes),
            () =>
            {
                var chunkReader = new EdxTsvReader(reader);
                return (Reader: chunkReader, Sources: Outputs.Select(o => TsvRowSource.Bind(chunkReader, o.Table.Info)).ToArray(), Writers: Outputs.Select(o => o.NewWriter()).ToArray());
            },
            (context, chunk) => Convert(context.Reader, context.Sources, context.Writers, chunk));
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
