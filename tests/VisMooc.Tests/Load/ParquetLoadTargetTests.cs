using VisMooc.Generated;
using VisMooc.Modules.Output;
using VisMooc.Modules.Pipeline;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Load;

/// <summary>A Parquet dataset given to a load into SQLite or MySQL, which read only the CSV tables.</summary>
public sealed class ParquetLoadTargetTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("sqlite:{0}/db.sqlite")]
    [InlineData("mysql://vismooc@127.0.0.1:1/moocdb")]
    public void AParquetDatasetIsRefusedWithWhatItIsAndWhichTargetLoadsIt(string? target)
    {
        using var temp = new LoadFixtures.TempFolder();
        string dataset = Path.Combine(temp.Path, "ds");
        PackageConverter.Run(new ConvertOptions { Input = Path.Combine(RepoPaths.Root, "samples"), Output = dataset, Format = OutputFormat.Parquet }, GeneratedTables.All);
        string[] db = target is null ? [] : ["--db", string.Format(System.Globalization.CultureInfo.InvariantCulture, target, temp.Path)];

        // It used to say that report.json was missing and to convert into the folder again, which changes nothing.
        var run = ToolRunner.Run(["load", dataset, .. db]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"vismooc: error: {dataset}: is a Parquet dataset (vismooc convert --format parquet), which only a DuckDB target loads: vismooc load {dataset} --db duckdb:FILE; for SQLite or MySQL convert into another folder without --format parquet; nothing was loaded", run.StdErr.TrimEnd('\n'));
        Assert.Empty(Directory.GetFiles(temp.Path, "*.sqlite", SearchOption.AllDirectories));
    }
}
