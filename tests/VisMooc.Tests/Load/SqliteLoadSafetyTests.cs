using Microsoft.Data.Sqlite;
using VisMooc.Generated;
using VisMooc.Modules.Load;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Load;

/// <summary>SQLite loads leave nothing behind when they fail, refuse tables of another shape, and run one at a time.</summary>
public sealed class SqliteLoadSafetyTests
{
    [Fact]
    public void AFailedFirstLoadLeavesNoDatabaseFileNorTheFoldersItMade()
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        File.AppendAllText(Path.Combine(csv, "users.csv"), "\"1\",\"2\"\n");
        LoadFixtures.Vouch(csv); // as if a conversion wrote the bad row: the load fails halfway, not at the check
        var before = Entries(csv);

        var error = Assert.Throws<LoadException>(() => SqliteLoader.Load(csv, Path.Combine(temp.Path, "new", "nested", "moocdb.sqlite"), LoadMode.Ignore, GeneratedTables.All));
        var tool = ToolRunner.Run(["load", csv]);

        Assert.Contains("users.csv", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "new")), "the folders the load made are left");
        Assert.Equal(1, tool.ExitCode);
        Assert.Equal(before, Entries(csv)); // no moocdb.sqlite, no hidden leftover
    }

    /// <summary>A table edited away from its declaration, and the phrase that must name the difference.</summary>
    public static TheoryData<string, string, string> Shapes => new()
    {
        { "forum", "drop the primary key", "table forum is not as vismooc declares it: it has no primary key, declared PRIMARY KEY (_id)" },
        { "forum", "composite primary key", "its primary key is (_id, course_id), declared (_id)" },
        { "grades", "extra column", "column(s) extra not declared" },
        { "grades", "missing column", "declared column(s) grade missing" },
        { "grades", "renamed column", "column 5 is score, declared grade" },
        { "enrollments", "text action", "column action is TEXT, declared INTEGER" },
        { "forum", "not null created_at", "column created_at is NOT NULL, declared NULL" },
        { "users", "unique username", "its unique index users_username (username) is not declared" },
        { "courses", "view", "table courses is not as vismooc declares it: it is a view, not a table" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void AnExistingTableOfAnotherShapeIsRefusedBeforeAnythingIsWritten(string table, string change, string expected)
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        string db = Path.Combine(temp.Path, "db.sqlite");
        Execute(db, Reshape(table, change));
        var before = Schema(db);

        var load = ToolRunner.Run(["load", csv, "--db", "sqlite:" + db]);

        Assert.Equal(1, load.ExitCode);
        Assert.Single(load.StdErr.Trim().Split('\n'));
        Assert.Contains(expected, load.StdErr, StringComparison.Ordinal);
        Assert.Contains("nothing was loaded", load.StdErr, StringComparison.Ordinal);
        Assert.Equal(before, Schema(db)); // no table created, no row written
    }

    [Fact]
    public void AnExistingTableWithoutAPrimaryKeyDoesNotGetItsRowsTwice()
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        string db = Path.Combine(temp.Path, "db.sqlite");
        Execute(db, Reshape("forum", "drop the primary key"));

        Assert.Throws<LoadException>(() => SqliteLoader.Load(csv, db, LoadMode.Ignore, GeneratedTables.All));
        Assert.Throws<LoadException>(() => SqliteLoader.Load(csv, db, LoadMode.Ignore, GeneratedTables.All));

        Assert.Empty(DatabaseReader.Sqlite(db, "forum"));
    }

    [Fact]
    public void ATableOfTheSameShapeSpelledDifferentlyIsAccepted()
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        string db = Path.Combine(temp.Path, "db.sqlite");
        // MySQL-style type names have the same affinities; a nullable column declared NOT NULL takes every value.
        Execute(db, GeneratedTables.All.Single(t => t.Info.Name == "users").Info.SqliteCreate
            .Replace("TEXT NOT NULL", "varchar(255) NOT NULL", StringComparison.Ordinal)
            .Replace("CREATE TABLE IF NOT EXISTS users", "CREATE TABLE Users", StringComparison.Ordinal));

        SqliteLoader.Load(csv, db, LoadMode.Ignore, GeneratedTables.All);

        Assert.Equal(LoadFixtures.Hostile.Length, DatabaseReader.Sqlite(db, "users").Count);
    }

    [Fact]
    public void TwoLoadsIntoOneFileRunOneAfterTheOther()
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        string db = Path.Combine(temp.Path, "db.sqlite");
        Execute(db, "CREATE TABLE other (x)");

        // A third program holds the write lock until both loads have said they wait for it; then
        // the two loads race for it, really at once.
        using (var holder = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            holder.Open();
            using var transaction = holder.BeginTransaction(deferred: false);
            using var first = new ToolProcess(["load", csv, "--db", "sqlite:" + db, "--json"]);
            using var second = new ToolProcess(["load", csv, "--db", "sqlite:" + db, "--json"]);
            Assert.True(first.WaitUntil(() => first.StdErrSoFar.Contains("is writing this database; waiting up to 10 min", StringComparison.Ordinal)), first.Describe());
            Assert.True(second.WaitUntil(() => second.StdErrSoFar.Contains("is writing this database; waiting up to 10 min", StringComparison.Ordinal)), second.Describe());
            transaction.Rollback();

            var (firstExit, firstErr) = first.WaitForExit();
            var (secondExit, secondErr) = second.WaitForExit();
            Assert.True(firstExit == 0, firstErr);
            Assert.True(secondExit == 0, secondErr);

            // One inserted every row and the other kept them all; nobody saw a duplicate key.
            Assert.Equal([(0L, (long)LoadFixtures.Hostile.Length), (LoadFixtures.Hostile.Length, 0)], new[] { Forum(first.StdOut), Forum(second.StdOut) }.Order());
        }

        Assert.Equal(LoadFixtures.Hostile.Length, DatabaseReader.Sqlite(db, "forum").Count);
    }

    [Fact]
    public void TwoFirstLoadsIntoOneNewPathBothSucceedWithEveryRowOnce()
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        string db = Path.Combine(temp.Path, "db.sqlite");

        using var first = new ToolProcess(["load", csv, "--db", "sqlite:" + db]);
        using var second = new ToolProcess(["load", csv, "--db", "sqlite:" + db]);
        var (firstExit, firstErr) = first.WaitForExit();
        var (secondExit, secondErr) = second.WaitForExit();

        Assert.True(firstExit == 0, firstErr);
        Assert.True(secondExit == 0, secondErr);
        Assert.Equal(LoadFixtures.Hostile.Length, DatabaseReader.Sqlite(db, "forum").Count);
        Assert.Equal(["db.sqlite"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void ALoadThatWaitsTooLongForAnotherFailsOnOneLineAndSaidItWasWaiting()
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        string db = Path.Combine(temp.Path, "db.sqlite");
        Execute(db, "CREATE TABLE other (x)");
        var notices = new List<string>();

        using var holder = new SqliteConnection($"Data Source={db};Pooling=False");
        holder.Open();
        using var transaction = holder.BeginTransaction(deferred: false);
        var error = Assert.Throws<LoadException>(() => SqliteLoader.Load(csv, db, LoadMode.Ignore, GeneratedTables.All, notice: notices.Add, waits: new LoadWaits { OtherLoad = TimeSpan.FromSeconds(1) }));

        Assert.Equal([$"sqlite:{db}: another load (or another program) is writing this database; waiting up to 1 s for it to finish"], notices);
        Assert.Equal($"sqlite:{db}: another load (or another program) was still writing this database after 1 s; run this load again when it has finished; nothing was loaded", error.Message);
    }

    [Fact]
    public void AFolderConvertedForPandasIsNamedAsSuchInsteadOfAParseError()
    {
        using var temp = new LoadFixtures.TempFolder();
        string forPandas = Path.Combine(temp.Path, "for-pandas");
        var convert = ToolRunner.Run(["convert", Path.Combine(RepoPaths.Root, "samples", "HKUSTx-COMP102x-2T2014"), "--out", forPandas, "--format", "rfc4180", "--quiet"]);
        Assert.True(convert.ExitCode == 0, convert.StdErr);

        var load = ToolRunner.Run(["load", forPandas]);

        Assert.Equal(1, load.ExitCode);
        Assert.Equal($"vismooc: error: {Path.Combine(forPandas, "courses.csv")}: starts with a header row: this folder was written by 'vismooc convert --format rfc4180' "
            + "(standard CSV for pandas, R and spreadsheets), and vismooc load reads only the default format; convert again without --format rfc4180, into another folder; nothing was loaded\n", load.StdErr);
        Assert.False(File.Exists(Path.Combine(forPandas, "moocdb.sqlite")));
    }

    /// <summary>(inserted, kept) of the forum table in a load's --json summary.</summary>
    internal static (long Inserted, long Kept) Forum(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var forum = document.RootElement.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("table").GetString() == "forum");
        return (forum.GetProperty("inserted").GetInt64(), forum.GetProperty("kept").GetInt64());
    }

    private static string Reshape(string table, string change)
    {
        string create = GeneratedTables.All.Single(t => t.Info.Name == table).Info.SqliteCreate;
        return change switch
        {
            "drop the primary key" => create.Replace(",\n    PRIMARY KEY (_id)\n", "\n", StringComparison.Ordinal),
            "composite primary key" => create.Replace("PRIMARY KEY (_id)", "PRIMARY KEY (_id, course_id)", StringComparison.Ordinal),
            "extra column" => create.Replace("    PRIMARY KEY (_id)", "    extra TEXT NULL,\n    PRIMARY KEY (_id)", StringComparison.Ordinal),
            "missing column" => create.Replace("    grade TEXT NOT NULL,\n", "", StringComparison.Ordinal),
            "renamed column" => create.Replace("    grade TEXT NOT NULL,", "    score TEXT NOT NULL,", StringComparison.Ordinal),
            "text action" => create.Replace("action INTEGER", "action TEXT", StringComparison.Ordinal),
            "not null created_at" => create.Replace("created_at TEXT NULL", "created_at TEXT NOT NULL", StringComparison.Ordinal),
            "unique username" => create + "\nCREATE UNIQUE INDEX users_username ON users (username);",
            "view" => "CREATE VIEW courses AS SELECT 1 AS _id;",
            _ => throw new ArgumentException(change),
        };
    }

    private static void Execute(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<string> Schema(string db)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT type || ' ' || name || ' ' || COALESCE(sql, '') FROM sqlite_master ORDER BY name";
        var rows = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        foreach (string table in rows.Where(r => r.StartsWith("table ", StringComparison.Ordinal)).Select(r => r.Split(' ')[1]).ToList())
        {
            using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            rows.Add(table + " rows " + count.ExecuteScalar());
        }

        return rows;
    }

    private static List<string> Entries(string folder) => Directory.GetFileSystemEntries(folder).Order(StringComparer.Ordinal).ToList();
}
