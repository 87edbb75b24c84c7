using System.Diagnostics;
using MySqlConnector;
using VisMooc.Generated;
using VisMooc.Modules.Load;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Load;

[Collection(MariaDbCollection.Name)]
public sealed class MariaDbLoadTests(MariaDbServerFixture fixture)
{
    private MariaDbServer Server => fixture.Server;

    [MariaDbFact]
    public void HostileValuesComeBackEqualThroughConvertLoadSelect()
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        string database = NewDatabase();

        MySqlLoader.Load(csv, LoadTarget.Parse(Server.Target(database)), MariaDbServer.Password, LoadMode.Ignore, GeneratedTables.All);

        using var connection = Server.OpenAdmin(database);
        var forum = DatabaseReader.MySql(connection, "forum").ToDictionary(r => r[1]!);
        var users = DatabaseReader.MySql(connection, "users").ToDictionary(r => r[1]!);
        for (int i = 0; i < LoadFixtures.Hostile.Length; i++)
        {
            var row = forum[LoadFixtures.Oid(i)];
            Assert.Equal(LoadFixtures.Hostile[i], row[6]);
            Assert.Equal(LoadFixtures.Hostile[i], row[8]);
            Assert.Equal(i == 0 ? null : "2099-03-05 09:30:00", row[4]);
            Assert.Null(row[5]);
            string expectedBio = LoadFixtures.Hostile[i] == "NULL" ? "" : LoadFixtures.Hostile[i];
            Assert.Equal(expectedBio, users[(7000000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)][8]);
        }
    }

    [MariaDbFact]
    public void SqliteAndMariaDbHoldTheSameValues()
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        string database = NewDatabase();
        string sqlite = Path.Combine(temp.Path, "db.sqlite");
        MySqlLoader.Load(csv, LoadTarget.Parse(Server.Target(database)), MariaDbServer.Password, LoadMode.Ignore, GeneratedTables.All);
        SqliteLoader.Load(csv, sqlite, LoadMode.Ignore, GeneratedTables.All);

        using var connection = Server.OpenAdmin(database);
        foreach (var table in TablesWithoutLogs.All)
        {
            Assert.Equal(Sorted(DatabaseReader.Sqlite(sqlite, table.Info.Name)), Sorted(DatabaseReader.MySql(connection, table.Info.Name)));
        }
    }

    [MariaDbFact]
    public void LoadingTwiceInIgnoreModeChangesNothingAndReplaceModeUpdates()
    {
        using var first = new LoadFixtures.TempFolder();
        using var newer = new LoadFixtures.TempFolder();
        string database = NewDatabase();
        var target = LoadTarget.Parse(Server.Target(database));
        string csv = LoadFixtures.ConvertHostile(first.Path, grade: "0.87");
        MySqlLoader.Load(csv, target, MariaDbServer.Password, LoadMode.Ignore, GeneratedTables.All);
        var before = Snapshot(database);

        var again = MySqlLoader.Load(csv, target, MariaDbServer.Password, LoadMode.Ignore, GeneratedTables.All);
        Assert.All(again.Tables, t => Assert.Equal((t.Rows, 0L), (t.Kept, t.Inserted)));
        Assert.Equal(before, Snapshot(database));

        string newerCsv = LoadFixtures.ConvertHostile(newer.Path, grade: "0.93");
        MySqlLoader.Load(newerCsv, target, MariaDbServer.Password, LoadMode.Ignore, GeneratedTables.All);
        Assert.Equal("0.87", Snapshot(database)["grades"].Single(g => g[0] == "31")[4]);
        var replaced = MySqlLoader.Load(newerCsv, target, MariaDbServer.Password, LoadMode.Replace, GeneratedTables.All);
        Assert.Equal("0.93", Snapshot(database)["grades"].Single(g => g[0] == "31")[4]);
        Assert.Equal(2, replaced.Tables.Single(t => t.Table == "grades").Replaced);
    }

    [MariaDbFact]
    public void ALoadThatFailsHalfwayLeavesEveryTableAsItWas()
    {
        using var temp = new LoadFixtures.TempFolder();
        using var newer = new LoadFixtures.TempFolder();
        string database = NewDatabase();
        var target = LoadTarget.Parse(Server.Target(database));
        MySqlLoader.Load(LoadFixtures.ConvertHostile(temp.Path), target, MariaDbServer.Password, LoadMode.Ignore, GeneratedTables.All);
        var before = Snapshot(database);

        string newerCsv = LoadFixtures.ConvertHostile(newer.Path, grade: "0.99");
        // users is the last table: every other table has been staged when its broken row is met.
        File.AppendAllText(Path.Combine(newerCsv, "users.csv"), "\"1\",\"2\"\n");
        LoadFixtures.Vouch(newerCsv); // as if a conversion wrote the bad row: the load fails halfway, not at the check
        var error = Assert.Throws<LoadException>(() => MySqlLoader.Load(newerCsv, target, MariaDbServer.Password, LoadMode.Replace, GeneratedTables.All));

        Assert.Contains("users.csv", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(database));
    }

    [MariaDbFact]
    public void ALoadOfAValueTooLongForItsColumnFailsInsteadOfTruncating()
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        string database = NewDatabase();
        var target = LoadTarget.Parse(Server.Target(database));
        string grades = Path.Combine(csv, "grades.csv");
        File.WriteAllText(grades, File.ReadAllText(grades).Replace("\"0.87\"", "\"" + new string('9', 40) + "\"", StringComparison.Ordinal));

        var error = Assert.Throws<LoadException>(() => MySqlLoader.Load(csv, target, MariaDbServer.Password, LoadMode.Ignore, GeneratedTables.All));

        Assert.Contains("grades.csv", error.Message, StringComparison.Ordinal);
        // The database was this load's own: a failed load leaves nothing that was not there before.
        Assert.False(DatabaseExists(database));
    }

    [MariaDbFact]
    public void BadConnectionsAreOneLineErrorsWithoutThePassword()
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        string database = NewDatabase();

        var wrong = ToolRunner.Run(["load", csv, "--db", Server.Target(database)], new Dictionary<string, string?> { ["VISMOOC_DB_PASSWORD"] = "wrong-secret-123" });
        Assert.Equal(1, wrong.ExitCode);
        Assert.Single(wrong.StdErr.Trim().Split('\n'));
        Assert.Contains("Access denied", wrong.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret-123", wrong.StdErr + wrong.StdOut, StringComparison.Ordinal);

        var none = ToolRunner.Run(["load", csv, "--db", Server.Target(database)], new Dictionary<string, string?> { ["VISMOOC_DB_PASSWORD"] = null });
        Assert.Equal(1, none.ExitCode);
        Assert.Single(none.StdErr.Trim().Split('\n'));
        Assert.Contains("no password was given: set VISMOOC_DB_PASSWORD or use --password-file", none.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("no password was given", wrong.StdErr, StringComparison.Ordinal);

        int closedPort = ClosedPort();
        var unreachable = ToolRunner.Run(["load", csv, "--db", $"mysql://{MariaDbServer.User}@127.0.0.1:{closedPort}/{database}"],
            new Dictionary<string, string?> { ["VISMOOC_DB_PASSWORD"] = MariaDbServer.Password });
        Assert.Equal(1, unreachable.ExitCode);
        Assert.Single(unreachable.StdErr.Trim().Split('\n'));
        Assert.DoesNotContain(MariaDbServer.Password, unreachable.StdErr + unreachable.StdOut, StringComparison.Ordinal);

        var inUrl = ToolRunner.Run(["load", csv, "--db", $"mysql://{MariaDbServer.User}:secret@127.0.0.1:{Server.Port}/{database}"]);
        Assert.Equal(2, inUrl.ExitCode);
        Assert.Contains("do not put the password in --db", inUrl.StdErr, StringComparison.Ordinal);
    }

    [MariaDbFact]
    public void PasswordFileAndEnvironmentBothWork()
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        string passwordFile = Path.Combine(temp.Path, "password");
        File.WriteAllText(passwordFile, MariaDbServer.Password + "\n");

        var fromFile = ToolRunner.Run(["load", csv, "--db", Server.Target(NewDatabase()), "--password-file", passwordFile]);
        var fromEnvironment = ToolRunner.Run(["load", csv, "--db", Server.Target(NewDatabase())], new Dictionary<string, string?> { ["VISMOOC_DB_PASSWORD"] = MariaDbServer.Password });

        Assert.Equal(0, fromFile.ExitCode);
        Assert.Equal(0, fromEnvironment.ExitCode);
        Assert.DoesNotContain(MariaDbServer.Password, fromFile.StdOut + fromFile.StdErr + fromEnvironment.StdOut + fromEnvironment.StdErr, StringComparison.Ordinal);
    }

    [MariaDbFact]
    public void TheGeneratedScriptLoadsTheSameValuesThroughTheMysqlClient()
    {
        string client = MariaDbServer.FindBinary("mariadb") ?? MariaDbServer.FindBinary("mysql")
            ?? throw new InvalidOperationException("the mariadb client is not installed (apt-get install mariadb-client)");
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        // The script loads every table's CSV; a conversion without tracking logs writes no click_events.csv.
        File.WriteAllBytes(Path.Combine(csv, "click_events.csv"), []);
        string viaScript = NewDatabase();
        string viaLoader = NewDatabase();
        string script = GeneratedTables.MySqlScript.Replace("DB_NAME", viaScript, StringComparison.Ordinal).Replace("MOOCDB_DIR", csv, StringComparison.Ordinal);

        var start = new ProcessStartInfo(client)
        {
            ArgumentList = { "--no-defaults", "--local-infile=1", "--user=root", "--socket=" + Server.Socket, "--default-character-set=utf8mb4" },
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using (var process = Process.Start(start)!)
        {
            process.StandardInput.Write(script);
            process.StandardInput.Close();
            string stderr = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, "mariadb client failed: " + stderr);
        }

        // The script loads every table's file, click_events' (empty here) too; a conversion without logs writes none, and the loader skips it.
        File.Delete(Path.Combine(csv, "click_events.csv"));
        MySqlLoader.Load(csv, LoadTarget.Parse(Server.Target(viaLoader)), MariaDbServer.Password, LoadMode.Ignore, GeneratedTables.All);
        Assert.Equal(Snapshot(viaLoader), Snapshot(viaScript));
        Assert.Equal(LoadFixtures.Hostile.Length, Snapshot(viaScript)["forum"].Count);
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private bool DatabaseExists(string database)
    {
        using var admin = Server.OpenAdmin();
        using var command = new MySqlCommand("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = @db", admin);
        command.Parameters.AddWithValue("@db", database);
        return System.Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    private static string NewDatabase() => "t_" + Guid.NewGuid().ToString("N")[..16];

    private Dictionary<string, List<string?[]>> Snapshot(string database)
    {
        using var connection = Server.OpenAdmin(database);
        return TablesWithoutLogs.All.ToDictionary(t => t.Info.Name, t => DatabaseReader.MySql(connection, t.Info.Name));
    }

    private static List<string?[]> Sorted(List<string?[]> rows) => rows.OrderBy(r => r[0], StringComparer.Ordinal).ToList();
}
