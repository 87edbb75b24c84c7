using System.Text;
using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Load;

/// <summary>The CSV files of a conversion, checked before a load starts so a missing one changes nothing.</summary>
public static class CsvFolder
{
    /// <summary>The CSV path of every table.</summary>
    /// <exception cref="LoadException">The folder or a table's CSV is missing, or a conversion into it was interrupted while renaming its files.</exception>
    public static IReadOnlyList<(TableDescriptor Table, string Path)> Files(string folder, IReadOnlyList<TableDescriptor> tables)
    {
        if (!Directory.Exists(folder))
        {
            // A database URL given where the folder goes is quoted only through the redaction.
            throw new LoadException(DbArgument.LooksLikeOne(folder)
                ? $"{DbArgument.Redact(folder)}: no such folder; this looks like a database: it goes after --db (vismooc load CSV_FOLDER --db TARGET)"
                : $"{folder}: no such folder (run 'vismooc convert' first)");
        }

        if (Convert.CommitMarker.IsPresent(folder))
        {
            throw new LoadException($"{folder}: a conversion stopped while renaming its files, so the tables may come from two runs; run 'vismooc convert' into it again; nothing was loaded");
        }

        var files = new List<(TableDescriptor, string)>();
        foreach (var table in tables)
        {
            string path = System.IO.Path.Combine(Path.GetFullPath(folder), table.Info.CsvFileName);
            if (!File.Exists(path) && table.Info.Source == EdxSource.TrackingLog)
            {
                continue; // written only when the conversion had tracking logs
            }

            if (!File.Exists(path))
            {
                int always = tables.Count(t => t.Info.Source != EdxSource.TrackingLog);
                throw new LoadException($"{path}: missing; nothing was loaded (a conversion writes all {always} tables)");
            }

            if (HasHeaderRow(path, table.Info))
            {
                throw new LoadException($"{path}: starts with a header row: this folder was written by 'vismooc convert --format rfc4180' (standard CSV for pandas, R "
                    + "and spreadsheets), and vismooc load reads only the default format; convert again without --format rfc4180, into another folder; nothing was loaded");
            }

            files.Add((table, path));
        }

        return files;
    }

    /// <summary>
    /// True when the file starts with the table's column names (bare or quoted), as
    /// <c>--format rfc4180</c> writes them: a row the default dialect never writes (it quotes every
    /// value, and no table's first column holds its own name), which would otherwise fail the load
    /// with a parse error that does not say why.
    /// </summary>
    private static bool HasHeaderRow(string path, TableInfo table)
    {
        string bare = string.Join(",", table.Columns.Select(c => c.Name));
        string quoted = string.Join(",", table.Columns.Select(c => "\"" + c.Name + "\""));
        byte[] start = new byte[quoted.Length + 2];
        int length;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1))
        {
            length = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        }

        var head = start.AsSpan(0, length);
        return IsLine(head, bare) || IsLine(head, quoted);
    }

    private static bool IsLine(ReadOnlySpan<byte> head, string line)
    {
        if (!head.StartsWith(Encoding.ASCII.GetBytes(line)))
        {
            return false;
        }

        var end = head[line.Length..];
        return end.IsEmpty || end[0] == '\n' || (end[0] == '\r' && (end.Length == 1 || end[1] == '\n'));
    }

    /// <summary>Counts the rows (LF-terminated records) of a CSV file.</summary>
    public static long CountRows(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        byte[] buffer = new byte[1 << 16];
        long rows = 0;
        int n;
        byte last = (byte)'\n';
        while ((n = stream.Read(buffer)) > 0)
        {
            rows += buffer.AsSpan(0, n).Count((byte)'\n');
            last = buffer[n - 1];
        }

        return rows + (last == '\n' ? 0 : 1);
    }
}
