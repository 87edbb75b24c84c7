using System.Globalization;
using System.Text;
using VisMooc.Generated;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Synth;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Synth;

/// <summary><c>vismooc synth</c>: deterministic bytes, the committed sample, and the traps it is meant to carry.</summary>
public sealed class SynthTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "vismooc-synth-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The options the committed sample was made with (README: vismooc synth --learners 300 --style old).</summary>
    public static readonly SynthOptions SampleOptions = new() { Learners = 300, Style = SynthStyle.Old, Seed = 1, Output = "" };

    public static string SampleFolder => Path.Combine(RepoPaths.Root, "samples", "SynthX-STAT201x-3T2014");

    [Fact]
    public void RegeneratingTheCommittedSampleGivesTheSameBytes()
    {
        string folder = Path.Combine(_temp, "sample");
        PackageSynthesizer.Run(SampleOptions with { Output = folder });

        var expected = Directory.GetFiles(SampleFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var actual = Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);
        Assert.Equal(6, actual.Count);
        foreach (var name in actual)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(SampleFolder, name!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(folder, name!))),
                $"{name} differs from the committed sample: regenerate it with 'vismooc synth --learners 300 --style old --out samples/SynthX-STAT201x-3T2014' and review the diff");
        }
    }

    [Theory]
    [InlineData(SynthStyle.Old)]
    [InlineData(SynthStyle.New)]
    public void SameSeedGivesSameBytesInAnyCultureAndTimeZone(SynthStyle style)
    {
        var options = new SynthOptions { Learners = 2_000, Style = style, Seed = 42, Output = Path.Combine(_temp, "a") };
        PackageSynthesizer.Run(options);

        var culture = CultureInfo.CurrentCulture;
        try
        {
            // Arabic digits, comma decimals and a non-Gregorian default calendar would all show in the bytes if anything used the current culture.
            CultureInfo.CurrentCulture = new CultureInfo("ar-SA");
            PackageSynthesizer.Run(options with { Output = Path.Combine(_temp, "b") });
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        PackageSynthesizer.Run(options with { Output = Path.Combine(_temp, "c"), Seed = 43 });
        foreach (var file in Directory.GetFiles(Path.Combine(_temp, "a")))
        {
            string name = Path.GetFileName(file);
            byte[] a = File.ReadAllBytes(file);
            Assert.True(a.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_temp, "b", name))), name + " depends on the culture");
            Assert.False(a.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_temp, "c", name))), name + " does not depend on the seed");
        }
    }

    [Fact]
    public void OldStyleCarriesGenATrapsAndConvertsCleanly()
    {
        string folder = Path.Combine(_temp, "SynthX-STAT201x-3T2014");
        var result = PackageSynthesizer.Run(new SynthOptions { Learners = 5_000, Style = SynthStyle.Old, Output = folder });
        byte[] profiles = Read(folder, "auth_userprofile");
        // Gen A: the CR of a CRLF goal raw, its LF escaped (0D 5C 6E); NUL as \0; backslashes doubled.
        Assert.True(profiles.AsSpan().IndexOf("\r\\n"u8) >= 0);
        Assert.True(profiles.AsSpan().IndexOf("\\0"u8) >= 0);
        Assert.True(profiles.AsSpan().IndexOf("C:\\\\Program Files"u8) >= 0);
        Assert.DoesNotContain("\\r", Encoding.UTF8.GetString(profiles));
        Assert.StartsWith("id\tuser_id\tname\t", Encoding.UTF8.GetString(profiles));
        Assert.Contains("\tallow_certificate\t", Encoding.UTF8.GetString(profiles));
        Assert.Contains("\tavatar_typ\t", Encoding.UTF8.GetString(Read(folder, "auth_user-")));
        Assert.Contains("\"i4x://SynthX/STAT201x/course/3T2014\"", Encoding.UTF8.GetString(Read(folder, "course_structure")));
        string forum = Encoding.UTF8.GetString(Read(folder, ".mongo"));
        Assert.Contains("{ \"_id\" : { \"$oid\" : ", forum);
        Assert.Contains("SynthX\\/STAT201x\\/3T2014", forum);
        AssertDateShapes(forum);
        AssertOrdersDiffer(folder);

        var converted = Convert(folder, "out");
        Assert.Equal(0, converted.Rejected);
        Assert.Equal(0, converted.Tables.Sum(t => t.Warnings));
        Assert.Equal(5_000, converted.Tables.Single(t => t.Table == "users").Written);
        Assert.Equal(result.Files.Single(f => f.Name.EndsWith(".mongo", StringComparison.Ordinal)).Records, converted.Tables.Single(t => t.Table == "forum").Written);
        // A raw CR in the input is data: it reaches the users CSV escaped as \r.
        Assert.Contains("\\r\\n", File.ReadAllText(Path.Combine(_temp, "out", "users.csv")));
    }

    [Fact]
    public void NewStyleCarriesGenBTraps()
    {
        string folder = Path.Combine(_temp, "SynthX-STAT201x-2T2016");
        PackageSynthesizer.Run(new SynthOptions { Learners = 5_000, Style = SynthStyle.New, Output = folder });
        string profiles = Encoding.UTF8.GetString(Read(folder, "auth_userprofile"));
        Assert.Contains("\\r\\n", profiles);
        Assert.DoesNotContain("\r", profiles);
        Assert.EndsWith("\tprofile_image_uploaded_at\tstate", profiles[..profiles.IndexOf('\n')]);
        // Gen B writes microseconds only when they are not zero: both shapes in one column.
        string enrollments = Encoding.UTF8.GetString(Read(folder, "student_courseenrollment"));
        Assert.Matches(@"\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}\t", enrollments);
        Assert.Matches(@"\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\t", enrollments);
        Assert.Contains("\tcourse-v1:SynthX+STAT201x+2T2016\t", enrollments);
        Assert.Contains("block-v1:SynthX+STAT201x+2T2016+type@video+block@", Encoding.UTF8.GetString(Read(folder, "course_structure")));
        string forum = Encoding.UTF8.GetString(Read(folder, ".mongo"));
        Assert.Contains("{\"_id\":{\"$oid\":\"", forum);
        Assert.Contains("\\\\frac{a}{b}", forum);
        AssertDateShapes(forum);
        AssertOrdersDiffer(folder);

        var converted = Convert(folder, "out");
        Assert.Equal(0, converted.Rejected);
        Assert.Equal(0, converted.Tables.Sum(t => t.Warnings));
    }

    [Fact]
    public void SynthCommandWritesThePackageAndRefusesABadCount()
    {
        string folder = Path.Combine(_temp, "cmd");
        var run = ToolRunner.Run(["synth", "--learners", "50", "--out", folder, "--json"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"learners\": 50", run.StdOut);
        Assert.Equal(6, Directory.GetFiles(folder).Length);

        var bad = ToolRunner.Run(["synth", "--learners", "0", "--out", folder]);
        Assert.Equal(2, bad.ExitCode);
        Assert.Equal(["vismooc: synth: --learners: '0' is not a whole number from 1 to 50000000", "Try 'vismooc synth --help'."], bad.StdErr.Trim().Split('\n'));
    }

    public void Dispose()
    {
        if (Directory.Exists(_temp))
        {
            Directory.Delete(_temp, recursive: true);
        }
    }

    private static byte[] Read(string folder, string token) => File.ReadAllBytes(Directory.GetFiles(folder).Single(f => Path.GetFileName(f).Contains(token, StringComparison.Ordinal)));

    private static void AssertDateShapes(string forum)
    {
        Assert.Matches(@"""\$date"" ?: ?\d{13}", forum);
        Assert.Matches(@"""\$date"" ?: ?""\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z""", forum);
        Assert.Matches(@"""\$date"" ?: ?""\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000""", forum);
        Assert.Matches(@"""\$date"" ?: ?\{ ?""\$numberLong"" ?: ?""\d{13}""", forum);
    }

    private static void AssertOrdersDiffer(string folder)
    {
        static List<string> Column(byte[] file, int column) => Encoding.UTF8.GetString(file).Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')[column]).ToList();
        var users = Column(Read(folder, "auth_user-"), 0);
        var profileUsers = Column(Read(folder, "auth_userprofile"), 1);
        Assert.NotEqual(users, profileUsers);
        Assert.Equal(users.ToHashSet().Count, users.Count);
        Assert.Subset(users.ToHashSet(), profileUsers.ToHashSet());
    }

    private ConvertResult Convert(string input, string output) =>
        PackageConverter.Run(new ConvertOptions { Input = input, Output = Path.Combine(_temp, output) }, GeneratedTables.All);
}
