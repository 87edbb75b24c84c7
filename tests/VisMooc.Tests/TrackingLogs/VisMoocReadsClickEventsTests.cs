using MySqlConnector;
using VisMooc.Generated;
using VisMooc.Modules.Load;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Synth;
using VisMooc.Tests.Load;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.TrackingLogs;

/// <summary>
/// A converted package with tracking logs, loaded into MariaDB, read the way VisMOOC's data server
/// reads <c>click_events</c>: <c>SELECT *</c> by position (course 1, user 2, video 3, time 4, type 5,
/// url 6, numbers 8 to 12). Every video joins <c>videos.original_id</c>, every user but the ones synth
/// plants outside auth_user joins <c>users.username</c>, and the values equal the CSV's, SQLite's too.
/// </summary>
[Collection(MariaDbCollection.Name)]
public sealed class VisMoocReadsClickEventsTests(MariaDbServerFixture fixture)
{
    [MariaDbFact]
    public void SelectStarByPositionJoinsVideosAndUsersAndHoldsWhatTheCsvHolds()
    {
        using var temp = new LoadFixtures.TempFolder();
        var synth = PackageSynthesizer.Run(new SynthOptions
        {
            Learners = 600,
            Style = SynthStyle.Old,
            Seed = 4,
            Output = Path.Combine(temp.Path, "course"),
            EventsOutput = Path.Combine(temp.Path, "events"),
        });
        string csv = Path.Combine(temp.Path, "csv");
        PackageConverter.Run(new ConvertOptions { Input = synth.Folder, Output = csv, Events = [synth.EventsFolder!] }, GeneratedTables.All);
        string database = "t_" + Guid.NewGuid().ToString("N")[..16];
        MySqlLoader.Load(csv, LoadTarget.Parse(fixture.Server.Target(database)), MariaDbServer.Password, LoadMode.Ignore, GeneratedTables.All);
        string sqlite = Path.Combine(temp.Path, "db.sqlite");
        SqliteLoader.Load(csv, sqlite, LoadMode.Ignore, GeneratedTables.All);

        using var connection = fixture.Server.OpenAdmin(database);
        var videos = Column(connection, "SELECT original_id FROM videos");
        var users = Column(connection, "SELECT username FROM users");
        int rows = 0, strangers = 0;
        using (var command = new MySqlCommand("SELECT * FROM click_events", connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                rows++;
                // VisMOOC's positions are 1-based: course 1, user 2, video 3, time 4, type 5, url 6, numbers 8-12.
                Assert.Equal(synth.CourseId, reader.GetString(1));
                Assert.Contains(reader.GetString(3), videos);
                strangers += users.Contains(reader.GetString(2)) ? 0 : 1;
                Assert.IsType<DateTime>(reader.GetValue(4));
                Assert.Matches("^(load|play|pause|stop|seek|speed_change)_video$|^(show|hide)_transcript$", reader.GetString(5));
                Assert.StartsWith("https://", reader.GetString(6), StringComparison.Ordinal);
                for (int i = 8; i <= 12; i++)
                {
                    Assert.True(reader.IsDBNull(i) || reader.GetValue(i) is double, $"column {i + 1} is {reader.GetDataTypeName(i)}");
                }
            }
        }

        Assert.Equal(synth.Events!.VideoEvents - synth.Events.RepeatedVideoEvents, rows);
        Assert.InRange(strangers, 1, synth.Events.UsersNotInAuthUser);

        // The same values as the CSV holds (datetime(6) to the microsecond, doubles exactly), and as SQLite holds.
        var fromCsv = new List<string?[]>();
        using (var csvReader = new DialectCsvReader(Path.Combine(csv, "click_events.csv"), 13))
        {
            while (csvReader.Read())
            {
                fromCsv.Add([.. csvReader.Values]);
            }
        }

        string Show(string?[] r) => string.Join("|", r.Select(v => v ?? "NULL"));
        var expected = fromCsv.Select(Show).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, DatabaseReader.MySql(connection, "click_events").Select(Show).Order(StringComparer.Ordinal));
        Assert.Equal(expected, DatabaseReader.Sqlite(sqlite, "click_events").Select(Show).Order(StringComparer.Ordinal));
    }

    private static HashSet<string> Column(MySqlConnection connection, string sql)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        using var command = new MySqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
