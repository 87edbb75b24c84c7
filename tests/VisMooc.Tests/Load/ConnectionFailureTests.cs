using System.Net;
using System.Net.Sockets;
using VisMooc.Generated;
using VisMooc.Modules.Load;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Load;

/// <summary>A server that cannot be reached is named with HOST:PORT and the reason: refused, timed out, or an unknown host.</summary>
public sealed class ConnectionFailureTests
{
    private const string Password = "never-shown-Pa55";

    [Fact]
    public void ARefusedConnectionSaysSo()
    {
        using var temp = new LoadFixtures.TempFolder();
        int port = ClosedPort();

        var load = ToolRunner.Run(["load", EmptyTables(temp.Path), "--db", $"mysql://moocdb@127.0.0.1:{port}/moocdb"], new Dictionary<string, string?> { ["VISMOOC_DB_PASSWORD"] = Password });

        Assert.Equal(1, load.ExitCode);
        Assert.Equal($"vismooc: error: mysql://moocdb@127.0.0.1:{port}/moocdb: cannot connect to 127.0.0.1:{port}: connection refused "
            + "(nothing listens on that port: is the server running, and is the port right?); nothing was loaded\n", load.StdErr);
    }

    [Fact]
    public void AnUnknownHostSaysSo()
    {
        using var temp = new LoadFixtures.TempFolder();

        var load = ToolRunner.Run(["load", EmptyTables(temp.Path), "--db", "mysql://moocdb@no-such-host.invalid/moocdb"], new Dictionary<string, string?> { ["VISMOOC_DB_PASSWORD"] = Password });

        Assert.Equal(1, load.ExitCode);
        Assert.Equal("vismooc: error: mysql://moocdb@no-such-host.invalid:3306/moocdb: cannot connect to no-such-host.invalid:3306: unknown host 'no-such-host.invalid' "
            + "(the name does not resolve: check its spelling, or give an IP address); nothing was loaded\n", load.StdErr);
    }

    [Fact]
    public void AServerThatNeverAnswersTimesOut()
    {
        using var temp = new LoadFixtures.TempFolder();
        // Accepts connections (the kernel completes them) and never says a word, as a hung server does.
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            int port = ((IPEndPoint)silent.LocalEndpoint).Port;
            var target = LoadTarget.MySql("moocdb", "127.0.0.1", port, "moocdb");

            var error = Assert.Throws<LoadException>(() => MySqlLoader.Load(EmptyTables(temp.Path), target, Password, LoadMode.Ignore, GeneratedTables.All,
                waits: new LoadWaits { Connect = TimeSpan.FromSeconds(1) }));

            Assert.Equal($"mysql://moocdb@127.0.0.1:{port}/moocdb: cannot connect to 127.0.0.1:{port}: timed out after 1 s without an answer "
                + "(a wrong host or port, a firewall that drops the connection, or a server too busy to answer); nothing was loaded", error.Message);
        }
        finally
        {
            silent.Stop();
        }
    }

    /// <summary>A CSV folder with every table empty: the load gets as far as connecting.</summary>
    private static string EmptyTables(string root)
    {
        string csv = Path.Combine(root, "csv");
        Directory.CreateDirectory(csv);
        foreach (var table in GeneratedTables.All)
        {
            File.WriteAllBytes(Path.Combine(csv, table.Info.CsvFileName), []);
        }

        VisMooc.Tests.Load.LoadFixtures.Vouch(csv);

        return csv;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
