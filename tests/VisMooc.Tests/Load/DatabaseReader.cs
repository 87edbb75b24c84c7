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
        command.CommandText = $"SELECT * FROM {table} ORDER BY 1";
        using var reader = command.ExecuteReader();
        return ReadAll(reader);
    }

    public static List<string?[]> MySql(MySqlConnection connection, string table)
    {
        // datetime(6) columns come back as DateTime like datetime ones: their precision says how to print them.
        var precision = new List<int>();
        using (var columns = new MySqlCommand(
            "SELECT COALESCE(DATETIME_PRECISION, 0) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = @t ORDER BY ORDINAL_POSITION", connection))
        {
            columns.Parameters.AddWithValue("@t", table);
            using var r = columns.ExecuteReader();
            while (r.Read())
            {
                precision.Add(Convert.ToInt32(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        using var command = new MySqlCommand($"SELECT * FROM {table} ORDER BY 1", connection);
        using var reader = command.ExecuteReader();
        return ReadAll(reader, precision);
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

    // The writer's own spelling of a double (shortest round trip, plain): equal text means the same double.
    private static string DoubleTextOf(double value)
    {
        Span<byte> text = stackalloc byte[VisMooc.Modules.Values.DoubleText.MaxLength];
        return VisMooc.Modules.Values.DoubleText.TryFormat(value, text, out int n) ? System.Text.Encoding.ASCII.GetString(text[..n]) : value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<string?[]> ReadAll(System.Data.Common.DbDataReader reader, List<int>? datetimePrecision = null)
    {
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            var row = new string?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i) switch
                {
                    DateTime d => d.ToString(datetimePrecision?.ElementAtOrDefault(i) == 6 ? "yyyy-MM-dd HH:mm:ss.ffffff" : "yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                    double x => DoubleTextOf(x),
                    byte[] b => System.Text.Encoding.UTF8.GetString(b),
                    var v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
                };
            }

            rows.Add(row);
        }

        return rows;
    }
}
