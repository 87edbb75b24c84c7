using System.Globalization;
using System.Text;
using VisMooc.Modules.Folders;
using VisMooc.Modules.IO;
using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Load;

/// <summary>The CSV files of a conversion, checked before a load starts so a missing one changes nothing.</summary>
public static class CsvFolder
{
    private const string Copy = "copy the files themselves into the folder (cp -L, rsync -L)";

    /// <summary>The CSV path of every table.</summary>
    /// <exception cref="LoadException">The folder or a table's CSV is missing, a conversion into it was interrupted while renaming its files, or a CSV is not the file the conversion wrote (its rows or bytes differ from <c>report.json</c>'s, or it ends inside a row; no <c>report.json</c> is a refusal too).</exception>
    public static IReadOnlyList<(TableDescriptor Table, string Path)> Files(string folder, IReadOnlyList<TableDescriptor> tables)
    {
        if (!Directory.Exists(folder))
        {
            // A database URL given where the folder goes is quoted only through the redaction.
            throw new LoadException(DbArgument.LooksLikeOne(folder)
                ? $"{DbArgument.Redact(folder)}: no such folder; this looks like a database: it goes after --db (vismooc load CSV_FOLDER --db TARGET)"
                : $"{folder}: no such folder (run 'vismooc convert' first)");
        }

        if (CommitMarker.IsPresent(folder))
        {
            throw new LoadException($"{folder}: a conversion stopped while renaming its files, so the tables may come from two runs; run 'vismooc convert' into it again; nothing was loaded");
        }

        // A Parquet dataset has no report.json (each run's report is report-{run id}.json): say what it is, not that a report is missing.
        if (!File.Exists(System.IO.Path.Combine(folder, ReportFile.Name)) && ParquetFolder.IsOne(folder))
        {
            throw new LoadException($"{folder}: is a Parquet dataset (vismooc convert --format parquet), which only a DuckDB target loads: vismooc load {folder} --db duckdb:FILE; for SQLite or MySQL convert into another folder without --format parquet; nothing was loaded");
        }

        var written = WrittenFiles(folder);
        var files = new List<(TableDescriptor, string)>();
        foreach (var table in tables)
        {
            string path = System.IO.Path.Combine(Path.GetFullPath(folder), table.Info.CsvFileName);
            InputLink.Refuse(path, "a table file of the folder", Copy);
            if (!File.Exists(path) && table.Info.Input.Format == InputFormat.TrackingLog)
            {
                continue; // written only when the conversion had tracking logs
            }

            // A folder or a FIFO named like a table: a FIFO would block the load, a folder is no table.
            if (FileType.NotRegular(path) is string what)
            {
                throw new LoadException($"{path}: is {what}, not a table file; nothing was loaded (remove it and run 'vismooc convert' into the folder again)");
            }

            if (!File.Exists(path))
            {
                int always = tables.Count(t => t.Info.Input.Format != InputFormat.TrackingLog);
                throw new LoadException($"{path}: missing; nothing was loaded (a conversion writes all {always} tables)");
            }

            if (HasHeaderRow(path, table.Info))
            {
                throw new LoadException($"{path}: starts with a header row: this folder was written by 'vismooc convert --format rfc4180' (standard CSV for pandas, R "
                    + "and spreadsheets), and vismooc load reads only the default format; convert again without --format rfc4180, into another folder; nothing was loaded");
            }

            CheckWhole(path, written);
            files.Add((table, path));
        }

        return files;
    }

    /// <summary>
    /// The CSVs (rows, bytes) that the conversion into <paramref name="folder"/> wrote, from its
    /// <c>report.json</c>: without them a CSV cut short (a copy or download not finished, a full
    /// disk, an edit) would load as a shorter table without a word.
    /// </summary>
    private static Dictionary<string, (long Rows, long Bytes)> WrittenFiles(string folder)
    {
        string report = System.IO.Path.Combine(System.IO.Path.GetFullPath(folder), ReportFile.Name);
        InputLink.Refuse(report, "the report of the folder", Copy);
        if (!File.Exists(report))
        {
            throw new LoadException($"{report}: missing, so the tables cannot be checked against what the conversion wrote (a CSV cut short would load as a shorter table); a folder that vismooc convert wrote holds it: convert into the folder again; nothing was loaded");
        }

        if (FileType.NotRegular(report) is string kind)
        {
            throw new LoadException($"{report}: not a regular file but {kind}; nothing was loaded");
        }

        var files = new Dictionary<string, (long Rows, long Bytes)>(StringComparer.Ordinal);
        try
        {
            using var stream = new FileStream(report, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var document = System.Text.Json.JsonDocument.Parse(stream);
            if (document.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object || !document.RootElement.TryGetProperty("csvFiles", out var list))
            {
                throw new LoadException($"{report}: lists no csvFiles (their rows and bytes), so the tables cannot be checked against what the conversion wrote; it was written by an older vismooc: convert into the folder again; nothing was loaded");
            }

            foreach (var entry in list.EnumerateArray())
            {
                files[entry.GetProperty("file").GetString() ?? ""] = (entry.GetProperty("rows").GetInt64(), entry.GetProperty("bytes").GetInt64());
            }
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new LoadException($"{report}: not a report that vismooc convert wrote (it is damaged or was edited), so the tables cannot be checked against it: convert into the folder again; nothing was loaded");
        }

        return files;
    }

    /// <summary>Refuses a CSV that is not the file the conversion wrote: other rows or bytes than <c>report.json</c> lists, or a last row cut short.</summary>
    private static void CheckWhole(string path, Dictionary<string, (long Rows, long Bytes)> written)
    {
        string name = System.IO.Path.GetFileName(path);
        if (!written.TryGetValue(name, out var expected))
        {
            throw new LoadException($"{path}: not listed in report.json, so it cannot be checked against what the conversion wrote: convert into the folder again; nothing was loaded");
        }

        var (rows, bytes, lastByte) = Measure(path);
        string again = "it was cut short or changed after the conversion (an unfinished copy or download, a full disk, an edit?): convert again or copy the whole folder again; nothing was loaded";
        if (bytes > 0 && lastByte != '\n')
        {
            throw new LoadException(string.Create(CultureInfo.InvariantCulture, $"{path}: ends inside a row (after {rows} whole rows of the {expected.Rows} in report.json): {again}"));
        }

        if (rows != expected.Rows || bytes != expected.Bytes)
        {
            throw new LoadException(string.Create(CultureInfo.InvariantCulture, $"{path}: holds {rows} rows in {bytes} bytes, but the conversion wrote {expected.Rows} rows in {expected.Bytes} bytes (report.json): {again}"));
        }
    }

    /// <summary>The rows (LF-terminated records), length and last byte of a CSV file.</summary>
    private static (long Rows, long Bytes, byte LastByte) Measure(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        byte[] buffer = new byte[1 << 16];
        long rows = 0;
        long bytes = 0;
        byte last = (byte)'\n';
        int n;
        while ((n = stream.Read(buffer)) > 0)
        {
            rows += buffer.AsSpan(0, n).Count((byte)'\n');
            bytes += n;
            last = buffer[n - 1];
        }

        return (rows, bytes, last);
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
