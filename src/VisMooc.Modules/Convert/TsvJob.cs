using VisMooc.Modules.Input;

namespace VisMooc.Modules.Convert;

/// <summary>Tables fed row by row from one edX TSV file kind (enrollments, grades, and added tables).</summary>
public sealed class TsvJob(EdxFileKind kind, IReadOnlyList<TableOutput> outputs) : IConvertJob
{
    /// <inheritdoc/>
    public IReadOnlyList<TableOutput> Outputs { get; } = outputs;

    /// <inheritdoc/>
    public IReadOnlyList<EdxFileKind> InputKinds { get; } = [kind];

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
                using var reader = new EdxTsvReader(InputDiscovery.Open(path, Outputs[0].InputRead), name);
                for (int i = 0; i < Outputs.Count; i++)
                {
                    stats[i].Files.Add(name);
                }

                if (TsvRowSource.IsEmptyFile(reader))
                {
                    continue;
                }

                var sources = Outputs.Select(o => TsvRowSource.Bind(reader, o.Table.Info)).ToList();

                while (reader.Read())
                {
                    for (int i = 0; i < Outputs.Count; i++)
                    {
                        var output = Outputs[i];
                        output.Stats.Read++;
                        output.At(name, reader.LineNumber);
                        if (!reader.IsValid)
                        {
                            output.Reject(reader.RejectReason!, Raw(reader));
                            continue;
                        }

                        TsvRowSource.WarnAboutDecoding(reader, output);

                        if (output.Write(sources[i]) is string reason)
                        {
                            output.Reject(reason, Raw(reader));
                        }
                    }
                }
            }
        }
    }

    // Personal columns (usernames, emails, names: certificates carry the learner's name too) never reach a rejects file.
    private static ReadOnlySpan<byte> Raw(EdxTsvReader reader) => RawMasker.Mask(reader.RawRecord, reader.Header);
}
