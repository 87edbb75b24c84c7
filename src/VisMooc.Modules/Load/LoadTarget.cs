using System.Globalization;

namespace VisMooc.Modules.Load;

/// <summary>Where to load: <c>sqlite:PATH</c> or <c>mysql://USER@HOST[:PORT]/DATABASE</c> (no password in it).</summary>
public sealed record LoadTarget
{
    private const string MySqlForm = "expected mysql://USER@HOST[:PORT]/DATABASE";

    /// <summary>True for MySQL/MariaDB, false for SQLite.</summary>
    public bool IsMySql { get; private init; }

    /// <summary>True for a DuckDB file (<c>duckdb:PATH</c>; its path is <see cref="SqlitePath"/>'s).</summary>
    public bool IsDuckDb { get; private init; }

    /// <summary>SQLite (or DuckDB) database file.</summary>
    public string SqlitePath { get; private init; } = "";

    /// <summary>MySQL user.</summary>
    public string User { get; private init; } = "";

    /// <summary>MySQL host (an IPv6 address without its brackets).</summary>
    public string Host { get; private init; } = "";

    /// <summary>MySQL port.</summary>
    public int Port { get; private init; } = 3306;

    /// <summary>MySQL database.</summary>
    public string Database { get; private init; } = "";

    /// <summary><c>HOST:PORT</c>, with an IPv6 address in brackets.</summary>
    public string Endpoint => HostForUrl + ":" + Port.ToString(CultureInfo.InvariantCulture);

    private string HostForUrl => Host.Contains(':', StringComparison.Ordinal) ? "[" + Host + "]" : Host;

    /// <summary>A SQLite file target.</summary>
    public static LoadTarget Sqlite(string path) => new() { SqlitePath = Path.GetFullPath(path) };

    /// <summary>A DuckDB file target.</summary>
    public static LoadTarget DuckDb(string path) => new() { IsDuckDb = true, SqlitePath = Path.GetFullPath(path) };

    /// <summary>A MySQL/MariaDB target.</summary>
    public static LoadTarget MySql(string user, string host, int port, string database) =>
        new() { IsMySql = true, User = user, Host = host, Port = port, Database = database };

    /// <summary>The target of <c>--db <paramref name="db"/></c> for <paramref name="csvFolder"/>: without one, <c>CSV_FOLDER/moocdb.sqlite</c>.</summary>
    /// <exception cref="FormatException">See <see cref="Parse"/>.</exception>
    public static LoadTarget Resolve(string? db, string csvFolder) =>
        db is null ? Sqlite(Path.Combine(csvFolder, "moocdb.sqlite")) : Parse(db);

    /// <summary>
    /// Parses <c>sqlite:PATH</c> or <c>mysql://USER@HOST[:PORT]/DATABASE</c> (<c>mariadb://</c> too;
    /// schemes in any case, as URL schemes are). A message that quotes the value shows it through
    /// <see cref="DbArgument.Redact"/>.
    /// </summary>
    /// <exception cref="FormatException">Not one of those forms, or a password was put in it.</exception>
    public static LoadTarget Parse(string text)
    {
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        string scheme = colon > 0 ? text[..colon] : "";
        if (scheme.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            string path = text[(colon + 1)..];
            if (path.Length == 0)
            {
                throw new FormatException("sqlite: needs a file path, e.g. sqlite:moocdb.sqlite");
            }

            // sqlite://x/… would be a file named after a host: a mistyped mysql:// most likely.
            if (path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("///", StringComparison.Ordinal))
            {
                throw new FormatException($"'{DbArgument.Redact(text)}': sqlite:PATH takes a file path, not a host (sqlite:moocdb.sqlite, sqlite:/abs/moocdb.sqlite)");
            }

            if (path.EndsWith('/') || path.EndsWith(Path.DirectorySeparatorChar))
            {
                throw new FormatException($"'{DbArgument.Redact(text)}': sqlite:PATH names a folder; give a file name in it, e.g. sqlite:FOLDER/moocdb.sqlite");
            }

            return Sqlite(path);
        }

        if (scheme.Equals("duckdb", StringComparison.OrdinalIgnoreCase))
        {
            string path = text[(colon + 1)..];
            if (path.Length == 0 || path.EndsWith('/') || path.EndsWith(Path.DirectorySeparatorChar))
            {
                throw new FormatException($"'{DbArgument.Redact(text)}': duckdb:PATH takes a file path, e.g. duckdb:moocdb.duckdb");
            }

            return DuckDb(path);
        }

        if (scheme.Equals("mysql", StringComparison.OrdinalIgnoreCase) || scheme.Equals("mariadb", StringComparison.OrdinalIgnoreCase))
        {
            return ParseMySql(text, colon);
        }

        throw new FormatException($"'{DbArgument.Redact(text)}' is neither sqlite:PATH, duckdb:PATH nor mysql://USER@HOST[:PORT]/DATABASE");
    }

    /// <summary>
    /// The <c>--db</c> value that names this target again (user and database percent-encoded where
    /// needed); <see cref="Parse"/> gives back an equal target.
    /// </summary>
    public string ToDbArgument() => IsMySql
        ? "mysql://" + Uri.EscapeDataString(User) + "@" + Endpoint + "/" + Uri.EscapeDataString(Database)
        : (IsDuckDb ? "duckdb:" : "sqlite:") + SqlitePath;

    /// <summary>
    /// The command line that loads <paramref name="csvFolder"/> into this target, quoted for a POSIX
    /// shell, e.g. <c>vismooc load /data/csv --db 'mysql://moocdb@localhost:3306/moocdb'</c>. It holds
    /// no password (a target never does); the password comes from the environment or a file as before.
    /// </summary>
    public string LoadCommandLine(string csvFolder, LoadMode mode) =>
        "vismooc load " + ShellQuoting.Quote(csvFolder) + " --db " + ShellQuoting.Quote(ToDbArgument())
        + (mode == LoadMode.Replace ? " --mode replace" : "");

    /// <inheritdoc/>
    public override string ToString() => IsMySql ? $"mysql://{User}@{Endpoint}/{Database}" : (IsDuckDb ? "duckdb:" : "sqlite:") + SqlitePath;

    private static LoadTarget ParseMySql(string text, int colon)
    {
        if (!text.AsSpan(colon + 1).StartsWith("//", StringComparison.Ordinal))
        {
            throw new FormatException($"'{DbArgument.Redact(text)}': {MySqlForm}");
        }

        string rest = text[(colon + 3)..];
        int at = rest.LastIndexOf('@');
        int slash = rest.IndexOf('/', Math.Max(at, 0));
        if (at <= 0 || slash < 0 || slash == rest.Length - 1)
        {
            throw new FormatException($"'{DbArgument.Redact(text)}': {MySqlForm}");
        }

        string user = Uri.UnescapeDataString(rest[..at]);
        if (user.Contains(':', StringComparison.Ordinal))
        {
            throw new FormatException($"'{DbArgument.Redact(text)}': do not put the password in --db; set VISMOOC_DB_PASSWORD or use --password-file");
        }

        string host = rest[(at + 1)..slash];
        string? port = null;
        if (host.StartsWith('['))
        {
            // An IPv6 address: mysql://user@[::1]:3306/db.
            int close = host.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || (close < host.Length - 1 && host[close + 1] != ':'))
            {
                throw new FormatException($"'{DbArgument.Redact(text)}': {MySqlForm} (an IPv6 host goes in brackets: [::1])");
            }

            port = close < host.Length - 1 ? host[(close + 2)..] : null;
            host = host[1..close];
        }
        else if (host.IndexOf(':', StringComparison.Ordinal) is int portColon and >= 0)
        {
            port = host[(portColon + 1)..];
            host = host[..portColon];
        }

        int portNumber = 3306;
        if (port is not null && (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out portNumber) || portNumber is < 1 or > 65535))
        {
            // Never the value itself: a password typed where the port goes must not come back.
            throw new FormatException($"'{DbArgument.Redact(text)}': the port must be a number from 1 to 65535 (the password goes in VISMOOC_DB_PASSWORD or --password-file, never in --db)");
        }

        if (rest.AsSpan(slash).IndexOfAny("?#") >= 0)
        {
            throw new FormatException($"'{DbArgument.Redact(text)}': --db takes no ?parameters; {MySqlForm}");
        }

        string database = Uri.UnescapeDataString(rest[(slash + 1)..]);
        if (host.Length == 0)
        {
            throw new FormatException($"'{DbArgument.Redact(text)}': {MySqlForm}");
        }

        return DatabaseProblem(database) is string problem
            ? throw new FormatException($"'{DbArgument.Redact(text)}': {problem}; {MySqlForm}")
            : MySql(user, host, portNumber, database);
    }

    /// <summary>
    /// Why <paramref name="name"/> is no MySQL/MariaDB database name (without quoting it), or null:
    /// empty, longer than 64 characters, ending in a space, or holding a control character or one
    /// of <c>/ \ .</c> (which the server refuses) or <c>: @</c> (a password or user put in the wrong place).
    /// </summary>
    public static string? DatabaseProblem(string name)
    {
        if (name.Length == 0)
        {
            return "the database name is empty";
        }

        if (name.Length > 64)
        {
            return "a database name holds at most 64 characters";
        }

        if (name.EndsWith(' ') || name.Any(char.IsControl) || name.AsSpan().IndexOfAny("/\\.") >= 0)
        {
            return "not a database name (no /, \\, ., control characters or final space)";
        }

        return name.AsSpan().IndexOfAny(":@") >= 0 ? "a database name holds no ':' or '@' (the password goes in VISMOOC_DB_PASSWORD or --password-file, never in --db)" : null;
    }
}
