using MySqlConnector;
using VisMooc.Generated;
using VisMooc.Modules.Load;
using VisMooc.Tests.Load;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Safety;

/// <summary>Issue 12: Ctrl-C during a MariaDB load cancels the running statement, says so, and leaves every table as it was.</summary>
[Collection(MariaDbCollection.Name)]
public sealed class MariaDbInterruptTests(MariaDbServerFixture fixture, LoadKillTests.CsvFixture csv) : IClassFixture<LoadKillTests.CsvFixture>
{
    [MariaDbFact]
    public void AMariaDbLoadInterruptedWhileStagingSaysSoAndLeavesEveryTableAsItWas()
    {
        var server = fixture.Server;
        string database = "interrupt_" + Guid.NewGuid().ToString("N")[..12];
        MySqlLoader.Load(csv.Earlier, LoadTarget.Parse(server.Target(database)), MariaDbServer.Password, LoadMode.Ignore, GeneratedTables.All);
        var before = Snapshot(database);
        var password = new Dictionary<string, string?> { ["VISMOOC_DB_PASSWORD"] = MariaDbServer.Password };
        using var admin = server.OpenAdmin();

        int exitCode;
        string stderr;
        using (var tool = ToolProcess.Interruptible(["load", csv.Large, "--db", server.Target(database), "--quiet"], password))
        {
            Assert.True(tool.WaitUntil(() => Running(admin, database, "LOAD DATA%") > 0), "the load ended before a LOAD DATA statement ran; " + tool.Describe());
            tool.Signal(ToolProcess.SigInt);
            (exitCode, stderr) = tool.WaitForExit();
        }

        Assert.Equal((130, $"vismooc: interrupted: nothing was loaded; {LoadTarget.Parse(server.Target(database))} is unchanged\n"), (exitCode, stderr));
        Assert.True(Poll.Until(() => Running(admin, database, "%") == 0, TimeSpan.FromSeconds(60)), "the interrupted load's connection stayed");
        Assert.Equal(before, Snapshot(database));
    }

    private static long Running(MySqlConnection admin, string database, string info)
    {
        using var command = new MySqlCommand("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = @user AND DB = @db AND COALESCE(INFO, '') LIKE @info", admin);
        command.Parameters.AddWithValue("@user", MariaDbServer.User);
        command.Parameters.AddWithValue("@db", database);
        command.Parameters.AddWithValue("@info", info);
        return System.Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private Dictionary<string, List<string?[]>> Snapshot(string database)
    {
        using var connection = fixture.Server.OpenAdmin(database);
        return TablesWithoutLogs.All.ToDictionary(t => t.Info.Name, t => DatabaseReader.MySql(connection, t.Info.Name));
    }
}
