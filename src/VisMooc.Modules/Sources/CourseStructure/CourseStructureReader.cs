using System.Buffers;
using System.Text.Json;
using System.Text;
using VisMooc.Modules.IO;
using VisMooc.Modules.Sources.JsonLines;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.Sources.CourseStructure;

/// <summary>
/// Reads a <c>course_structure</c> JSON file into its blocks, streaming it through
/// <see cref="Utf8JsonReader"/> with a refilled buffer: memory grows with the number of blocks and
/// the metadata kept, not with the file (large problem <c>markdown</c> values are never kept).
/// </summary>
public static class CourseStructureReader
{
    // The first bytes that tell UTF-16 text or compressed data (a fixed count, so that the answer
    // never depends on how the bytes arrived).
    private const int Sniffed = 16;

    /// <summary>Reads the blocks of <paramref name="stream"/>, keeping the named metadata fields
    /// (a name ending in <c>[0]</c> keeps the first element of a list).</summary>
    /// <remarks>An empty or blank file gives no blocks; a byte order mark is skipped.</remarks>
    /// <exception cref="InvalidDataException">The file is not a course_structure JSON object, or holds invalid UTF-8; the message names line and column or byte offset.</exception>
    public static List<CourseBlock> Read(Stream stream, ISet<string> metadataFields)
    {
        var parser = new Parser(metadataFields);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            int length = 0;
            bool final = false;
            var state = new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            long lineBase = 0;
            long bufferOffset = 0;
            long lineStart = 0; // file offset of the first byte of the line the buffer starts in
            bool skipBom = true;
            while (true)
            {
                if (!final)
                {
                    int n = stream.Read(buffer, length, buffer.Length - length);
                    final = n == 0;
                    length += n;
                }

                if (skipBom && length < Sniffed && !final)
                {
                    continue; // not enough bytes yet to tell whether the file starts with a byte order mark or a signature
                }

                if (skipBom)
                {
                    // UTF-16 text or compressed data under a plain name: say so, rather than "invalid JSON".
                    if (TextShape.Encoding(buffer.AsSpan(0, Math.Min(length, Sniffed))) is string problem)
                    {
                        throw new InvalidDataException("line 1, column 1: " + problem);
                    }

                    // Utf8JsonReader refuses a byte order mark; a file saved by an editor may start with one.
                    skipBom = false;
                    if (buffer.AsSpan(0, length).StartsWith("\uFEFF"u8))
                    {
                        Buffer.BlockCopy(buffer, 3, buffer, 0, length - 3);
                        length -= 3;
                        bufferOffset = 3;
                        lineStart = 3;
                    }
                }

                if (final && !parser.SawRoot && buffer.AsSpan(0, length).Trim(" \t\r\n"u8).IsEmpty)
                {
                    // An empty (or blank) file names no blocks, like a course without a structure.
                    return [];
                }

                var reader = new Utf8JsonReader(buffer.AsSpan(0, length), final, state);
                try
                {
                    while (reader.Read())
                    {
                        parser.Handle(ref reader);
                    }
                }
                catch (JsonException e)
                {
                    // The reader state carries the line count across buffer refills: LineNumber is already of the whole file.
                    throw new InvalidDataException($"line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}: invalid JSON: {JsonErrorText.FirstSentence(e.Message)}", e);
                }
                catch (InvalidOperationException e)
                {
                    // Utf8JsonReader checks UTF-8 only when a string is read out; exported files are pure ASCII.
                    long at = bufferOffset + reader.TokenStartIndex;
                    var before = buffer.AsSpan(0, (int)reader.TokenStartIndex);
                    long line = lineBase + before.Count((byte)'\n') + 1;
                    int lastLf = before.LastIndexOf((byte)'\n');
                    long column = at - (lastLf >= 0 ? bufferOffset + lastLf + 1 : lineStart) + 1;
                    throw new InvalidDataException($"line {line}, column {column}: invalid UTF-8 in the string at byte offset {at}", e);
                }

                if (final)
                {
                    break;
                }

                int consumed = (int)reader.BytesConsumed;
                lineBase += buffer.AsSpan(0, consumed).Count((byte)'\n');
                int lastLineEnd = buffer.AsSpan(0, consumed).LastIndexOf((byte)'\n');
                if (lastLineEnd >= 0)
                {
                    lineStart = bufferOffset + lastLineEnd + 1;
                }

                bufferOffset += consumed;
                state = reader.CurrentState;
                Buffer.BlockCopy(buffer, consumed, buffer, 0, length - consumed);
                length -= consumed;
                if (length == buffer.Length)
                {
                    // One token is longer than the buffer: grow it (doubling past 1 GiB would overflow int).
                    if (buffer.Length >= Array.MaxLength)
                    {
                        throw new InvalidDataException($"line {lineBase + 1}: a JSON token is longer than {Array.MaxLength} bytes");
                    }

                    byte[] bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, Array.MaxLength));
                    Buffer.BlockCopy(buffer, 0, bigger, 0, length);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (!parser.SawRoot)
        {
            throw new InvalidDataException("line 1, column 1: the file is not a JSON object of blocks");
        }

        return parser.Blocks;
    }

    private sealed class Parser(ISet<string> metadataFields)
    {
        private CourseBlock? _block;
        private string _member = "";
        private string _metaName = "";
        private bool _metaListFirstPending;

        public List<CourseBlock> Blocks { get; } = [];

        public bool SawRoot { get; private set; }

        public void Handle(ref Utf8JsonReader r)
        {
            int depth = r.CurrentDepth;
            switch (depth)
            {
                case 0:
                    if (r.TokenType == JsonTokenType.StartObject)
                    {
                        SawRoot = true;
                    }
                    else if (r.TokenType != JsonTokenType.EndObject)
                    {
                        throw new JsonException("the file is not a JSON object of blocks");
                    }

                    break;
                case 1:
                    if (r.TokenType == JsonTokenType.PropertyName)
                    {
                        _block = new CourseBlock(r.GetString()!);
                        Blocks.Add(_block);
                    }

                    _member = "";
                    break;
                case 2:
                    if (r.TokenType == JsonTokenType.PropertyName)
                    {
                        _member = r.GetString()!;
                    }
                    else if (_member == "category" && r.TokenType == JsonTokenType.String && _block is not null)
                    {
                        _block.Category = r.GetString()!;
                    }

                    break;
                case 3:
                    if (_block is null)
                    {
                        break;
                    }

                    if (_member == "children" && r.TokenType == JsonTokenType.String)
                    {
                        _block.Children.Add(r.GetString()!);
                    }
                    else if (_member == "metadata")
                    {
                        if (r.TokenType == JsonTokenType.PropertyName)
                        {
                            _metaName = r.GetString()!;
                            _metaListFirstPending = false;
                        }
                        else if (r.TokenType == JsonTokenType.StartArray)
                        {
                            _metaListFirstPending = metadataFields.Contains(_metaName + "[0]");
                        }
                        else if (IsScalar(r.TokenType) && metadataFields.Contains(_metaName))
                        {
                            Keep(ref r, _metaName);
                        }
                    }

                    break;
                case 4:
                    if (_block is not null && _member == "metadata" && _metaListFirstPending)
                    {
                        _metaListFirstPending = false;
                        if (IsScalar(r.TokenType))
                        {
                            Keep(ref r, _metaName + "[0]");
                        }
                    }

                    break;
            }
        }

        private static bool IsScalar(JsonTokenType t) =>
            t is JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null;

        private void Keep(ref Utf8JsonReader r, string name)
        {
            var (bytes, kind) = r.TokenType switch
            {
                JsonTokenType.String => (Encoding.UTF8.GetBytes(r.GetString()!), FieldKind.String),
                JsonTokenType.Number => (r.ValueSpan.ToArray(), FieldKind.Number),
                JsonTokenType.Null => ([], FieldKind.Null),
                _ => (r.ValueSpan.ToArray(), FieldKind.Json),
            };
            if (kind != FieldKind.Null)
            {
                _block!.Metadata[name] = (bytes, kind);
            }
        }
    }
}
