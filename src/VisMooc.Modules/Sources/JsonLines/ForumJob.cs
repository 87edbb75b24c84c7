using VisMooc.Modules.Discovery;
using VisMooc.Modules.IO;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Privacy;
using VisMooc.Modules.Schema;
using VisMooc.Modules.Staging;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.Sources.JsonLines;

/// <summary>Tables fed from a JSON-lines input (the forum <c>.mongo</c> dump), one JSON document per line; files are read in chunks converted side by side.</summary>
public sealed class ForumJob(InputDescriptor input, IReadOnlyList<TableOutput> outputs) : CourseFilesJob(input, outputs)
{
    /// <inheritdoc/>
    protected override void ConvertFile(CourseInput course, string path, string name, ConvertRun run)
    {
        using var stream = InputDiscovery.Open(path, Outputs[0].InputRead);
        byte[] start = ReadStart(stream, path);
        var chunks = new LfChunkReader(stream, start, 0, 1, run.Options.ChunkBytes, line => $"{name} line {line} is longer than {Array.MaxLength} bytes; the file is not JSON lines");
        ConvertChunks(
            run,
            chunks,
            () => (Parsers: Outputs.Select(o => new ForumDocumentParser(o.Table.Info.SourceFields)).ToArray(), Writers: Outputs.Select(o => o.NewWriter()).ToArray()),
            (context, chunk) => Convert(context.Parsers, context.Writers, chunk, name));
    }

    /// <summary>
    /// The file's first bytes (up to 64 KiB), checked for the shapes that would turn every line into
    /// a reject: UTF-16 text, CR-only line ends (one line then holds the whole file), compressed or
    /// encrypted data. Those are an error naming the file, not a table of rejects.
    /// </summary>
    private static byte[] ReadStart(Stream stream, string path)
    {
        byte[] start = new byte[1 << 16];
        int length = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        var bytes = start.AsSpan(0, length);
        var text = bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
        int lf = text.IndexOf((byte)'\n');
        if ((TextShape.Encoding(text) ?? TextShape.LineSeparators(lf < 0 ? text : text[..lf], unicode: false)) is string problem)
        {
            throw new ConvertException(Path.GetFileName(path), problem);
        }

        return bytes.ToArray();
    }

    private static TableChunk[] Convert(ForumDocumentParser[] parsers, TableChunkWriter[] writers, LfChunk chunk, string name)
    {
        var lines = chunk.Lines;
        while (lines.MoveNext())
        {
            var line = lines.Current;
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
            for (int i = 0; i < writers.Length; i++)
            {
                var writer = writers[i];
                writer.CountRead();
                writer.At(name, lines.LineNumber);
                if (invalid >= 0)
                {
                    writer.WarnInvalidUtf8(offset + invalid);
                }

                if (!parsers[i].TryParse(document, out string? error))
                {
                    writer.Reject(error!, RawMasker.MaskJson(line));
                }
                else if (writer.Write(parsers[i].Fields) is string reason)
                {
                    writer.Reject(reason, RawMasker.MaskJson(line));
                }
            }
        }

        return writers.Select(w => w.Take()).ToArray();
    }
}
