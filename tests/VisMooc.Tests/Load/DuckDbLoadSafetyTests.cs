using DuckDB.NET.Data;
using VisMooc.Generated;
using VisMooc.Modules.Load;
using VisMooc.Modules.Output;
using VisMooc.Modules.Pipeline;
using VisMooc.Tests.Output;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Load;

/// <summary>
/// What a DuckDB load refuses before it writes anything: an existing table that is not as declared
/// (as the SQLite and MariaDB loads do), and a Parquet dataset whose parts are reached through a link.
/// </summary>
public sealed class DuckDbLoadSafetyTests
{
    /// <summary>A table edited away from its declaration, and the phrase that must name the difference.</summary>
    public static TheoryData<string, string, string> Shapes => new()
    {
        { "forum", "timestamptz created_at", "table forum is not as vismooc declares it: column created_at is TIMESTAMP WITH TIME ZONE, declared TIMESTAMP" },
        { "forum", "drop the primary key", "table forum is not as vismooc declares it: it has no primary key, declared PRIMARY KEY (_id)" },
        { "forum", "composite primary key", "its primary key is (_id, course_id), declared (_id)" },
        { "grades", "extra column", "column(s) extra not declared" },
        { "grades", "missing column", "declared column(s) grade missing" },
        { "grades", "renamed column", "column 5 is score, declared grade" },
        { "enrollments", "varchar action", "column action is VARCHAR, declared TINYINT" },
        { "forum", "not null created_at", "column created_at is NOT NULL, declared NULL" },
        { "users", "unique username", "its unique index users_username" },
        { "users", "unique constraint", "its unique index UNIQUE(username) (username) is not declared" },
        { "courses", "view", "table courses is not as vismooc declares it: it is a view, not a table" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void AnExistingTableOfAnotherShapeIsRefusedBeforeAnythingIsWritten(string table, string change, string expected)
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        string db = Path.Combine(temp.Path, "moocdb.duckdb");
        Execute(db, Reshape(table, change));
        var before = Contents(db);

        var error = Assert.Throws<LoadException>(() => DuckDbLoader.Load(csv, db, LoadMode.Ignore, TablesWithoutLogs.All));

        Assert.DoesNotContain('\n', error.Message);
        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), error.Message);
        Assert.Contains("'vismooc schema --dialect duckdb' prints the declarations", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("nothing was loaded", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Contents(db)); // no table created, no row written
    }

    [Fact]
    public void ATableOfTheSameShapeWithWiderIntegersOrAnotherCaseIsAccepted()
    {
        using var temp = new LoadFixtures.TempFolder();
        LoadFixtures.ConvertHostile(temp.Path);
        // Enrollments, the table with an integer column (action), converted with the hostile course.
        File.WriteAllText(Path.Combine(temp.Path, "in", "SynthX-DS101-2099_T1", "SynthX-DS101-2099_T1-student_courseenrollment-prod-analytics.sql"),
            "id\tuser_id\tcourse_id\tcreated\tis_active\tmode\n900\t7000001\tcourse-v1:SynthX+DS101+2099_T1\t2099-02-27 09:20:00\t1\tverified\n901\t7000002\tcourse-v1:SynthX+DS101+2099_T1\t2099-03-02 08:00:00\t0\taudit\n");
        string csv = Path.Combine(temp.Path, "csv2");
        PackageConverter.Run(new ConvertOptions { Input = Path.Combine(temp.Path, "in"), Output = csv }, GeneratedTables.All);
        string db = Path.Combine(temp.Path, "moocdb.duckdb");
        // BIGINT holds every TINYINT; a name in another case is the same table in DuckDB.
        Execute(db, Create("enrollments")
            .Replace("\"action\" TINYINT", "\"action\" BIGINT", StringComparison.Ordinal)
            .Replace("CREATE TABLE IF NOT EXISTS enrollments", "CREATE TABLE Enrollments", StringComparison.Ordinal));

        var result = DuckDbLoader.Load(csv, db, LoadMode.Ignore, TablesWithoutLogs.All);

        long rows = result.Tables.Single(t => t.Table == "enrollments").Inserted;
        Assert.True(rows > 0);
        using var connection = Open(db);
        Assert.Equal(rows, ParquetOutputTests.Scalar<long>(connection, "SELECT count(action) FROM enrollments"));
        Assert.Equal("BIGINT", ParquetOutputTests.Scalar<string>(connection, "SELECT data_type FROM duckdb_columns() WHERE table_name = 'Enrollments' AND column_name = 'action'"));
    }

    /// <summary>Where the link is: the part itself, its partition (course) folder, or its table folder.</summary>
    public static TheoryData<string> Links => new() { "part", "partition folder", "table folder" };

    [Theory]
    [MemberData(nameof(Links))]
    public void AParquetPartReachedThroughASymbolicLinkIsRefused(string link)
    {
        using var temp = new LoadFixtures.TempFolder();
        LoadFixtures.ConvertHostile(temp.Path);
        string folder = Path.Combine(temp.Path, "parquet");
        var run = PackageConverter.Run(new ConvertOptions { Input = Path.Combine(temp.Path, "in"), Output = folder, Format = OutputFormat.Parquet }, GeneratedTables.All);
        // The linked-to copy has the same bytes, so only the link itself can be what is refused.
        string part = Path.Combine(folder, run.ParquetFiles.Single(f => f.Table == "users").File);
        string moved = link switch
        {
            "part" => part,
            "partition folder" => Path.GetDirectoryName(part)!,
            _ => Path.GetDirectoryName(Path.GetDirectoryName(part))!,
        };
        string elsewhere = Path.Combine(temp.Path, "elsewhere");
        if (link == "part")
        {
            File.Move(moved, elsewhere);
            File.CreateSymbolicLink(moved, elsewhere);
        }
        else
        {
            Directory.Move(moved, elsewhere);
            Directory.CreateSymbolicLink(moved, elsewhere);
        }

        string db = Path.Combine(temp.Path, "moocdb.duckdb");
        var error = Assert.Throws<LoadException>(() => DuckDbLoader.Load(folder, db, LoadMode.Ignore, TablesWithoutLogs.All));

        Assert.DoesNotContain('\n', error.Message);
        Assert.StartsWith(moved + ": a " + link + " of the dataset is a symbolic link (to " + elsewhere + ")", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("nothing was loaded", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void ANewFileAppearsUnderItsNameOnlyWhenTheLoadIsComplete()
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        string db = Path.Combine(temp.Path, "out", "moocdb.duckdb");
        var seenDuring = new List<bool>();

        // While it loads, nothing is under the database's name: another load cannot take it for
        // one of its own (and remove it when it fails), and a killed load cannot leave it half-made.
        DuckDbLoader.Load(csv, db, LoadMode.Ignore, TablesWithoutLogs.All, _ => seenDuring.Add(File.Exists(db)));

        Assert.NotEmpty(seenDuring);
        Assert.DoesNotContain(true, seenDuring);
        Assert.Equal(["moocdb.duckdb"], Directory.GetFileSystemEntries(Path.GetDirectoryName(db)!).Select(Path.GetFileName));
        using var connection = Open(db);
        Assert.Equal(LoadFixtures.Hostile.Length, ParquetOutputTests.Scalar<long>(connection, "SELECT count(*) FROM forum"));
    }

    [Fact]
    public void AFailedLoadIntoANewFileLeavesNeitherTheFileNorTheFoldersItMade()
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        // A forum row with two fields too many, vouched for, so the load fails on it halfway through.
        string forum = Path.Combine(csv, "forum.csv");
        File.WriteAllText(forum, "\"a\",\"b\"," + File.ReadAllText(forum));
        LoadFixtures.Vouch(csv);
        string db = Path.Combine(temp.Path, "new", "deeper", "moocdb.duckdb");

        var error = Assert.Throws<LoadException>(() => DuckDbLoader.Load(csv, db, LoadMode.Ignore, TablesWithoutLogs.All));

        Assert.StartsWith("forum.csv:1:", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("nothing was loaded", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "new")));
    }

    [Fact]
    public void ALoadWaitsForAnotherProgramThatHasTheFileOpenAndThenLoads()
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        string db = Path.Combine(temp.Path, "moocdb.duckdb");
        Execute(db, "CREATE TABLE other (x INTEGER)");

        // DuckDB lets one process at a time open a file: the load says it waits, and loads once the other lets go.
        using (var holder = Open(db))
        {
            using var load = new ToolProcess(["load", csv, "--db", "duckdb:" + db]);
            Assert.True(load.WaitUntil(() => load.StdErrSoFar.Contains($"vismooc: duckdb:{db}: another load (or another program) has this database open; waiting up to 10 min for it to finish", StringComparison.Ordinal)), load.Describe());
            holder.Close();
            var (exit, stderr) = load.WaitForExit();
            Assert.True(exit == 0, stderr);
        }

        using var connection = Open(db);
        Assert.Equal(LoadFixtures.Hostile.Length, ParquetOutputTests.Scalar<long>(connection, "SELECT count(*) FROM forum"));
    }

    [Theory]
    [InlineData("a;b.duckdb")]
    [InlineData("c;access_mode=read_only")]
    [InlineData("d'e\"f=g.duckdb")]
    public void APathWithSemicolonsOrEqualsSignsIsTheFileItNames(string name)
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        string db = Path.Combine(temp.Path, "out", name);

        // Never read as settings of the connection: the whole path is the file's name.
        DuckDbLoader.Load(csv, db, LoadMode.Ignore, TablesWithoutLogs.All);

        Assert.Equal([name], Directory.GetFileSystemEntries(Path.GetDirectoryName(db)!).Select(Path.GetFileName));
        using var connection = new DuckDBConnection(new DuckDBConnectionStringBuilder { DataSource = db }.ToString());
        connection.Open();
        Assert.Equal(LoadFixtures.Hostile.Length, ParquetOutputTests.Scalar<long>(connection, "SELECT count(*) FROM forum"));
    }

    [Fact]
    public void AFolderHoldingBothACsvConversionAndAParquetDatasetIsRefused()
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        // A Parquet run of the same package into the CSV folder: loading either alone would drop the other without a word.
        PackageConverter.Run(new ConvertOptions { Input = Path.Combine(temp.Path, "in"), Output = csv, Format = OutputFormat.Parquet }, GeneratedTables.All);
        string db = Path.Combine(temp.Path, "moocdb.duckdb");

        var error = Assert.Throws<LoadException>(() => DuckDbLoader.Load(csv, db, LoadMode.Ignore, TablesWithoutLogs.All));

        Assert.Equal($"{csv}: holds both a CSV conversion (report.json) and a Parquet dataset (report-*.json), so it is not clear which to load: convert into separate folders (or move one of them out) and load each; nothing was loaded", error.Message);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void APartDamagedInPlaceIsNamedAndNothingIsLoaded()
    {
        using var temp = new LoadFixtures.TempFolder();
        LoadFixtures.ConvertHostile(temp.Path);
        string folder = Path.Combine(temp.Path, "parquet");
        var run = PackageConverter.Run(new ConvertOptions { Input = Path.Combine(temp.Path, "in"), Output = folder, Format = OutputFormat.Parquet }, GeneratedTables.All);
        // Damaged inside its column data with its length kept, so the bytes check passes and only DuckDB's read can fail.
        string part = Path.Combine(folder, run.ParquetFiles.Single(f => f.Table == "forum").File);
        byte[] bytes = File.ReadAllBytes(part);
        for (int i = 100; i < 400; i++)
        {
            bytes[i] = 0xFF;
        }

        File.WriteAllBytes(part, bytes);
        string db = Path.Combine(temp.Path, "moocdb.duckdb");

        var error = Assert.Throws<LoadException>(() => DuckDbLoader.Load(folder, db, LoadMode.Ignore, TablesWithoutLogs.All));

        Assert.DoesNotContain('\n', error.Message);
        Assert.StartsWith(part + ": DuckDB cannot read it (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("): it was damaged or changed after the conversion; copy it again; nothing was loaded", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }

    private static string Create(string table) => GeneratedTables.All.Single(t => t.Info.Name == table).Info.DuckDbCreate;

    private static string Reshape(string table, string change)
    {
        string create = Create(table);
        return change switch
        {
            "timestamptz created_at" => create.Replace("\"created_at\" TIMESTAMP NULL", "\"created_at\" TIMESTAMPTZ NULL", StringComparison.Ordinal),
            "drop the primary key" => create.Replace(",\n    PRIMARY KEY (\"_id\")\n", "\n", StringComparison.Ordinal),
            "composite primary key" => create.Replace("PRIMARY KEY (\"_id\")", "PRIMARY KEY (\"_id\", \"course_id\")", StringComparison.Ordinal),
            "extra column" => create.Replace("    PRIMARY KEY (\"_id\")", "    extra VARCHAR NULL,\n    PRIMARY KEY (\"_id\")", StringComparison.Ordinal),
            "missing column" => create.Replace("    \"grade\" VARCHAR NOT NULL,\n", "", StringComparison.Ordinal),
            "renamed column" => create.Replace("    \"grade\" VARCHAR NOT NULL,", "    score VARCHAR NOT NULL,", StringComparison.Ordinal),
            "varchar action" => create.Replace("\"action\" TINYINT", "\"action\" VARCHAR", StringComparison.Ordinal),
            "not null created_at" => create.Replace("\"created_at\" TIMESTAMP NULL", "\"created_at\" TIMESTAMP NOT NULL", StringComparison.Ordinal),
            "unique username" => create + "\nCREATE UNIQUE INDEX users_username ON users (username);",
            "unique constraint" => create.Replace("\"username\" VARCHAR NOT NULL,", "\"username\" VARCHAR NOT NULL UNIQUE,", StringComparison.Ordinal),
            "view" => "CREATE VIEW courses AS SELECT 1 AS _id;",
            _ => throw new ArgumentException(change),
        } is var reshaped && reshaped != create ? reshaped : throw new ArgumentException($"{change}: the declaration no longer has what this case edits");
    }

    /// <summary>Every table and view of the file, with its columns and rows.</summary>
    private static List<string> Contents(string db)
    {
        using var connection = Open(db);
        var contents = ParquetOutputTests.Rows(connection, "SELECT table_name, column_name, data_type FROM duckdb_columns() ORDER BY ALL")
            .Select(r => string.Join(" ", r)).ToList();
        foreach (var table in ParquetOutputTests.Rows(connection, "SELECT table_name FROM duckdb_tables() ORDER BY ALL"))
        {
            contents.Add(table[0] + ": " + ParquetOutputTests.Scalar<long>(connection, $"SELECT count(*) FROM {table[0]}").ToString(System.Globalization.CultureInfo.InvariantCulture) + " rows");
        }

        return contents;
    }

    private static void Execute(string db, string sql)
    {
        using var connection = Open(db);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static DuckDBConnection Open(string file)
    {
        var db = new DuckDBConnection("DataSource=" + file);
        db.Open();
        return db;
    }
}
