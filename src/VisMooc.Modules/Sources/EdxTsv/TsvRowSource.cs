using VisMooc.Modules.Output;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Schema;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.Sources.EdxTsv;

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
            // A 0-byte file never gets here (IsEmptyFile skips it): a file with records under an
            // empty first line names none of its columns, which is an error, not an empty table.
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
    /// Reports what decoding the current record found: unknown backslash escapes (kept as typed) and
    /// the first byte that is not UTF-8 (the writer puts U+FFFD in its place), naming its column and
    /// its byte offset in the file, since nothing else would tell a user where to look.
    /// </summary>
    public static void WarnAboutDecoding(EdxTsvReader reader, IWarningSink warnings)
    {
        if (reader.EscapeWarnings > 0)
        {
            warnings.Warn("", $"{reader.EscapeWarnings} unknown backslash escape(s) kept as typed");
        }

        if (reader.InvalidUtf8Offset < 0)
        {
            return;
        }

        var raw = reader.RawRecord;
        int at = 0;
        while (at < raw.Length && System.Text.Rune.DecodeFromUtf8(raw[at..], out _, out int consumed) == System.Buffers.OperationStatus.Done)
        {
            at += consumed;
        }

        int field = raw[..at].Count((byte)'\t');
        // A header name is quoted only when it is an edX column's: a file without a header has data there.
        string column = field < reader.Header.Count && SafeText.IsColumnName(reader.Header[field])
            ? reader.Header[field]
            : "field " + (field + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        string b = at < raw.Length ? raw[at].ToString("X2", System.Globalization.CultureInfo.InvariantCulture) : "??";
        warnings.Warn(column, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"invalid UTF-8 at byte offset {reader.InvalidUtf8Offset} of the file (byte 0x{b}); written as U+FFFD"));
    }

    /// <summary>The error for a column the file lacks, naming the table column that needs it.</summary>
    public static ConvertException MissingColumn(EdxTsvReader reader, TableInfo table, string column, string field)
    {
        var users = table.Columns.Where(c => c.SourceFields.Contains(field)).Select(c => table.Name + "." + c.Name);
        // Only edX's own column names are quoted: a file without a header has its first record there
        // (a username, an email), and a header that is not UTF-8 text holds anything.
        var known = reader.Header.Where(SafeText.IsColumnName).Take(30).ToList();
        int others = reader.Header.Count - reader.Header.Count(SafeText.IsColumnName);
        string found = reader.Header.Count == 0 ? "its first line, the header, is empty"
            : "found: " + string.Join(", ", known) + (others == 0 ? "" : (known.Count > 0 ? ", and " : "") + $"{others} name(s) that are no edX column's, not quoted");
        return new ConvertException(reader.FileName, $"missing column '{column}' needed by {string.Join(", ", users)} ({found})");
    }

    /// <inheritdoc/>
    public FieldValue Get(int sourceField) => _columns[sourceField] < 0 ? FieldValue.Null : _reader.GetField(_columns[sourceField]);
}
