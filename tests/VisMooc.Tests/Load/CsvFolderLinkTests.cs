using VisMooc.Generated;
using VisMooc.Modules.Load;
using VisMooc.Modules.Output;
using VisMooc.Modules.Pipeline;

namespace VisMooc.Tests.Load;

/// <summary>
/// A load reads a folder's own files, never a file elsewhere that a symbolic link in the folder
/// points to: a CSV folder's table files and report.json into every target (the Parquet side's
/// parts and folders are in <see cref="DuckDbLoadSafetyTests"/>), and a dataset's report-*.json.
/// </summary>
public sealed class CsvFolderLinkTests
{
    /// <summary>Target × what is linked: a table file, a table file linked to a folder, a dangling link at the optional click_events.csv, report.json.</summary>
    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (string target in new[] { "sqlite", "mysql", "duckdb" })
        {
            foreach (string link in new[] { "users.csv", "users.csv to a folder", "click_events.csv dangling", "report.json" })
            {
                cases.Add(target, link);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ALinkedFileOfACsvFolderIsRefusedBeforeAnythingIsLoaded(string target, string link)
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        string name = link.Split(' ')[0];
        string path = Path.Combine(csv, name);
        // The linked-to copy has the same bytes, so only the link itself can be what is refused.
        string elsewhere = Path.Combine(temp.Path, "elsewhere");
        if (link.EndsWith("to a folder", StringComparison.Ordinal))
        {
            File.Delete(path);
            Directory.CreateDirectory(elsewhere);
            Directory.CreateSymbolicLink(path, elsewhere);
        }
        else
        {
            if (File.Exists(path))
            {
                File.Move(path, elsewhere);
            }

            File.CreateSymbolicLink(path, elsewhere);
        }

        string db = Path.Combine(temp.Path, "moocdb." + target);
        var error = Assert.Throws<LoadException>(() => Load(target, csv, db));

        string what = name == "report.json" ? "the report" : "a table file";
        Assert.DoesNotContain('\n', error.Message);
        Assert.StartsWith($"{path}: {what} of the folder is a symbolic link (to {elsewhere}); vismooc load reads a folder's own files, never through a link: copy the files themselves into the folder (cp -L, rsync -L)", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("nothing was loaded", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void TheFolderItselfMayBeALink()
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        string linked = Path.Combine(temp.Path, "linked");
        Directory.CreateSymbolicLink(linked, csv);

        // The folder named on the command line is the user's choice; only links inside it are refused.
        var result = SqliteLoader.Load(linked, Path.Combine(temp.Path, "db.sqlite"), LoadMode.Ignore, GeneratedTables.All);

        Assert.Equal(LoadFixtures.Hostile.Length, result.Tables.Single(t => t.Table == "forum").Inserted);
    }

    [Fact]
    public void ALinkedReportOfAParquetDatasetIsRefused()
    {
        using var temp = new LoadFixtures.TempFolder();
        LoadFixtures.ConvertHostile(temp.Path);
        string folder = Path.Combine(temp.Path, "parquet");
        var run = PackageConverter.Run(new ConvertOptions { Input = Path.Combine(temp.Path, "in"), Output = folder, Format = OutputFormat.Parquet }, GeneratedTables.All);
        string report = Directory.GetFiles(folder, "report-*.json").Single();
        string elsewhere = Path.Combine(temp.Path, "elsewhere.json");
        File.Move(report, elsewhere);
        File.CreateSymbolicLink(report, elsewhere);
        string db = Path.Combine(temp.Path, "moocdb.duckdb");

        var error = Assert.Throws<LoadException>(() => DuckDbLoader.Load(folder, db, LoadMode.Ignore, Support.TablesWithoutLogs.All));

        Assert.NotEmpty(run.ParquetFiles);
        Assert.StartsWith($"{report}: a report of the dataset is a symbolic link (to {elsewhere}); vismooc load reads a folder's own files, never through a link: copy the files themselves into the dataset folder (cp -rL, rsync -aL)", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("nothing was loaded", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void AFifoNamedLikeAReportOfAParquetDatasetIsRefusedWithoutWaiting()
    {
        using var temp = new LoadFixtures.TempFolder();
        LoadFixtures.ConvertHostile(temp.Path);
        string folder = Path.Combine(temp.Path, "parquet");
        PackageConverter.Run(new ConvertOptions { Input = Path.Combine(temp.Path, "in"), Output = folder, Format = OutputFormat.Parquet }, GeneratedTables.All);
        string fifo = Path.Combine(folder, "report-zz.json");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo])!)
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        string db = Path.Combine(temp.Path, "moocdb.duckdb");

        // Opening it would block until something writes to it; the load must not even wait.
        var error = Assert.Throws<LoadException>(() => DuckDbLoader.Load(folder, db, LoadMode.Ignore, Support.TablesWithoutLogs.All));

        Assert.Equal($"{fifo}: not a regular file but a FIFO (named pipe); nothing was loaded", error.Message);
        Assert.False(File.Exists(db));
    }

    private static LoadResult Load(string target, string csv, string db) => target switch
    {
        "sqlite" => SqliteLoader.Load(csv, db, LoadMode.Ignore, GeneratedTables.All),
        // Refused before it connects: nothing listens on port 1.
        "mysql" => MySqlLoader.Load(csv, LoadTarget.Parse("mysql://moocdb@127.0.0.1:1/moocdb"), "", LoadMode.Ignore, GeneratedTables.All),
        _ => DuckDbLoader.Load(csv, db, LoadMode.Ignore, GeneratedTables.All),
    };
}
