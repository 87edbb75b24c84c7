using CsvHelper;
using VisMooc.Modules.Load;
using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Output;

/// <summary>
/// Rewrites a table written in <see cref="MySqlCsvDialect"/> as RFC 4180 CSV with a header row, through
/// CsvHelper's writer: every value quoted (quotes doubled, CR/LF kept as they are), NULL as an empty
/// unquoted field, so an empty string (<c>""</c>) and NULL stay distinguishable.
/// </summary>
public static class Rfc4180Transcoder
{
    /// <summary>Transcodes <paramref name="source"/> into <paramref name="destination"/>.</summary>
    public static void Transcode(TableInfo table, string source, string destination)
    {
        // No formula-injection rewriting: research data must come back exactly as it was.
        var options = new CsvWriterOptions { NewLine = "\r\n", Injection = CsvInjection.None, WriteByteOrderMark = false };
        using var reader = new DialectCsvReader(source, table.Columns.Count);
        using var csv = CsvWriter.ToFile(destination, options);
        foreach (var column in table.Columns)
        {
            csv.WriteField(column.Name, CsvQuoting.WhenNeeded);
        }

        csv.EndRecord();
        while (reader.Read())
        {
            foreach (var value in reader.Values)
            {
                if (value is null)
                {
                    csv.WriteField((string?)null);
                }
                else
                {
                    csv.WriteField(value, CsvQuoting.Always);
                }
            }

            csv.EndRecord();
        }
    }
}
