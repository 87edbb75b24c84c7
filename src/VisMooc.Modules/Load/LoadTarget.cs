using System.Globalization;

namespace VisMooc.Modules.Load;

/// <summary>Where to load: <c>sqlite:PATH</c> or <c>mysql://USER@HOST[:PORT]/DATABASE</c> (no password in it).</summary>
public sealed record LoadTarget
{
    /// <summary>True for MySQL/MariaDB, false for SQLite.</summary>
    public bool IsMySql { get; private init; }

    /// <summary>SQLite database file.</summary>
    public string SqlitePath { get; private init; } = "";

    /// <summary>MySQL user.</summary>
    public string User { get; private init; } = "";

    /// <summary>MySQL host.</summary>
    public string Host { get; private init; } = "";

    /// <summary>MySQL port.</summary>
    public int Port { get; private init; } = 3306;

    /// <summary>MySQL database.</summary>
    public string Database { get; private init; } = "";

    /// <summary>A SQLite file target.</summary>
    public static LoadTarget Sqlite(string path) => new() { SqlitePath = Path.GetFullPath(path) };

    /// <summary>A MySQL/MariaDB target.</summary>
    public static LoadTarget MySql(string user, string host, int port, string database) =>
        new() { IsMySql = true, User = user, Host = host, Port = port, Database = database };

    /// <summary>Parses <c>sqlite:PATH</c> or <c>mysql://USER@HOST[:PORT]/DATABASE</c>.</summary>
    /// <exception cref="FormatException">Not one of those forms, or a password was put in it.</exception>
    public static LoadTarget Parse(string text)
    {
        if (text.StartsWith("sqlite:", StringComparison.Ordinal))
        {
            string path = text["sqlite:".Length..];
            return path.Length > 0 ? Sqlite(path) : throw new FormatException("sqlite: needs a file path, e.g. sqlite:moocdb.sqlite");
        }

        if (text.StartsWith("mysql://", StringComparison.Ordinal) || text.StartsWith("mariadb://", StringComparison.Ordinal))
        {
            string rest = text[(text.IndexOf("://", StringComparison.Ordinal) + 3)..];
            int at = rest.LastIndexOf('@');
            int slash = rest.IndexOf('/', Math.Max(at, 0));
            if (at <= 0 || slash < 0 || slash == rest.Length - 1)
            {
                throw new FormatException("expected mysql://USER@HOST[:PORT]/DATABASE");
            }

            string user = Uri.UnescapeDataString(rest[..at]);
            if (user.Contains(':', StringComparison.Ordinal))
            {
                throw new FormatException("do not put the password in --db; set VISMOOC_DB_PASSWORD or use --password-file");
            }

            string hostPort = rest[(at + 1)..slash];
            string database = Uri.UnescapeDataString(rest[(slash + 1)..]);
            int port = 3306;
            int colon = hostPort.LastIndexOf(':');
            if (colon >= 0)
            {
                if (!int.TryParse(hostPort[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
                {
                    throw new FormatException($"'{hostPort[(colon + 1)..]}' is not a port number");
                }

                hostPort = hostPort[..colon];
            }

            return hostPort.Length == 0 ? throw new FormatException("expected mysql://USER@HOST[:PORT]/DATABASE") : MySql(user, hostPort, port, database);
        }

        throw new FormatException($"'{text}' is neither sqlite:PATH nor mysql://USER@HOST[:PORT]/DATABASE");
    }

    /// <inheritdoc/>
    public override string ToString() => IsMySql ? $"mysql://{User}@{Host}:{Port.ToString(CultureInfo.InvariantCulture)}/{Database}" : "sqlite:" + SqlitePath;
}
