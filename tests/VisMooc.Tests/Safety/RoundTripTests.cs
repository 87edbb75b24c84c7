using System.Text.Json;
using System.Text;
using CsCheck;
using VisMooc.Generated;
using VisMooc.Modules.Load;
using VisMooc.Modules.Output;
using VisMooc.Modules.Schema;
using VisMooc.Modules.Sources.EdxTsv;
using VisMooc.Tests.Input;
using VisMooc.Tests.Load;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Safety;

/// <summary>Any text (every Unicode scalar, NUL, CR, LF, TAB, backslash, quotes, <c>\N</c> as text, long values) comes back equal.</summary>
[Collection(MariaDbCollection.Name)]
public sealed class RoundTripTests(MariaDbServerFixture fixture)
{
    private static readonly string[] s_special = ["\0", "\r", "\n", "\t", "\\", "\"", ",", "\\N", "NULL", "'", "\r\n", "\\\\", "\uFEFF"];

    /// <summary>One Unicode scalar as a string, or one of the strings the dialects treat specially.</summary>
    private static readonly Gen<string> s_piece = Gen.Frequency(
        (6, Gen.Char['\0', '\uD7FF'].Select(c => c.ToString())),
        (1, Gen.Char['\uE000', '\uFFFF'].Select(c => c.ToString())),
        (2, Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32)),
        (4, Gen.Int[0, s_special.Length - 1].Select(i => s_special[i])));

    /// <summary>Short text mostly, sometimes up to 200 000 characters.</summary>
    internal static readonly Gen<string> Text = Gen.Frequency(
        (30, s_piece.Array[0, 40].Select(string.Concat)),
        (1, Gen.Select(s_piece.Array[1, 20], Gen.Int[1000, 200_000], (unit, n) => Repeat(string.Concat(unit), n))));

    [Fact]
    public void AnyTextComesBackEqualFromTheCsvDialectWriterAndReader()
    {
        using var temp = new LoadFixtures.TempFolder();
        string path = Path.Combine(temp.Path, "t.csv");
        var values = Gen.Frequency((9, Text.Select(t => (string?)t)), (1, Gen.Const((string?)null))).Array[0, 20];
        Property.Check(values, rows =>
        {
            var writer = new CellWriter();
            using (var file = File.Create(path))
            {
                foreach (var value in rows)
                {
                    writer.BeginRow(0);
                    writer.BeginField(0, "v", SqlType.LongText, 0, nullable: true);
                    if (value is null)
                    {
                        writer.WriteNull();
                    }
                    else
                    {
                        writer.WriteText(Encoding.UTF8.GetBytes(value));
                    }

                    writer.EndField();
                    writer.EndRow();
                    file.Write(writer.Row);
                }
            }

            var back = new List<string?>();
            using (var reader = new DialectCsvReader(path, 1))
            {
                while (reader.Read())
                {
                    back.Add(reader.Values[0]);
                }
            }

            Assert.Equal(rows, back);
        }, iterations: 300, seed: 7_000_011);
    }

    [Fact]
    public void EdxTsvEscapingThenDecodingGivesTheValueBack()
    {
        Property.Check(Text.Array[1, 12], fields =>
        {
            string header = string.Join('\t', fields.Select((_, i) => "c" + i));
            byte[] file = Encoding.UTF8.GetBytes(header + "\n" + string.Join('\t', fields.Select(LoadFixtures.TsvEscape)) + "\n");
            foreach (var stream in new Stream[] { new MemoryStream(file), new ChunkedStream(file) })
            {
                using var reader = new EdxTsvReader(stream, "t.sql");
                Assert.True(reader.Read());
                Assert.True(reader.IsValid, reader.RejectReason);
                for (int i = 0; i < fields.Length; i++)
                {
                    var value = reader.GetField(i);
                    // The one ambiguity of the format: a text that is exactly NULL reads as SQL NULL.
                    Assert.Equal(fields[i] == "NULL" ? null : fields[i], value.IsNull ? null : Encoding.UTF8.GetString(value.Utf8));
                }

                Assert.False(reader.Read());
            }
        }, iterations: 300, seed: 7_000_012);
    }

    [Fact]
    public void AnyTextComesBackEqualThroughConvertAndASqliteLoad()
    {
        using var temp = new LoadFixtures.TempFolder();
        var values = Values();
        string csv = ConvertValues(temp.Path, values);
        string db = Path.Combine(temp.Path, "db.sqlite");

        SqliteLoader.Load(csv, db, LoadMode.Ignore, GeneratedTables.All);

        AssertValues(values, TablesWithoutLogs.All.ToDictionary(t => t.Info.Name, t => DatabaseReader.Sqlite(db, t.Info.Name)));
    }

    [MariaDbFact]
    public void AnyTextComesBackEqualThroughConvertAndAMariaDbLoad()
    {
        using var temp = new LoadFixtures.TempFolder();
        var values = Values();
        string csv = ConvertValues(temp.Path, values);
        string database = "rt_" + Guid.NewGuid().ToString("N")[..12];

        MySqlLoader.Load(csv, LoadTarget.Parse(fixture.Server.Target(database)), MariaDbServer.Password, LoadMode.Ignore, GeneratedTables.All);

        using var connection = fixture.Server.OpenAdmin(database);
        AssertValues(values, TablesWithoutLogs.All.ToDictionary(t => t.Info.Name, t => DatabaseReader.MySql(connection, t.Info.Name)));
    }

    /// <summary>300 generated values from a fixed seed, plus the specials alone and one of a megabyte.</summary>
    private static List<string> Values()
    {
        var pcg = new PCG(1, 7_000_013);
        var values = Enumerable.Range(0, 300).Select(i => Text.Generate(pcg, null!, out CsCheck.Size _)).ToList();
        values.AddRange(s_special);
        values.Add(Repeat("\\N\"\0\r\n\t,😀é", 100_000));
        return values;
    }

    /// <summary>A course whose forum bodies and titles, and whose users' goals, are the values; converted to CSV.</summary>
    private static string ConvertValues(string root, List<string> values)
    {
        var package = CoursePackage.Empty(Path.Combine(root, "in"));
        var json = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var forum = new StringBuilder();
        var users = new StringBuilder("id\tusername\n");
        var profiles = new StringBuilder("id\tuser_id\tname\tlanguage\tlocation\tyear_of_birth\tlevel_of_education\tgoals\tgender\tcountry\n");
        for (int i = 0; i < values.Count; i++)
        {
            string value = JsonSerializer.Serialize(values[i], json);
            forum.Append($"{{\"_id\":{{\"$oid\":\"{LoadFixtures.Oid(i)}\"}},\"_type\":\"CommentThread\",\"title\":{value},\"body\":{value}}}\n");
            users.Append(7000000 + i).Append("\tu").Append(i).Append('\n');
            profiles.Append(50 + i).Append('\t').Append(7000000 + i).Append("\t\t\t\t\t\t").Append(LoadFixtures.TsvEscape(values[i])).Append("\t\t\n");
        }

        package.Write("-prod.mongo", forum.ToString());
        package.Write("-auth_user-prod-analytics.sql", users.ToString());
        package.Write("-auth_userprofile-prod-analytics.sql", profiles.ToString());
        string csv = Path.Combine(root, "csv");
        var result = package.Convert(csv);
        Assert.Equal(0, result.Rejected);
        return csv;
    }

    private static void AssertValues(List<string> values, Dictionary<string, List<string?[]>> tables)
    {
        var forum = tables["forum"].ToDictionary(r => r[1]!);
        var users = tables["users"].ToDictionary(r => r[1]!);
        Assert.Equal(values.Count, forum.Count);
        for (int i = 0; i < values.Count; i++)
        {
            var post = forum[LoadFixtures.Oid(i)];
            Assert.True(values[i] == post[6], $"forum body {i}: {values[i].Length} characters, read back {post[6]?.Length}, first difference at {Enumerable.Range(0, Math.Min(values[i].Length, post[6]?.Length ?? 0)).FirstOrDefault(k => values[i][k] != post[6]![k], -1)}");
            Assert.True(values[i] == post[8], $"forum title {i}");
            // In edX TSV the text NULL is SQL NULL, which the NOT NULL bio column writes as ''.
            Assert.True((values[i] == "NULL" ? "" : values[i]) == users[(7000000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)][8], $"users bio {i}");
        }
    }

    private static string Repeat(string unit, int length)
    {
        var text = new StringBuilder(length + unit.Length);
        while (text.Length < length)
        {
            text.Append(unit);
        }

        return text.ToString();
    }
}
