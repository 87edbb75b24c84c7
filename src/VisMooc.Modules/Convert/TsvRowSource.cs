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
            // A 0-byte file (what the mysql client writes for an empty result) is an empty table: no
            // header to check; any record after an empty first line is rejected for its field count.
            if (columns[k] < 0 && field.StartsWith(prefix, StringComparison.Ordinal) && reader.Header.Count > 0)
            {
                throw MissingColumn(reader, table, field[prefix.Length..], field);
            }
        }

        return new TsvRowSource(reader, columns);
    }

    /// <summary>The error for a column the file lacks, naming the table column that needs it.</summary>
    public static ConvertException MissingColumn(EdxTsvReader reader, TableInfo table, string column, string field)
    {
        var users = table.Columns.Where(c => c.SourceFields.Contains(field)).Select(c => table.Name + "." + c.Name);
        // Header names are decoded like fields, so a broken header can hold a line break: the error stays one line.
        string found = reader.Header.Count == 0 ? "the file is empty" : "found: " + string.Join(", ", reader.Header.Take(30).Select(Printable));
        return new ConvertException(reader.FileName, $"missing column '{column}' needed by {string.Join(", ", users)} ({found})");
    }

    private static string Printable(string name) =>
        string.Concat(name.Select(c => char.IsControl(c) ? "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString()));

    /// <inheritdoc/>
    public FieldValue Get(int sourceField) => _columns[sourceField] < 0 ? FieldValue.Null : _reader.GetField(_columns[sourceField]);
}
