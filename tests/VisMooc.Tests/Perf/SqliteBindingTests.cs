using Microsoft.Data.Sqlite;
using VisMooc.Generated;
using VisMooc.Modules.Load;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Synth;

namespace VisMooc.Tests.Perf;

/// <summary>The SQLite loader binds the CSV's bytes directly: the stored values must be what the string path stored.</summary>
public sealed class SqliteBindingTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "vismooc-bind-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public void ValuesKeepTheirTypeAndBytes()
    {
        PackageSynthesizer.Run(new SynthOptions { Learners = 50, Style = SynthStyle.Old, Output = Path.Combine(_temp, "in") });
        string csv = Path.Combine(_temp, "csv");
        PackageConverter.Run(new ConvertOptions { Input = Path.Combine(_temp, "in"), Output = csv }, GeneratedTables.All);
        using (var users = new FileStream(Path.Combine(csv, "users.csv"), FileMode.Append))
        {
            // An escaped NUL, quote, backslash and line breaks; invalid UTF-8 (a lone 0xFF); an emoji.
            users.Write("\"u-1\",\"1\",\"a\",\"b\",\"\",\"\",\"1999\",\"hs\",\"x\\0y \\\" \\\\ \\n\\r z\",\"m\",\"ZZ\"\n"u8);
            users.Write("\"u-2\",\"2\",\"a\",\"b\",\""u8);
            users.WriteByte(0xFF);
            users.Write("\",\"\",\"\",\"\",\"🙂\",\"\",\"\"\n"u8);
        }

        using (var enrollments = new FileStream(Path.Combine(csv, "enrollments.csv"), FileMode.Append))
        {
            enrollments.Write("\"e-1\",\"7\",\"c\",\\N,\"x\"\n\"e-2\",\"7\",\"c\",\"2014-01-01 00:00:00\",\"-1\"\n"u8);
        }

        VisMooc.Tests.Load.LoadFixtures.Vouch(csv);
        string db = Path.Combine(_temp, "db.sqlite");
        SqliteLoader.Load(csv, db, LoadMode.Ignore, GeneratedTables.All);

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString());
        connection.Open();
        Assert.Equal("x\0y \" \\ \n\r z", Scalar(connection, "SELECT bio FROM users WHERE _id = 'u-1'"));
        Assert.Equal("\uFFFD", Scalar(connection, "SELECT language FROM users WHERE _id = 'u-2'"));
        Assert.Equal("🙂", Scalar(connection, "SELECT bio FROM users WHERE _id = 'u-2'"));
        Assert.Equal("text", Scalar(connection, "SELECT typeof(action) FROM enrollments WHERE _id = 'e-1'"));
        Assert.Equal("null", Scalar(connection, "SELECT typeof(timestamp) FROM enrollments WHERE _id = 'e-1'"));
        Assert.Equal("integer", Scalar(connection, "SELECT typeof(action) FROM enrollments WHERE _id = 'e-2'"));
        Assert.Equal(-1L, Scalar(connection, "SELECT action FROM enrollments WHERE _id = 'e-2'"));
        Assert.Equal(52L, Scalar(connection, "SELECT COUNT(*) FROM users"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_temp))
        {
            Directory.Delete(_temp, recursive: true);
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
