using VisMooc.Generated;
using VisMooc.Modules.Folders;
using VisMooc.Modules.Load;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Load;

/// <summary>
/// Hardening round 2, item 2: <c>vismooc load</c> loaded a CSV cut short (half its rows, 0 bytes,
/// cut inside a row) with exit 0, a silently shorter table. The conversion's <c>report.json</c>
/// lists every CSV's rows and bytes; a load compares each file with it and refuses one that
/// differs or ends inside a row, and a folder without a report, with one line naming the file.
/// </summary>
public sealed class CutShortCsvTests
{
    public static TheoryData<string, string> Cuts() => new()
    {
        { "users.csv", "half the rows" },
        { "forum.csv", "half the rows" },
        { "users.csv", "0 bytes" },
        { "grades.csv", "0 bytes" },
        { "forum.csv", "cut inside a row" },
        { "users.csv", "cut inside a row" },
        { "users.csv", "a row more" },
        { "grades.csv", "one byte changed in length" },
    };

    [Theory]
    [MemberData(nameof(Cuts))]
    public void ACsvThatIsNotTheFileTheConversionWroteIsRefusedNamingIt(string file, string cut)
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        string path = Path.Combine(csv, file);
        byte[] bytes = File.ReadAllBytes(path);
        int[] rowEnds = [.. Enumerable.Range(0, bytes.Length).Where(i => bytes[i] == '\n')];
        Assert.True(rowEnds.Length >= 2, $"{file} has {rowEnds.Length} rows");
        File.WriteAllBytes(path, cut switch
        {
            "half the rows" => bytes[..(rowEnds[(rowEnds.Length / 2) - 1] + 1)],
            "0 bytes" => [],
            "cut inside a row" => bytes[..(rowEnds[0] + 1 + ((rowEnds[1] - rowEnds[0]) / 2))],
            "a row more" => [.. bytes, .. bytes[..(rowEnds[0] + 1)]],
            "one byte changed in length" => [.. bytes[..^2], (byte)'x', (byte)'"', (byte)'\n'],
            _ => throw new ArgumentException(cut),
        });
        string db = Path.Combine(temp.Path, "db.sqlite");

        var load = ToolRunner.Run(["load", csv, "--db", "sqlite:" + db]);
        var error = Assert.Throws<LoadException>(() => SqliteLoader.Load(csv, db, LoadMode.Ignore, GeneratedTables.All));

        Assert.Equal(1, load.ExitCode);
        string line = Assert.Single(load.StdErr.Trim().Split('\n'));
        Assert.StartsWith($"vismooc: error: {path}: ", line, StringComparison.Ordinal);
        Assert.EndsWith("nothing was loaded", line, StringComparison.Ordinal);
        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(db), "a database was made");
    }

    [Fact]
    public void TheMessagesSayWhatDiffers()
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        string users = Path.Combine(csv, "users.csv");
        byte[] bytes = File.ReadAllBytes(users);
        long rows = bytes.AsSpan().Count((byte)'\n');
        const string Again = "it was cut short or changed after the conversion (an unfinished copy or download, a full disk, an edit?): convert again or copy the whole folder again; nothing was loaded";

        File.WriteAllBytes(users, bytes[..^1]);
        var inside = Assert.Throws<LoadException>(() => SqliteLoader.Load(csv, Path.Combine(temp.Path, "a.sqlite"), LoadMode.Ignore, GeneratedTables.All));
        File.WriteAllBytes(users, []);
        var empty = Assert.Throws<LoadException>(() => SqliteLoader.Load(csv, Path.Combine(temp.Path, "b.sqlite"), LoadMode.Ignore, GeneratedTables.All));

        Assert.Equal($"{users}: ends inside a row (after {rows - 1} whole rows of the {rows} in report.json): {Again}", inside.Message);
        Assert.Equal($"{users}: holds 0 rows in 0 bytes, but the conversion wrote {rows} rows in {bytes.Length} bytes (report.json): {Again}", empty.Message);
    }

    [Fact]
    public void AFolderWithoutReportJsonIsRefused()
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        string report = Path.Combine(csv, ReportFile.Name);
        File.Delete(report);
        string db = Path.Combine(temp.Path, "db.sqlite");

        var load = ToolRunner.Run(["load", csv, "--db", "sqlite:" + db]);

        Assert.Equal(1, load.ExitCode);
        Assert.Equal($"vismooc: error: {report}: missing, so the tables cannot be checked against what the conversion wrote (a CSV cut short would load as a shorter table); a folder that vismooc convert wrote holds it: convert into the folder again; nothing was loaded", load.StdErr.Trim());
        Assert.False(File.Exists(db));
    }

    [Theory]
    [InlineData("{}", "lists no csvFiles")]
    [InlineData("{\"csvFiles\": [{\"file\": \"users.csv\"}]}", "not a report that vismooc convert wrote")]
    [InlineData("{\"csvFi", "not a report that vismooc convert wrote")]
    public void AReportWithoutTheFilesSizesIsRefused(string text, string expected)
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        File.WriteAllText(Path.Combine(csv, ReportFile.Name), text);

        var error = Assert.Throws<LoadException>(() => SqliteLoader.Load(csv, Path.Combine(temp.Path, "db.sqlite"), LoadMode.Ignore, GeneratedTables.All));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.EndsWith("nothing was loaded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheReportListsEveryCsvAsWritten()
    {
        using var h = new ConvertHarness();
        h.CopyFixture(ConvertHarness.NewCourse);
        var result = h.Convert();

        using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(h.Output, ReportFile.Name)));
        var listed = report.RootElement.GetProperty("csvFiles").EnumerateArray().ToList();
        Assert.Equal(TablesWithoutLogs.All.Select(t => t.Info.CsvFileName), listed.Select(f => f.GetProperty("file").GetString()));
        foreach (var entry in listed)
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(h.Output, entry.GetProperty("file").GetString()!));
            Assert.Equal(bytes.Length, entry.GetProperty("bytes").GetInt64());
            Assert.Equal(bytes.AsSpan().Count((byte)'\n'), entry.GetProperty("rows").GetInt64());
            Assert.Equal(result.Tables.Where(t => t.Table == entry.GetProperty("table").GetString()).Sum(t => t.Written), entry.GetProperty("rows").GetInt64());
        }
    }
}
