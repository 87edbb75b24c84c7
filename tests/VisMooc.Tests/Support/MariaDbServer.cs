using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MySqlConnector;

namespace VisMooc.Tests.Support;

/// <summary>
/// A throwaway MariaDB server for tests: its own data folder, socket and loopback port under a temp
/// folder, started once per test collection and shut down afterwards.
/// </summary>
public sealed class MariaDbServer : IDisposable
{
    /// <summary>User the tests load as (password auth over TCP, like a real MOOCdb setup).</summary>
    public const string User = "vismooc";

    /// <summary>That user's password (only ever passed through the environment or a file).</summary>
    public const string Password = "test-only-Pa55";

    private readonly Process _server;
    private readonly string _folder;

    /// <summary>Initialises a data folder and starts the server; returns when it accepts connections.</summary>
    public MariaDbServer()
    {
        string mariadbd = FindBinary("mariadbd") ?? throw new InvalidOperationException("mariadbd is not installed (apt-get install mariadb-server)");
        string install = FindBinary("mariadb-install-db") ?? throw new InvalidOperationException("mariadb-install-db is not installed");
        _folder = Path.Combine(Path.GetTempPath(), "vismooc-mariadb-" + Guid.NewGuid().ToString("N")[..12]);
        string data = Path.Combine(_folder, "data");
        Directory.CreateDirectory(data);
        Socket = Path.Combine(_folder, "mysqld.sock");
        Port = FreePort();

        Run(install, $"--no-defaults --datadir={data} --user=root --auth-root-authentication-method=normal --skip-test-db");

        var start = new ProcessStartInfo(mariadbd)
        {
            ArgumentList =
            {
                "--no-defaults", "--datadir=" + data, "--socket=" + Socket, "--port=" + Port, "--bind-address=127.0.0.1",
                "--user=root", "--local-infile=1", "--skip-log-bin", "--innodb-buffer-pool-size=64M",
                "--pid-file=" + Path.Combine(_folder, "mysqld.pid"), "--skip-name-resolve",
            },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        _server = Process.Start(start)!;
        // The server logs to stderr; it is ready when it says so (or failed when it exits first).
        var log = new System.Text.StringBuilder();
        while (true)
        {
            string? line = _server.StandardError.ReadLine();
            if (line is null)
            {
                throw new InvalidOperationException("mariadbd exited before it was ready:\n" + log);
            }

            log.AppendLine(line);
            if (line.Contains("ready for connections", StringComparison.Ordinal))
            {
                break;
            }
        }

        // Keep draining both pipes so the server never blocks on a full one.
        var stderr = _server.StandardError;
        _ = Task.Run(() =>
        {
            while (stderr.ReadLine() is not null)
            {
            }
        });
        _server.OutputDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();

        using var admin = OpenAdmin();
        Execute(admin, $"CREATE USER '{User}'@'%' IDENTIFIED BY '{Password}'");
        Execute(admin, $"GRANT ALL PRIVILEGES ON *.* TO '{User}'@'%'");
    }

    /// <summary>The loopback TCP port.</summary>
    public int Port { get; }

    /// <summary>The unix socket (root access).</summary>
    public string Socket { get; }

    /// <summary>Finds a server binary on PATH or in /usr/sbin, /usr/bin.</summary>
    public static string? FindBinary(string name)
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Concat(["/usr/sbin", "/usr/bin", "/usr/local/bin", "/usr/local/sbin"]);
        return dirs.Where(d => d.Length > 0).Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
    }

    /// <summary>A connection as root over the socket (for setting up and inspecting).</summary>
    public MySqlConnection OpenAdmin(string? database = null)
    {
        var builder = new MySqlConnectionStringBuilder
        {
            Server = Socket,
            ConnectionProtocol = MySqlConnectionProtocol.UnixSocket,
            UserID = "root",
            Database = database ?? "",
            Pooling = false,
            CharacterSet = "utf8mb4",
            AllowLoadLocalInfile = true,
        };
        var connection = new MySqlConnection(builder.ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>The <c>--db</c> target for a database.</summary>
    public string Target(string database) => $"mysql://{User}@127.0.0.1:{Port}/{database}";

    /// <summary>Runs a statement.</summary>
    public static void Execute(MySqlConnection connection, string sql)
    {
        using var command = new MySqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            using var admin = OpenAdmin();
            Execute(admin, "SHUTDOWN");
        }
        catch (MySqlException)
        {
            // Already down: fall through to the kill below.
        }

        if (!_server.WaitForExit(30_000))
        {
            _server.Kill(entireProcessTree: true);
            _server.WaitForExit();
        }

        _server.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string file, string arguments)
    {
        var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {stderr}{stdout.Result}");
        }
    }
}
