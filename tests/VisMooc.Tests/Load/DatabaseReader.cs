using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace VisMooc.Tests.Load;

/// <summary>Reads whole tables back for comparison, ordered by <c>_id</c>, values as text (NULL as null).</summary>
internal static class DatabaseReader
{
    public static List<string?[]> Sqlite(string path, string table)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table} ORDER BY _id";
        using var reader = command.ExecuteReader();
        return ReadAll(reader);
    }

    public static List<string?[]> MySql(MySqlConnection connection, string table)
    {
        using var command = new MySqlCommand($"SELECT * FROM {table} ORDER BY _id", connection);
        using var reader = command.ExecuteReader();
        return ReadAll(reader);
    }

    public static bool SqliteTableExists(string path, string table)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", table);
        return (long)command.ExecuteScalar()! > 0;
    }

    private static List<string?[]> ReadAll(System.Data.Common.DbDataReader reader)
    {
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            var row = new string?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i) switch
                {
                    DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                    byte[] b => System.Text.Encoding.UTF8.GetString(b),
                    var v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
                };
            }

            rows.Add(row);
        }

        return rows;
    }
}
