using System.Text;
using System.Text.Json;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.Sources.JsonLines;

/// <summary>
/// Picks the requested fields (dotted paths such as <c>_id.$oid</c>) out of one forum document
/// with <see cref="Utf8JsonReader"/>, strict RFC 8259. Strings are unescaped; other scalars keep
/// their JSON text; <c>{"$numberLong": "…"}</c> wrappers give their digits as a number.
/// </summary>
public sealed class ForumDocumentParser
{
    private readonly byte[][][] _paths;
    private readonly int[] _all;

    /// <summary>Creates a parser for the given field paths; slot k of <see cref="Fields"/> is path k.</summary>
    public ForumDocumentParser(IReadOnlyList<string> paths)
    {
        _paths = paths.Select(p => p.Split('.').Select(Encoding.UTF8.GetBytes).ToArray()).ToArray();
        _all = new int[paths.Count];
        for (int i = 0; i < _all.Length; i++)
        {
            _all[i] = i;
        }

        Fields = new CapturedFields(paths.Count);
    }

    /// <summary>The fields of the last parsed document.</summary>
    public CapturedFields Fields { get; }

    /// <summary>Parses one line; false with a reason (naming the column) when it is not a JSON object.</summary>
    public bool TryParse(ReadOnlySpan<byte> line, out string? error)
    {
        Fields.Clear();
        error = null;
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false, MaxDepth = 256 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = "invalid JSON at column 1: the line is not a JSON object";
                return false;
            }

            ReadObject(ref reader, line, 0, _all);
            if (reader.Read())
            {
                error = $"invalid JSON at column {reader.TokenStartIndex + 1}: text after the end of the document";
                return false;
            }

            return true;
        }
        catch (JsonException e)
        {
            error = "invalid JSON at column " + ((e.BytePositionInLine ?? 0) + 1) + ": " + JsonErrorText.FirstSentence(e.Message);
            return false;
        }
        catch (InvalidOperationException e)
        {
            // Utf8JsonReader checks strings only when it decodes them. The forum job has already
            // repaired invalid UTF-8, so what is left is an escaped lone surrogate (\ud800): not JSON text.
            error = "invalid JSON at column " + (reader.TokenStartIndex + 1) + ": " + e.Message.TrimEnd('.');
            return false;
        }
    }

    private void ReadObject(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, int depth, int[] candidates)
    {
        Span<int> matched = stackalloc int[candidates.Length];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            int count = 0;
            foreach (int c in candidates)
            {
                if (_paths[c].Length > depth && !Fields.IsSet(c) && reader.ValueTextEquals(_paths[c][depth]))
                {
                    matched[count++] = c;
                }
            }

            reader.Read();
            if (count == 0)
            {
                reader.Skip();
                continue;
            }

            int? leaf = null;
            int deeper = 0;
            for (int i = 0; i < count; i++)
            {
                if (_paths[matched[i]].Length == depth + 1)
                {
                    leaf = matched[i];
                }
                else
                {
                    deeper++;
                }
            }

            if (leaf is int slot)
            {
                Capture(ref reader, line, slot);
            }
            else if (deeper > 0 && reader.TokenType == JsonTokenType.StartObject)
            {
                ReadObject(ref reader, line, depth + 1, matched[..count].ToArray());
            }
            else if (DateWrapperSlot(matched[..count], depth) is int date && reader.TokenType != JsonTokenType.Null)
            {
                // A bare value where {"$date": …} belongs is present but not a $date form: keep its JSON
                // text, so the datetime conversion writes NULL with a warning instead of NULL in silence.
                int start = (int)reader.TokenStartIndex;
                reader.Skip();
                Fields.Set(date, line[start..(int)reader.BytesConsumed], FieldKind.Json);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    // The slot of a path X.$date whose X is the member being read, or null.
    private int? DateWrapperSlot(ReadOnlySpan<int> matched, int depth)
    {
        foreach (int c in matched)
        {
            if (_paths[c].Length == depth + 2 && _paths[c][depth + 1].AsSpan().SequenceEqual("$date"u8))
            {
                return c;
            }
        }

        return null;
    }

    private void Capture(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, int slot)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                CaptureString(ref reader, slot, FieldKind.String);
                break;
            case JsonTokenType.Null:
                break;
            case JsonTokenType.Number:
                Fields.Set(slot, reader.ValueSpan, FieldKind.Number);
                break;
            case JsonTokenType.True:
            case JsonTokenType.False:
                Fields.Set(slot, reader.ValueSpan, FieldKind.Json);
                break;
            default:
                // An object or array: a {"$numberLong": "…"} wrapper gives its digits; anything else its JSON text.
                int start = (int)reader.TokenStartIndex;
                var copy = reader;
                if (reader.TokenType == JsonTokenType.StartObject && copy.Read() && copy.TokenType == JsonTokenType.PropertyName
                    && (copy.ValueTextEquals("$numberLong"u8) || copy.ValueTextEquals("$numberInt"u8)))
                {
                    copy.Read();
                    var value = copy;
                    if (value.TokenType is JsonTokenType.String or JsonTokenType.Number && copy.Read() && copy.TokenType == JsonTokenType.EndObject)
                    {
                        if (value.TokenType == JsonTokenType.String)
                        {
                            CaptureString(ref value, slot, FieldKind.Number);
                        }
                        else
                        {
                            Fields.Set(slot, value.ValueSpan, FieldKind.Number);
                        }
                    }
                }

                reader.Skip();
                if (!Fields.IsSet(slot))
                {
                    Fields.Set(slot, line[start..(int)reader.BytesConsumed], FieldKind.Json);
                }

                break;
        }
    }

    private void CaptureString(ref Utf8JsonReader reader, int slot, FieldKind kind)
    {
        int max = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        var target = Fields.Reserve(slot, max, kind);
        int written = reader.CopyString(target);
        Fields.Trim(slot, written);
    }
}
