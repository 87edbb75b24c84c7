using MySqlConnector;
using VisMooc.Generated;
using VisMooc.Modules.Load;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Load;

/// <summary>
/// MariaDB loads are all or nothing whatever the server's default engine, refuse tables that cannot
/// roll back or have another shape, leave nothing they created when they fail, and run one at a time.
/// </summary>
[Collection(MariaDbCollection.Name)]
public sealed class MariaDbLoadSafetyTests(MariaDbServerFixture fixture)
{
    private MariaDbServer Server => fixture.Server;

    private Dictionary<string, string?> PasswordEnvironment { get; } = new() { ["VISMOOC_DB_PASSWORD"] = MariaDbServer.Password };

    [MariaDbFact]
    public void OnAServerWhoseDefaultEngineIsAriaTheTablesAreInnoDbAndAFailedLoadLeavesNothing()
    {
        using var temp = new LoadFixtures.TempFolder();
        using var newer = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        string broken = LoadFixtures.ConvertHostile(newer.Path, grade: "0.99");
        // users is loaded last: every other table is in place (or staged) when its broken row is met.
        File.AppendAllText(Path.Combine(broken, "users.csv"), "\"1\",\"2\"\n");
        LoadFixtures.Vouch(broken); // as if a conversion wrote the bad row: the load fails halfway, not at the check
        string database = NewDatabase();
        var target = LoadTarget.Parse(Server.Target(database));
        using var admin = Server.OpenAdmin();
        MariaDbServer.Execute(admin, $"CREATE DATABASE {database}");
        MariaDbServer.Execute(admin, "SET GLOBAL default_storage_engine = 'Aria'");
        try
        {
            var first = Assert.Throws<LoadException>(() => MySqlLoader.Load(broken, target, MariaDbServer.Password, LoadMode.Ignore, GeneratedTables.All));
            Assert.Contains("users.csv", first.Message, StringComparison.Ordinal);
            Assert.Empty(Engines(database)); // the tables this load made are gone, with no row in them

            MySqlLoader.Load(csv, target, MariaDbServer.Password, LoadMode.Ignore, GeneratedTables.All);
            Assert.Equal(TablesWithoutLogs.All.Select(t => (t.Info.Name, "InnoDB")).Order(), Engines(database).Order());
            var before = Snapshot(database);

            Assert.Throws<LoadException>(() => MySqlLoader.Load(broken, target, MariaDbServer.Password, LoadMode.Replace, GeneratedTables.All));
            Assert.Equal(before, Snapshot(database));
        }
        finally
        {
            MariaDbServer.Execute(admin, "SET GLOBAL default_storage_engine = 'InnoDB'");
        }
    }

    [MariaDbFact]
    public void ExistingTablesOnANonTransactionalEngineAreRefusedOnOneLineAndLeftAsTheyWere()
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        string database = NewDatabase();
        using (var admin = Server.OpenAdmin())
        {
            MariaDbServer.Execute(admin, $"CREATE DATABASE {database}");
        }

        using (var admin = Server.OpenAdmin(database))
        {
            foreach (var table in TablesWithoutLogs.All)
            {
                // MyISAM keys hold at most 1000 bytes: a varchar(255) key fits only in a 3-byte
                // character set, as in databases made by the original script (which named none).
                string engine = table.Info.Name is "courses" or "course_video" ? "ENGINE=MyISAM DEFAULT CHARSET=utf8mb3" : "ENGINE=Aria DEFAULT CHARSET=utf8mb4";
                MariaDbServer.Execute(admin, table.Info.MySqlCreate.Replace("ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin", engine, StringComparison.Ordinal));
            }

            MariaDbServer.Execute(admin, "INSERT INTO grades VALUES ('g1', '7', 'course-v1:X+Y+Z', NULL, '0.5')");
        }

        var before = Snapshot(database);

        var load = ToolRunner.Run(["load", csv, "--db", Server.Target(database)], PasswordEnvironment);

        Assert.Equal(1, load.ExitCode);
        Assert.Single(load.StdErr.Trim().Split('\n'));
        Assert.Contains("tables courses (MyISAM), course_video (MyISAM), videos (Aria)", load.StdErr, StringComparison.Ordinal);
        Assert.Contains("use engines that cannot roll a failed load back; convert them (ALTER TABLE courses ENGINE=InnoDB, and so on)", load.StdErr, StringComparison.Ordinal);
        Assert.EndsWith("nothing was loaded\n", load.StdErr, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(database));
    }

    [MariaDbFact]
    public void ExistingTablesOfAnotherShapeAreRefusedAndWiderOnesAccepted()
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        (string Table, string From, string To, string Expected)[] refused =
        [
            // The original MOOCdb script's users table.
            ("users", "username varchar(40)", "username varchar(30)", "table users is not as vismooc declares it: column username is varchar(30), declared varchar(40)"),
            ("forum", ",\n    PRIMARY KEY (_id)\n", "\n", "table forum is not as vismooc declares it: it has no primary key, declared PRIMARY KEY (_id)"),
            ("grades", "timestamp datetime NULL", "timestamp datetime NOT NULL", "column timestamp is NOT NULL, declared NULL"),
            ("courses", "DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin", "DEFAULT CHARSET=latin1", "column _id has character set latin1, declared utf8mb4"),
            ("users", "    PRIMARY KEY (_id)", "    PRIMARY KEY (_id),\n    UNIQUE KEY by_name (username)", "its unique index by_name (username) is not declared"),
            ("enrollments", "action TINYINT", "action TINYINT UNSIGNED", "column action is tinyint(3) unsigned, declared TINYINT"),
            ("forum", "COLLATE=utf8mb4_bin", "COLLATE=utf8mb4_unicode_ci", "column _id has collation utf8mb4_unicode_ci, declared utf8mb4_bin"),
        ];
        foreach (var (table, from, to, expected) in refused)
        {
            string database = CreateDatabaseWith(table, from, to);
            var before = Snapshot(database);

            var error = Assert.Throws<LoadException>(() => MySqlLoader.Load(csv, LoadTarget.Parse(Server.Target(database)), MariaDbServer.Password, LoadMode.Ignore, GeneratedTables.All));

            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
            Assert.EndsWith("nothing was loaded", error.Message, StringComparison.Ordinal);
            Assert.Equal(before, Snapshot(database));
            Assert.Equal([table], Engines(database).Select(e => e.Table)); // nothing created beside it
        }

        // Wider types hold every value: a longer varchar, a text type, a larger integer.
        string wider = CreateDatabaseWith("users", "username varchar(40)", "username text", ("grades", "grade varchar(32)", "grade varchar(255)"), ("enrollments", "action TINYINT", "action INT"));
        MySqlLoader.Load(csv, LoadTarget.Parse(Server.Target(wider)), MariaDbServer.Password, LoadMode.Ignore, GeneratedTables.All);
        Assert.Equal(LoadFixtures.Hostile.Length, Snapshot(wider)["users"].Count);
    }

    [MariaDbFact]
    public void AUserWhoMayOnlyWriteTheTablesCanLoadIntoTheExistingDatabase()
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        string database = CreateDatabaseWith(null, "", "");
        string user = "tables_" + Guid.NewGuid().ToString("N")[..8];
        using var admin = Server.OpenAdmin();
        MariaDbServer.Execute(admin, $"CREATE USER '{user}'@'%' IDENTIFIED BY '{MariaDbServer.Password}'");
        try
        {
            foreach (var table in TablesWithoutLogs.All)
            {
                MariaDbServer.Execute(admin, $"GRANT SELECT, INSERT, UPDATE ON {database}.{table.Info.Name} TO '{user}'@'%'");
            }

            var load = ToolRunner.Run(["load", csv, "--db", $"mysql://{user}@127.0.0.1:{Server.Port}/{database}"], PasswordEnvironment);

            Assert.True(load.ExitCode == 0, load.StdErr);
            Assert.Equal(LoadFixtures.Hostile.Length, Snapshot(database)["forum"].Count);
        }
        finally
        {
            MariaDbServer.Execute(admin, $"DROP USER '{user}'@'%'");
        }
    }

    [MariaDbFact]
    public void TwoLoadsIntoOneDatabaseRunOneAfterTheOther()
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        string database = NewDatabase();
        using var holder = Server.OpenAdmin();
        // Another load's lock (the README names it), held until both loads say they wait for it;
        // then the two race for it, really at once.
        Assert.Equal(1L, Scalar(holder, $"SELECT GET_LOCK('vismooc load {database}', 0)"));
        using var first = new ToolProcess(["load", csv, "--db", Server.Target(database), "--json"], PasswordEnvironment);
        using var second = new ToolProcess(["load", csv, "--db", Server.Target(database), "--json"], PasswordEnvironment);
        string waiting = $"vismooc: {LoadTarget.Parse(Server.Target(database))}: another load into this database is running (server connection ";
        Assert.True(first.WaitUntil(() => first.StdErrSoFar.Contains(waiting, StringComparison.Ordinal)), first.Describe());
        Assert.True(second.WaitUntil(() => second.StdErrSoFar.Contains(waiting, StringComparison.Ordinal)), second.Describe());
        Assert.Equal(1L, Scalar(holder, $"SELECT RELEASE_LOCK('vismooc load {database}')"));

        var (firstExit, firstErr) = first.WaitForExit();
        var (secondExit, secondErr) = second.WaitForExit();

        Assert.True(firstExit == 0, firstErr);
        Assert.True(secondExit == 0, secondErr);
        // One inserted every row and the other kept them all; nobody saw a duplicate key.
        Assert.Equal([(0L, (long)LoadFixtures.Hostile.Length), (LoadFixtures.Hostile.Length, 0)],
            new[] { SqliteLoadSafetyTests.Forum(first.StdOut), SqliteLoadSafetyTests.Forum(second.StdOut) }.Order());
        Assert.Equal(LoadFixtures.Hostile.Length, Snapshot(database)["forum"].Count);
    }

    [MariaDbFact]
    public void ALoadThatWaitsTooLongForAnotherFailsOnOneLineAndSaidItWasWaiting()
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        string database = NewDatabase();
        var target = LoadTarget.Parse(Server.Target(database));
        using var holder = Server.OpenAdmin();
        Scalar(holder, $"SELECT GET_LOCK('vismooc load {database}', 0)");
        long holderId = Scalar(holder, "SELECT CONNECTION_ID()");
        var notices = new List<string>();

        var error = Assert.Throws<LoadException>(() => MySqlLoader.Load(csv, target, MariaDbServer.Password, LoadMode.Ignore, GeneratedTables.All,
            notice: notices.Add, waits: new LoadWaits { OtherLoad = TimeSpan.FromSeconds(1) }));

        Assert.Equal([$"{target}: another load into this database is running (server connection {holderId}); waiting up to 1 s for it to finish"], notices);
        Assert.Equal($"{target}: another load into this database was still running after 1 s; run this load again when it has finished; nothing was loaded", error.Message);
        Assert.False(DatabaseExists(database));
    }

    /// <summary>A new database holding every declared table, one of them changed by replacing <paramref name="from"/> with <paramref name="to"/>.</summary>
    private string CreateDatabaseWith(string? table, string from, string to, params (string Table, string From, string To)[] more)
    {
        string database = NewDatabase();
        using (var admin = Server.OpenAdmin())
        {
            MariaDbServer.Execute(admin, $"CREATE DATABASE {database}");
        }

        using var connection = Server.OpenAdmin(database);
        var changes = more.Prepend((Table: table ?? "", From: from, To: to)).ToList();
        foreach (var info in GeneratedTables.All.Select(t => t.Info))
        {
            // With a table named, only that one (changed) exists; with none, all of them as declared.
            if (table is not null && more.Length == 0 && info.Name != table)
            {
                continue;
            }

            string create = info.MySqlCreate;
            foreach (var change in changes.Where(c => c.Table == info.Name))
            {
                Assert.Contains(change.From, create, StringComparison.Ordinal);
                create = create.Replace(change.From, change.To, StringComparison.Ordinal);
            }

            MariaDbServer.Execute(connection, create);
        }

        return database;
    }

    private List<(string Table, string Engine)> Engines(string database)
    {
        using var admin = Server.OpenAdmin();
        using var command = new MySqlCommand("SELECT TABLE_NAME, ENGINE FROM information_schema.TABLES WHERE TABLE_SCHEMA = @db", admin);
        command.Parameters.AddWithValue("@db", database);
        using var reader = command.ExecuteReader();
        var engines = new List<(string, string)>();
        while (reader.Read())
        {
            engines.Add((reader.GetString(0), reader.GetString(1)));
        }

        return engines;
    }

    private bool DatabaseExists(string database)
    {
        using var admin = Server.OpenAdmin();
        using var command = new MySqlCommand("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = @db", admin);
        command.Parameters.AddWithValue("@db", database);
        return System.Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    private static long Scalar(MySqlConnection connection, string sql)
    {
        using var command = new MySqlCommand(sql, connection);
        return System.Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string NewDatabase() => "s_" + Guid.NewGuid().ToString("N")[..16];

    private Dictionary<string, List<string?[]>> Snapshot(string database)
    {
        using var connection = Server.OpenAdmin(database);
        var existing = Engines(database).Select(e => e.Table).ToHashSet();
        return TablesWithoutLogs.All.Where(t => existing.Contains(t.Info.Name)).ToDictionary(t => t.Info.Name, t => DatabaseReader.MySql(connection, t.Info.Name));
    }
}
