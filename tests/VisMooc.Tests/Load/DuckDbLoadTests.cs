using DuckDB.NET.Data;
using VisMooc.Generated;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Staging;
using VisMooc.Modules.Load;
using VisMooc.Modules.Output;
using VisMooc.Modules.Schema;
using VisMooc.Tests.Output;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Load;

/// <summary>
/// <c>vismooc load FOLDER --db duckdb:FILE</c>, from the CSV folder and from the Parquet dataset of the
/// same conversion: every value comes back as the CSV holds it (hostile text, NULLs, datetimes),
/// ignore and replace modes do what they do in SQLite, and a failed load leaves no new file.
/// </summary>
public sealed class DuckDbLoadTests
{
    [Theory]
    [InlineData(OutputFormat.MySql)]
    [InlineData(OutputFormat.Parquet)]
    public void EveryValueLoadsAsTheCsvHoldsIt(OutputFormat format)
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        string folder = csv;
        if (format == OutputFormat.Parquet)
        {
            folder = Path.Combine(temp.Path, "parquet");
            PackageConverter.Run(new ConvertOptions { Input = Path.Combine(temp.Path, "in"), Output = folder, Format = format }, GeneratedTables.All);
        }

        string file = Path.Combine(temp.Path, "db", "moocdb.duckdb");
        var result = DuckDbLoader.Load(folder, file, LoadMode.Ignore, TablesWithoutLogs.All);
        using var db = Open(file);
        foreach (var table in TablesWithoutLogs.All.Select(t => t.Info))
        {
            var expected = CsvRows(table, csv);
            string select = string.Join(", ", table.Columns.Select(c => c.Type is SqlType.Datetime or SqlType.DateTime6 ? $"epoch_us(\"{c.Name}\")" : $"\"{c.Name}\""));
            var actual = ParquetOutputTests.Rows(db, $"SELECT {select} FROM {table.Name} ORDER BY \"{table.Columns[table.PrimaryKeyColumn].Name}\"");
            Assert.Equal(expected.Count, actual.Count);
            for (int r = 0; r < expected.Count; r++)
            {
                for (int c = 0; c < table.Columns.Count; c++)
                {
                    Assert.True(expected[r][c] == actual[r][c], $"{table.Name} row {r + 1} column {table.Columns[c].Name}: CSV '{expected[r][c]?[..Math.Min(60, expected[r][c]!.Length)]}', DuckDB '{actual[r][c]?[..Math.Min(60, actual[r][c]!.Length)]}'");
                }
            }

            Assert.Equal(expected.Count, result.Tables.SingleOrDefault(t => t.Table == table.Name)?.Inserted ?? 0);
        }
    }

    [Fact]
    public void IgnoreKeepsAndReplaceReplacesTheRowsOfExistingKeys()
    {
        using var temp = new LoadFixtures.TempFolder();
        string first = LoadFixtures.ConvertHostile(Path.Combine(temp.Path, "a"));
        string second = LoadFixtures.ConvertHostile(Path.Combine(temp.Path, "b"), grade: "0.99");
        string file = Path.Combine(temp.Path, "moocdb.duckdb");
        DuckDbLoader.Load(first, file, LoadMode.Ignore, TablesWithoutLogs.All);

        var ignored = DuckDbLoader.Load(second, file, LoadMode.Ignore, TablesWithoutLogs.All);
        Assert.Equal(2, ignored.Tables.Single(t => t.Table == "grades").Kept);
        using (var db = Open(file))
        {
            Assert.Equal("0.87", ParquetOutputTests.Scalar<string>(db, "SELECT grade FROM grades WHERE _id = '31'"));
        }

        var replaced = DuckDbLoader.Load(second, file, LoadMode.Replace, TablesWithoutLogs.All);
        Assert.Equal(2, replaced.Tables.Single(t => t.Table == "grades").Replaced);
        using (var db = Open(file))
        {
            Assert.Equal("0.99", ParquetOutputTests.Scalar<string>(db, "SELECT grade FROM grades WHERE _id = '31'"));
            Assert.Equal(2L, ParquetOutputTests.Scalar<long>(db, "SELECT count(*) FROM grades"));
        }
    }

    [Fact]
    public void APartCutShortIsRefusedAndNoFileIsLeft()
    {
        using var temp = new LoadFixtures.TempFolder();
        LoadFixtures.ConvertHostile(temp.Path);
        string folder = Path.Combine(temp.Path, "parquet");
        var run = PackageConverter.Run(new ConvertOptions { Input = Path.Combine(temp.Path, "in"), Output = folder, Format = OutputFormat.Parquet }, GeneratedTables.All);
        string part = Path.Combine(folder, run.ParquetFiles.Single(f => f.Table == "users").File);
        using (var stream = new FileStream(part, FileMode.Open))
        {
            stream.SetLength(stream.Length - 10);
        }

        string file = Path.Combine(temp.Path, "moocdb.duckdb");
        var error = Assert.Throws<LoadException>(() => DuckDbLoader.Load(folder, file, LoadMode.Ignore, TablesWithoutLogs.All));
        Assert.Contains("cut short", error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was loaded", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    [Theory]
    [InlineData(OutputFormat.MySql)]
    [InlineData(OutputFormat.Parquet)]
    public void ALoadReportsItsProgressTableByTable(OutputFormat format)
    {
        using var temp = new LoadFixtures.TempFolder();
        string folder = LoadFixtures.ConvertHostile(temp.Path);
        if (format == OutputFormat.Parquet)
        {
            folder = Path.Combine(temp.Path, "parquet");
            PackageConverter.Run(new ConvertOptions { Input = Path.Combine(temp.Path, "in"), Output = folder, Format = format }, GeneratedTables.All);
        }

        var snapshots = new List<Modules.Reporting.ConvertProgress>();
        var result = DuckDbLoader.Load(folder, Path.Combine(temp.Path, "moocdb.duckdb"), LoadMode.Ignore, TablesWithoutLogs.All, p =>
        {
            lock (snapshots)
            {
                snapshots.Add(p);
            }
        });

        // The last snapshot is the final one: every table done, all its bytes read, all its rows counted.
        var last = snapshots[^1];
        Assert.True(last.Finished);
        Assert.Single(snapshots, s => s.Finished);
        Assert.Equal(result.Tables.Select(t => t.Table), last.Tables.Select(t => t.Table));
        Assert.True(last.Tables.Single(t => t.Table == "forum").BytesTotal > 0); // the CSV's or the parts' bytes
        foreach (var table in last.Tables)
        {
            Assert.True(table.Done);
            Assert.Equal(table.BytesTotal, table.BytesRead);
            Assert.Equal(result.Tables.Single(t => t.Table == table.Table).Rows, table.Rows);
        }
    }

    [Fact]
    public void TheGeneratedScriptCreatesTheTablesALoadCreates()
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        string loaded = Path.Combine(temp.Path, "loaded.duckdb");
        DuckDbLoader.Load(csv, loaded, LoadMode.Ignore, GeneratedTables.All);
        string scripted = Path.Combine(temp.Path, "scripted.duckdb");
        using (var db = Open(scripted))
        {
            using var command = db.CreateCommand();
            command.CommandText = GeneratedTables.DuckDbScript;
            command.ExecuteNonQuery();
        }

        // The same tables, columns and keys whether made by the script or by a load (which makes
        // click_events, the only table with secondary indexes, only from tracking logs).
        const string Shape = "SELECT table_name, column_name, data_type, is_nullable FROM duckdb_columns() WHERE table_name <> 'click_events' ORDER BY ALL";
        const string Keys = "SELECT table_name, constraint_type, array_to_string(constraint_column_names, ',') FROM duckdb_constraints() WHERE table_name <> 'click_events' ORDER BY ALL";
        using var left = Open(loaded);
        using var right = Open(scripted);
        Assert.Equal(GeneratedTables.All.Count, ParquetOutputTests.Scalar<long>(right, "SELECT count(*) FROM duckdb_tables()"));
        Assert.Equal(ParquetOutputTests.Rows(right, Shape), ParquetOutputTests.Rows(left, Shape));
        Assert.Equal(ParquetOutputTests.Rows(right, Keys), ParquetOutputTests.Rows(left, Keys));
        Assert.Equal(["click_events_user_id", "click_events_video_id"], ParquetOutputTests.Rows(right, "SELECT index_name FROM duckdb_indexes() ORDER BY ALL").Select(r => r[0]));
    }

    [Fact]
    public void SchemaPrintsTheDuckDbScript()
    {
        var schema = ToolRunner.Run(["schema", "--dialect", "duckdb"]);

        Assert.Equal(0, schema.ExitCode);
        Assert.Equal(GeneratedTables.DuckDbScript, schema.StdOut);
        Assert.StartsWith("-- Generated by VisMooc", schema.StdOut, StringComparison.Ordinal);
        Assert.Contains("\"observed_event_timestamp\" TIMESTAMP NOT NULL", schema.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDbArgumentNamesADuckDbFile()
    {
        var target = LoadTarget.Parse("duckdb:some/moocdb.duckdb");
        Assert.True(target.IsDuckDb);
        Assert.False(target.IsMySql);
        Assert.Equal(Path.GetFullPath("some/moocdb.duckdb"), target.SqlitePath);
        Assert.Equal(target, LoadTarget.Parse(target.ToDbArgument()));
        Assert.Throws<FormatException>(() => LoadTarget.Parse("duckdb:"));
    }

    private static List<string?[]> CsvRows(TableInfo table, string folder)
    {
        var rows = new List<string?[]>();
        using var reader = new DialectCsvReader(Path.Combine(folder, table.CsvFileName), table.Columns.Count);
        while (reader.Read())
        {
            rows.Add(table.Columns.Select((c, i) => ParquetOutputTests.Canonical(c, reader.Values[i])).ToArray());
        }

        return [.. rows.OrderBy(r => r[table.PrimaryKeyColumn], StringComparer.Ordinal)];
    }

    private static DuckDBConnection Open(string file)
    {
        var db = new DuckDBConnection("DataSource=" + file);
        db.Open();
        return db;
    }
}
