using System.Globalization;
using System.Text.RegularExpressions;
using MySqlConnector;
using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Load;

/// <summary>The tables already in a MySQL/MariaDB database, from <c>information_schema</c>, and whether a column's type holds a declared one.</summary>
internal static partial class MySqlSchema
{
    /// <summary>The declared tables that exist in the connection's current database, by name.</summary>
    public static Dictionary<string, ExistingTable> Read(MySqlConnection connection, IEnumerable<TableInfo> declared)
    {
        var names = declared.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var kinds = new Dictionary<string, (bool IsView, string? Engine, bool Transactional)>(StringComparer.Ordinal);
        // ENGINES says for each engine whether it supports transactions (InnoDB: YES; MyISAM, Aria, MEMORY, CSV, ARCHIVE: NO).
        Query(connection,
            "SELECT t.TABLE_NAME, t.TABLE_TYPE, t.ENGINE, e.TRANSACTIONS FROM information_schema.TABLES t "
            + "LEFT JOIN information_schema.ENGINES e ON e.ENGINE = t.ENGINE WHERE t.TABLE_SCHEMA = DATABASE()",
            r =>
            {
                string name = r.GetString(0);
                if (names.Contains(name))
                {
                    string? engine = r.IsDBNull(2) ? null : r.GetString(2);
                    string? transactions = r.IsDBNull(3) ? null : r.GetString(3);
                    kinds[name] = (r.GetString(1) == "VIEW", engine, string.Equals(transactions, "YES", StringComparison.OrdinalIgnoreCase));
                }
            });

        var columns = new Dictionary<string, List<ExistingColumn>>(StringComparer.Ordinal);
        Query(connection,
            "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, CHARACTER_SET_NAME, COLLATION_NAME FROM information_schema.COLUMNS "
            + "WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION",
            r =>
            {
                string table = r.GetString(0);
                if (kinds.ContainsKey(table))
                {
                    if (!columns.TryGetValue(table, out var list))
                    {
                        columns[table] = list = [];
                    }

                    list.Add(new ExistingColumn(r.GetString(1), r.GetString(2), r.GetString(3) == "YES", r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5)));
                }
            });

        var primary = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var unique = new Dictionary<string, List<(string Name, IReadOnlyList<string> Columns)>>(StringComparer.Ordinal);
        Query(connection,
            "SELECT TABLE_NAME, INDEX_NAME, COLUMN_NAME FROM information_schema.STATISTICS "
            + "WHERE TABLE_SCHEMA = DATABASE() AND NON_UNIQUE = 0 ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX",
            r =>
            {
                string table = r.GetString(0), index = r.GetString(1), column = r.GetString(2);
                if (!kinds.ContainsKey(table))
                {
                    return;
                }

                if (index == "PRIMARY")
                {
                    (primary.TryGetValue(table, out var key) ? key : primary[table] = []).Add(column);
                    return;
                }

                var keys = unique.TryGetValue(table, out var list) ? list : unique[table] = [];
                if (keys.Count == 0 || keys[^1].Name != index)
                {
                    keys.Add((index, new List<string>()));
                }

                ((List<string>)keys[^1].Columns).Add(column);
            });

        return kinds.ToDictionary(
            k => k.Key,
            k => new ExistingTable(k.Key, k.Value.IsView, k.Value.Engine, k.Value.Transactional,
                columns.GetValueOrDefault(k.Key) ?? [], primary.GetValueOrDefault(k.Key) ?? [],
                unique.GetValueOrDefault(k.Key)?.ToArray() ?? []),
            StringComparer.Ordinal);
    }

    /// <summary>
    /// Why <paramref name="existing"/> cannot hold every value of the declared column, or null when it
    /// can: the same type, or a wider one of the same kind (a longer <c>varchar</c>, a text type, a larger
    /// integer); text columns in <c>utf8mb4</c>, the primary key in a binary collation.
    /// </summary>
    public static string? TypeDifference(ColumnInfo declared, ExistingColumn existing)
    {
        var want = Parse(declared.MySqlType);
        var have = Parse(existing.Type);
        string shown = $"is {existing.Type}, declared {declared.MySqlType}";
        if (!Holds(have, want))
        {
            return shown;
        }

        if (want.Kind is Kind.Varchar or Kind.Text && existing.CharacterSet is string charset && !charset.Equals("utf8mb4", StringComparison.OrdinalIgnoreCase))
        {
            return $"has character set {charset}, declared utf8mb4 (4-byte characters such as emoji would fail the load)";
        }

        // The key must compare values as their bytes: in a case- or accent-insensitive collation
        // distinct ids are one key, and a row is kept, replaced or refused as a duplicate of another.
        // Other columns are not unique, so their collation changes no row.
        if (declared.PrimaryKey && want.Kind is Kind.Varchar or Kind.Text && existing.Collation is string collation && !collation.EndsWith("_bin", StringComparison.OrdinalIgnoreCase))
        {
            return $"has collation {collation}, declared utf8mb4_bin (ids that differ only in case or accents would be one key; ALTER TABLE … CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin converts it)";
        }

        return null;
    }

    private enum Kind
    {
        Other,
        Integer,
        Varchar,
        Text,
        Datetime,
    }

    private readonly record struct ParsedType(Kind Kind, string Name, long Size, string Rest);

    private static bool Holds(ParsedType have, ParsedType want)
    {
        if (have.Rest.Length > 0 || want.Rest.Length > 0)
        {
            // unsigned, zerofill, a character set or collation in the type: only the same spelling holds.
            return have == want;
        }

        return want.Kind switch
        {
            Kind.Integer => have.Kind == Kind.Integer && have.Size >= want.Size,
            // Sizes in characters; a text type's in bytes, 4 per utf8mb4 character.
            Kind.Varchar => (have.Kind == Kind.Varchar && have.Size >= want.Size) || (have.Kind == Kind.Text && have.Size / 4 >= want.Size),
            Kind.Text => have.Kind == Kind.Text && have.Size >= want.Size,
            Kind.Datetime => have.Kind == Kind.Datetime && have.Size >= want.Size,
            _ => have.Name == want.Name && have.Size == want.Size,
        };
    }

    private static ParsedType Parse(string type)
    {
        var match = TypePattern().Match(type.Trim().ToLowerInvariant());
        if (!match.Success)
        {
            return new ParsedType(Kind.Other, type.ToLowerInvariant(), 0, "");
        }

        string name = match.Groups[1].Value;
        long size = match.Groups[2].Success ? long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
        string rest = match.Groups[3].Value.Trim();
        return name switch
        {
            // An integer's (N) is a display width, not a size: the byte width ranks them.
            "tinyint" => new ParsedType(Kind.Integer, name, 1, rest),
            "smallint" => new ParsedType(Kind.Integer, name, 2, rest),
            "mediumint" => new ParsedType(Kind.Integer, name, 3, rest),
            "int" or "integer" => new ParsedType(Kind.Integer, "int", 4, rest),
            "bigint" => new ParsedType(Kind.Integer, name, 8, rest),
            "varchar" => new ParsedType(Kind.Varchar, name, size, rest),
            "tinytext" => new ParsedType(Kind.Text, name, 255, rest),
            "text" => new ParsedType(Kind.Text, name, 65_535, rest),
            "mediumtext" => new ParsedType(Kind.Text, name, 16_777_215, rest),
            "longtext" => new ParsedType(Kind.Text, name, 4_294_967_295, rest),
            "datetime" => new ParsedType(Kind.Datetime, name, size, rest),
            _ => new ParsedType(Kind.Other, name, size, rest),
        };
    }

    [GeneratedRegex(@"^([a-z]+)(?:\((\d+)\))?(.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex TypePattern();

    private static void Query(MySqlConnection connection, string sql, Action<MySqlDataReader> row)
    {
        using var command = new MySqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            row(reader);
        }
    }
}
