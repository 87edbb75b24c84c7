using VisMooc.Modules.Input;

namespace VisMooc.Modules.Convert;

/// <summary>Tables fed from the forum <c>.mongo</c> dump, one JSON document per line.</summary>
public sealed class ForumJob(IReadOnlyList<TableOutput> outputs) : IConvertJob
{
    /// <inheritdoc/>
    public IReadOnlyList<TableOutput> Outputs { get; } = outputs;

    /// <inheritdoc/>
    public IReadOnlyList<EdxFileKind> InputKinds { get; } = [EdxFileKind.Forum];

    /// <inheritdoc/>
    public void Run(IReadOnlyList<CourseInput> courses, ConvertRun run)
    {
        var parsers = Outputs.Select(o => new ForumDocumentParser(o.Table.Info.SourceFields)).ToList();
        foreach (var course in courses)
        {
            var stats = Outputs.Select(o => run.BeginCourse(o, course.Name)).ToList();

            var files = course.FilesOf(EdxFileKind.Forum);
            if (files.Count == 0)
            {
                run.MissingFile(course, EdxFileKind.Forum, stats);
                continue;
            }

            foreach (var path in files)
            {
                string name = Path.GetFileName(path);
                stats.ForEach(s => s.Files.Add(name));
                using var lines = new LfLineReader(InputDiscovery.Open(path, Outputs[0].InputRead));
                while (lines.TryReadLine(out var line))
                {
                    if (line.Trim(" \t\r"u8).IsEmpty)
                    {
                        continue; // blank lines are not documents
                    }

                    for (int i = 0; i < Outputs.Count; i++)
                    {
                        var output = Outputs[i];
                        output.Stats.Read++;
                        output.At(name, lines.LineNumber);
                        if (!parsers[i].TryParse(line, out string? error))
                        {
                            output.Reject(error!, RawMasker.MaskJson(line));
                        }
                        else if (output.Write(parsers[i].Fields) is string reason)
                        {
                            output.Reject(reason, RawMasker.MaskJson(line));
                        }
                    }
                }
            }
        }
    }
}
