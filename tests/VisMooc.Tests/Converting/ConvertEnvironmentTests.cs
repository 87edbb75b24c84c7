using System.Globalization;
using System.Text.Json.Nodes;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Converting;

/// <summary>
/// Issue 3, items 5 and 7: the same input gives the same bytes in any time zone and culture. The
/// tool runs as a child process, because a process reads <c>TZ</c> and its culture once, at start.
/// </summary>
public sealed class ConvertEnvironmentTests
{
    // Each pairs a zone far from UTC with a culture whose formatting differs from the invariant
    // one: th-TH counts years in the Buddhist era (2014 is 2557), ar-SA uses the Um al-Qura
    // calendar and "٫" as decimal separator, tr-TR upper-cases "i" to "İ" and writes "1,5".
    public static TheoryData<string, string> Environments() => new()
    {
        { "America/New_York", "th_TH.UTF-8" },
        { "Asia/Kathmandu", "ar_SA.UTF-8" },
        { "Pacific/Chatham", "tr_TR.UTF-8" },
    };

    [Fact]
    public void TheEnvironmentCanChangeTimeZoneAndCulture()
    {
        // Without ICU (invariant globalization) or without tz data the other tests here would prove
        // nothing: every run would be UTC and invariant. So check that this runtime has both, and that
        // the tool does not switch to invariant mode.
        // The tool's assembly is VisMooc.Tool, or vismooc once it is named after the command.
        string runtimeConfig = new[] { "vismooc.runtimeconfig.json", "VisMooc.Tool.runtimeconfig.json" }
            .Select(name => Path.Combine(AppContext.BaseDirectory, name)).First(File.Exists);
        var config = JsonNode.Parse(File.ReadAllText(runtimeConfig))!;
        Assert.NotEqual(true, config["runtimeOptions"]?["configProperties"]?["System.Globalization.Invariant"]?.GetValue<bool>());
        Assert.IsType<ThaiBuddhistCalendar>(new CultureInfo("th-TH").Calendar);
        Assert.IsType<UmAlQuraCalendar>(new CultureInfo("ar-SA").Calendar);
        Assert.Equal("İ", "i".ToUpper(new CultureInfo("tr-TR")));
        Assert.Equal(TimeSpan.FromHours(-4), TimeZoneInfo.FindSystemTimeZoneById("America/New_York").GetUtcOffset(new DateTime(2013, 9, 1, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(new TimeSpan(5, 45, 0), TimeZoneInfo.FindSystemTimeZoneById("Asia/Kathmandu").GetUtcOffset(new DateTime(2099, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void ConvertWritesTheSameBytesInAnotherTimeZoneAndCulture(string zone, string locale)
    {
        using var h = new ConvertHarness();
        string reference = Run(h, "reference", null, "mysql");
        string other = Run(h, "other", Environment(zone, locale), "mysql");

        AssertSameOutputs(reference, other);

        // And those bytes are the committed, reviewed snapshots: the old course's rows, then the new
        // course's whose _id was not written before.
        foreach (string table in ConvertHarness.Tables)
        {
            var expected = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (string course in new[] { "old", "new" })
            {
                string snapshot = File.ReadAllText(Path.Combine(SnapshotFolder(), $"ConvertSnapshotTests.Table#{course}.{table}.verified.csv"));
                expected.AddRange(snapshot.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => seen.Add(line.Split(',')[0])));
            }

            Assert.Equal(expected, h.Csv(table, other).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
    }

    [Fact]
    public void Rfc4180OutputIsTheSameInAnotherTimeZoneAndCulture()
    {
        using var h = new ConvertHarness();
        AssertSameOutputs(Run(h, "reference", null, "rfc4180"), Run(h, "other", Environment("America/New_York", "th_TH.UTF-8"), "rfc4180"));
    }

    private static Dictionary<string, string?> Environment(string zone, string locale) => new()
    {
        ["TZ"] = zone,
        ["LANG"] = locale,
        ["LC_ALL"] = locale,
        ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "false",
    };

    private static string Run(ConvertHarness h, string name, Dictionary<string, string?>? environment, string format)
    {
        // The reference is UTC and invariant, whatever the machine running the tests is set to.
        environment ??= new Dictionary<string, string?> { ["TZ"] = "UTC", ["LANG"] = "C.UTF-8", ["LC_ALL"] = "C.UTF-8", ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "false" };
        string output = Path.Combine(h.Root, name);
        var run = ToolRunner.Run(["convert", ConvertHarness.FixturePackages, "--out", output, "--format", format, "--quiet"], environment);
        Assert.True(run.ExitCode == 3, $"exit {run.ExitCode}: {run.StdErr}");
        return output;
    }

    private static void AssertSameOutputs(string reference, string other)
    {
        var files = ConvertHarness.FilesUnder(reference);
        Assert.Equal(files, ConvertHarness.FilesUnder(other));
        Assert.Contains("rejects/users.tsv", files.Select(f => f.Replace('\\', '/')));
        foreach (string file in files.Where(f => f != "report.json"))
        {
            Assert.True(File.ReadAllBytes(Path.Combine(reference, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(other, file))), file + " differs");
        }

        // report.json also says where the output went and how long the run took; the rest is the same.
        Assert.Equal(Masked(reference), Masked(other));
    }

    private static string Masked(string folder)
    {
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "report.json")))!;
        report["output"] = "";
        report["elapsedSeconds"] = 0;
        return report.ToJsonString();
    }

    private static string SnapshotFolder([System.Runtime.CompilerServices.CallerFilePath] string file = "") => Path.Combine(Path.GetDirectoryName(file)!, "Snapshots");
}
