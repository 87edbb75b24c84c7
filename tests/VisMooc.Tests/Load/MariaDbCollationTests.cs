using VisMooc.Generated;
using VisMooc.Modules.Load;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Load;

/// <summary>
/// Hardening round 2, item 3: the tables were created in the server's default collation
/// (<c>utf8mb4_general_ci</c>), which compares case- and accent-insensitively, so distinct
/// <c>_id</c>s such as <c>a</c> and <c>A</c>, or <c>e</c> and <c>é</c>, were one key: rows lost in
/// ignore mode, a failed load otherwise. The tables are now <c>utf8mb4_bin</c> (values compare as
/// their bytes, as in SQLite and in the converter's own duplicate check), and an existing table
/// whose <c>_id</c> is not in a binary collation is refused.
/// </summary>
[Collection(MariaDbCollection.Name)]
public sealed class MariaDbCollationTests(MariaDbServerFixture fixture)
{
    private static readonly string[] s_ids = ["a", "A", "e", "é", "E\u0301", "ss", "ß", "i", "İ"];

    private MariaDbServer Server => fixture.Server;

    [MariaDbFact]
    public void IdsThatDifferOnlyInCaseOrAccentsAllLoadInEveryMode()
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = Folder(temp.Path);
        string database = "c_" + Guid.NewGuid().ToString("N")[..16];
        var target = LoadTarget.Parse(Server.Target(database));

        var first = MySqlLoader.Load(csv, target, MariaDbServer.Password, LoadMode.Ignore, GeneratedTables.All);
        var again = MySqlLoader.Load(csv, target, MariaDbServer.Password, LoadMode.Ignore, GeneratedTables.All);
        var replaced = MySqlLoader.Load(csv, target, MariaDbServer.Password, LoadMode.Replace, GeneratedTables.All);

        using var connection = Server.OpenAdmin(database);
        Assert.Equal(s_ids.Order(StringComparer.Ordinal), DatabaseReader.MySql(connection, "course_video").Select(r => r[0]!).Order(StringComparer.Ordinal));
        Assert.Equal(s_ids.Length, first.Tables.Single(t => t.Table == "course_video").Inserted);
        Assert.Equal(s_ids.Length, again.Tables.Single(t => t.Table == "course_video").Kept);
        Assert.Equal(s_ids.Length, replaced.Tables.Single(t => t.Table == "course_video").Replaced);
    }

    [MariaDbFact]
    public void AnExistingTableWhoseIdIsNotInABinaryCollationIsRefused()
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = Folder(temp.Path);
        string database = "c_" + Guid.NewGuid().ToString("N")[..16];
        using (var admin = Server.OpenAdmin())
        {
            MariaDbServer.Execute(admin, $"CREATE DATABASE {database}");
            MariaDbServer.Execute(admin, $"CREATE TABLE {database}.course_video (_id varchar(255) NOT NULL, course_id varchar(255) NOT NULL, video_id varchar(255) NOT NULL, PRIMARY KEY (_id)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci");
        }

        var load = ToolRunner.Run(["load", csv, "--db", Server.Target(database)], new Dictionary<string, string?> { ["VISMOOC_DB_PASSWORD"] = MariaDbServer.Password });

        Assert.Equal(1, load.ExitCode);
        string line = Assert.Single(load.StdErr.Trim().Split('\n'));
        Assert.Contains("table course_video is not as vismooc declares it: column _id has collation utf8mb4_general_ci, declared utf8mb4_bin (ids that differ only in case or accents would be one key; ", line, StringComparison.Ordinal);
        Assert.Contains("nothing was loaded", line, StringComparison.Ordinal);
        using var connection = Server.OpenAdmin(database);
        Assert.Empty(DatabaseReader.MySql(connection, "course_video"));
    }

    [MariaDbFact]
    public void AnExistingTableInABinaryCollationOtherThanTheDeclaredOneIsAccepted()
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = Folder(temp.Path);
        string database = "c_" + Guid.NewGuid().ToString("N")[..16];
        using (var admin = Server.OpenAdmin())
        {
            MariaDbServer.Execute(admin, $"CREATE DATABASE {database}");
            // A non-key column in a case-insensitive collation is harmless: nothing is unique on it.
            MariaDbServer.Execute(admin, $"CREATE TABLE {database}.course_video (_id varchar(255) COLLATE utf8mb4_nopad_bin NOT NULL, course_id varchar(255) COLLATE utf8mb4_unicode_ci NOT NULL, video_id varchar(255) NOT NULL, PRIMARY KEY (_id)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
        }

        MySqlLoader.Load(csv, LoadTarget.Parse(Server.Target(database)), MariaDbServer.Password, LoadMode.Ignore, GeneratedTables.All);

        using var connection = Server.OpenAdmin(database);
        Assert.Equal(s_ids.Length, DatabaseReader.MySql(connection, "course_video").Count);
    }

    [Fact]
    public void TheGeneratedTablesAreBinaryCollated()
    {
        Assert.All(GeneratedTables.All, t => Assert.EndsWith(") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;", t.Info.MySqlCreate.TrimEnd(), StringComparison.Ordinal));
    }

    /// <summary>A conversion's folder whose course_video rows have the ids above, the other tables empty.</summary>
    private static string Folder(string root)
    {
        string csv = Path.Combine(root, "csv");
        Directory.CreateDirectory(csv);
        foreach (var table in GeneratedTables.All)
        {
            File.WriteAllBytes(Path.Combine(csv, table.Info.CsvFileName), []);
        }

        File.WriteAllText(Path.Combine(csv, "course_video.csv"), string.Concat(s_ids.Select(id => $"\"{id}\",\"course-v1:X+Y+Z\",\"v\"\n")), new System.Text.UTF8Encoding(false));
        LoadFixtures.Vouch(csv);
        return csv;
    }
}
