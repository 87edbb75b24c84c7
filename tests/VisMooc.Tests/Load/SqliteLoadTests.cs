using VisMooc.Generated;
using VisMooc.Modules.Load;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Load;

public sealed class SqliteLoadTests
{
    [Fact]
    public void HostileValuesComeBackEqualThroughConvertLoadSelect()
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        string db = Path.Combine(temp.Path, "db.sqlite");

        SqliteLoader.Load(csv, db, LoadMode.Ignore, GeneratedTables.All);

        var forum = DatabaseReader.Sqlite(db, "forum").ToDictionary(r => r[1]!);
        var users = DatabaseReader.Sqlite(db, "users").ToDictionary(r => r[1]!);
        for (int i = 0; i < LoadFixtures.Hostile.Length; i++)
        {
            var row = forum[LoadFixtures.Oid(i)];
            Assert.Equal(LoadFixtures.Hostile[i], row[6]); // body
            Assert.Equal(LoadFixtures.Hostile[i], row[8]); // title
            Assert.Equal(i == 0 ? null : "2099-03-05 09:30:00", row[4]); // created_at: NULL stays NULL
            Assert.Null(row[5]);
            string expectedBio = LoadFixtures.Hostile[i] == "NULL" ? "" : LoadFixtures.Hostile[i]; // TSV cannot tell the text NULL from SQL NULL
            Assert.Equal(expectedBio, users[(7000000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)][8]);
        }

        var grades = DatabaseReader.Sqlite(db, "grades");
        Assert.Null(grades.Single(g => g[0] == "32")[3]);
    }

    [Fact]
    public void LoadingTheSamePackageTwiceInIgnoreModeChangesNothing()
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        string db = Path.Combine(temp.Path, "db.sqlite");
        SqliteLoader.Load(csv, db, LoadMode.Ignore, GeneratedTables.All);
        var before = Snapshot(db);

        var second = SqliteLoader.Load(csv, db, LoadMode.Ignore, GeneratedTables.All);

        Assert.All(second.Tables, t => Assert.Equal((t.Rows, 0L), (t.Kept, t.Inserted)));
        Assert.Equal(before, Snapshot(db));
    }

    [Fact]
    public void ReplaceModeUpdatesChangedRowsAndIgnoreModeKeepsThem()
    {
        using var first = new LoadFixtures.TempFolder();
        using var newer = new LoadFixtures.TempFolder();
        string db = Path.Combine(first.Path, "db.sqlite");
        SqliteLoader.Load(LoadFixtures.ConvertHostile(first.Path, grade: "0.87"), db, LoadMode.Ignore, GeneratedTables.All);
        string newerCsv = LoadFixtures.ConvertHostile(newer.Path, grade: "0.93");

        SqliteLoader.Load(newerCsv, db, LoadMode.Ignore, GeneratedTables.All);
        Assert.Equal("0.87", DatabaseReader.Sqlite(db, "grades").Single(g => g[0] == "31")[4]);

        var replaced = SqliteLoader.Load(newerCsv, db, LoadMode.Replace, GeneratedTables.All);
        Assert.Equal("0.93", DatabaseReader.Sqlite(db, "grades").Single(g => g[0] == "31")[4]);
        Assert.Equal(2, replaced.Tables.Single(t => t.Table == "grades").Replaced);
    }

    [Fact]
    public void ALoadThatFailsHalfwayLeavesTheDatabaseAsItWas()
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        string db = Path.Combine(temp.Path, "db.sqlite");
        SqliteLoader.Load(csv, db, LoadMode.Ignore, GeneratedTables.All);
        var before = Snapshot(db);

        // A newer package whose last table (users) has a broken row after good ones.
        using var newer = new LoadFixtures.TempFolder();
        string newerCsv = LoadFixtures.ConvertHostile(newer.Path, grade: "0.99");
        File.AppendAllText(Path.Combine(newerCsv, "users.csv"), "\"1\",\"2\"\n");
        LoadFixtures.Vouch(newerCsv); // as if a conversion wrote the bad row: the load fails halfway, not at the check

        var error = Assert.Throws<LoadException>(() => SqliteLoader.Load(newerCsv, db, LoadMode.Replace, GeneratedTables.All));

        Assert.Contains("users.csv:" + (LoadFixtures.Hostile.Length + 1), error.Message, StringComparison.Ordinal);
        Assert.Contains("expected 11 fields", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(db));
    }

    [Fact]
    public void LoadCommandDefaultsToSqliteInTheCsvFolderAndReportsBadInputOnOneLine()
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);

        var ok = ToolRunner.Run(["load", csv]);
        Assert.Equal(0, ok.ExitCode);
        Assert.True(DatabaseReader.SqliteTableExists(Path.Combine(csv, "moocdb.sqlite"), "users"));

        File.Delete(Path.Combine(csv, "videos.csv"));
        var missing = ToolRunner.Run(["load", csv, "--db", "sqlite:" + Path.Combine(temp.Path, "other.sqlite")]);
        Assert.Equal(1, missing.ExitCode);
        Assert.Single(missing.StdErr.Trim().Split('\n'));
        Assert.Contains("videos.csv: missing", missing.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(temp.Path, "other.sqlite")));

        var usage = ToolRunner.Run(["load", csv, "--db", "postgres://x@y/z"]);
        Assert.Equal(2, usage.ExitCode);
    }

    private static Dictionary<string, List<string?[]>> Snapshot(string db) =>
        TablesWithoutLogs.All.ToDictionary(t => t.Info.Name, t => DatabaseReader.Sqlite(db, t.Info.Name));
}
