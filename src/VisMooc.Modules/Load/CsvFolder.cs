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
            throw new LoadException($"{folder}: no such folder (run 'vismooc convert' first)");
        }

        if (Convert.CommitMarker.IsPresent(folder))
        {
            throw new LoadException($"{folder}: a conversion stopped while renaming its files, so the tables may come from two runs; run 'vismooc convert' into it again; nothing was loaded");
        }

        var files = new List<(TableDescriptor, string)>();
        foreach (var table in tables)
        {
            string path = System.IO.Path.Combine(Path.GetFullPath(folder), table.Info.CsvFileName);
            if (!File.Exists(path))
            {
                throw new LoadException($"{path}: missing; nothing was loaded (a conversion writes all {tables.Count} tables)");
            }

            files.Add((table, path));
        }

        return files;
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
