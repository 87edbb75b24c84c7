using VisMooc.Modules.Input;
using VisMooc.Modules.Values;

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
                    long offset = lines.LineOffset;
                    if (lines.LineNumber == 1 && line.StartsWith("\uFEFF"u8))
                    {
                        line = line[3..]; // a byte order mark is not part of the first document
                        offset += 3;
                    }

                    if (line.Trim(" \t\r"u8).IsEmpty)
                    {
                        continue; // blank lines are not documents
                    }

                    // Invalid UTF-8 becomes U+FFFD (with a warning) so the post is kept; the rejects file keeps the raw bytes.
                    int invalid = Utf8Text.FirstInvalid(line);
                    ReadOnlySpan<byte> document = invalid < 0 ? line : Utf8Text.Repair(line);
                    for (int i = 0; i < Outputs.Count; i++)
                    {
                        var output = Outputs[i];
                        output.Stats.Read++;
                        output.At(name, lines.LineNumber);
                        if (invalid >= 0)
                        {
                            output.WarnInvalidUtf8(offset + invalid);
                        }

                        if (!parsers[i].TryParse(document, out string? error))
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
