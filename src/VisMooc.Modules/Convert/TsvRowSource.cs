using VisMooc.Modules.Input;
using VisMooc.Modules.Schema;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.Convert;

/// <summary>A table's source fields bound to the columns of an edX TSV file by header name.</summary>
public sealed class TsvRowSource : IRowSource
{
    private readonly EdxTsvReader _reader;
    private readonly int[] _columns;

    private TsvRowSource(EdxTsvReader reader, int[] columns)
    {
        _reader = reader;
        _columns = columns;
    }

    /// <summary>Binds <paramref name="table"/>'s source fields (optionally after stripping <paramref name="prefix"/>) to the reader's header.</summary>
    /// <exception cref="ConvertException">A needed column is missing from the file.</exception>
    public static TsvRowSource Bind(EdxTsvReader reader, TableInfo table, string prefix = "")
    {
        var columns = new int[table.SourceFields.Count];
        for (int k = 0; k < columns.Length; k++)
        {
            string field = table.SourceFields[k];
            columns[k] = field.StartsWith(prefix, StringComparison.Ordinal) ? reader.IndexOf(field[prefix.Length..]) : -1;
            if (columns[k] < 0 && field.StartsWith(prefix, StringComparison.Ordinal))
            {
                throw MissingColumn(reader, table, field[prefix.Length..], field);
            }
        }

        return new TsvRowSource(reader, columns);
    }

    /// <summary>
    /// True for a file without a header and without records (0 bytes, as Gen-A exports wrote empty
    /// results): the contract's empty table, which has no columns to bind. Consumes nothing else.
    /// </summary>
    public static bool IsEmptyFile(EdxTsvReader reader) => reader.Header.Count == 0 && !reader.Read();

    /// <summary>
    /// The column and text of a warning about the current record's first byte that is not UTF-8, or
    /// null when the record is UTF-8. The bytes are written as they are, so nothing is lost; the
    /// warning says where they are, since a strict utf8mb4 load refuses them.
    /// </summary>
    public static (string Column, string Message)? InvalidUtf8(EdxTsvReader reader)
    {
        if (reader.InvalidUtf8Offset < 0)
        {
            return null;
        }

        var raw = reader.RawRecord;
        int at = 0;
        while (at < raw.Length && System.Text.Rune.DecodeFromUtf8(raw[at..], out _, out int consumed) == System.Buffers.OperationStatus.Done)
        {
            at += consumed;
        }

        int field = raw[..at].Count((byte)'\t');
        string column = field < reader.Header.Count ? reader.Header[field] : "field " + (field + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        string b = at < raw.Length ? raw[at].ToString("X2", System.Globalization.CultureInfo.InvariantCulture) : "??";
        return (column, $"invalid UTF-8 (byte 0x{b}), passed on unchanged");
    }

    /// <summary>The error for a column the file lacks, naming the table column that needs it.</summary>
    public static ConvertException MissingColumn(EdxTsvReader reader, TableInfo table, string column, string field)
    {
        var users = table.Columns.Where(c => c.SourceFields.Contains(field)).Select(c => table.Name + "." + c.Name);
        string found = reader.Header.Count == 0 ? "the file is empty" : "found: " + string.Join(", ", reader.Header.Take(30));
        return new ConvertException(reader.FileName, $"missing column '{column}' needed by {string.Join(", ", users)} ({found})");
    }

    /// <inheritdoc/>
    public FieldValue Get(int sourceField) => _columns[sourceField] < 0 ? FieldValue.Null : _reader.GetField(_columns[sourceField]);
}
