using VisMooc.Modules.Load;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Load;

/// <summary>A <c>--db</c> value is quoted in errors only through the redaction: nothing after a ':' in its authority comes back.</summary>
public sealed class DbArgumentTests
{
    private const string Secret = "Zq9sEcr3t";

    /// <summary>Malformed and mistyped values a user could type, each hiding the secret after a ':' in its authority.</summary>
    private static readonly string[] s_malformed =
    [
        $"mysql://user:{Secret}@host/db",
        $"MySQL://user:{Secret}@host/db",
        $"MYSQL://user:{Secret}@host:3306/db",
        $"MariaDB://user:{Secret}@host/db",
        $"mysql:/user:{Secret}@host/db",
        $"mysql:user:{Secret}@host/db",
        $"mysql:///user:{Secret}@host/db",
        $"mysql//user:{Secret}@host/db",
        $"mysq://user:{Secret}@host/db",
        $"msql:user:{Secret}@host/db",
        $"postgres://user:{Secret}@host/db",
        $"postgres://user:{Secret}/db",
        $"user:{Secret}@host/db",
        $"user:{Secret}@host",
        $"mysql://user@host:{Secret}/db",
        $"mysql://user@host:{Secret}",
        $"mysql://user@host:3306:{Secret}/db",
        $"mysql://user@host:{Secret}:3306/db",
        $"mysql://user:{Secret}@host",
        $"mysql://user:{Secret}@/db",
        $"mysql://:{Secret}@host/db",
        $"mysql://user:{Secret}@host:3306x/db",
        $"mysql://user:pa/{Secret}@host/db",
        $"mysql://user:pa@{Secret}@host/db",
        $"mysql://user:{Secret}/x@host/db",
        $"mysql://user%3A{Secret}@host/db",
        $"mysql://user%3a{Secret}@host",
        $"mysql://user@[::1:{Secret}/db",
        $"mysql://user@[::1]:{Secret}/db",
        $"mysql://user@[::1]x{Secret}/db",
        $"sqlite://user:{Secret}@host/db",
        $" mysql://user:{Secret}@host/db",
        $"mysql://user:{Secret}@host/db\n",
        $"mysql://user:{Secret}\u001b[2J@host/db",
        $"mysql://host:{Secret}",
        $"mysql:user:{Secret}",
        $"user:pa://{Secret}@host/db",
        $"jdbc:mysql://host:{Secret}/db",
        $"jdbc:mysql://host/db?user=u&password={Secret}",
        $"mysql:host=localhost;dbname=moocdb;password={Secret}",
        $"mysql://user@host/db?password={Secret}",
        $"mysql://user@host/db#{Secret}",
        $"mysql://user:pa=ss{Secret}@host/db",
        $"mysql://user:p?{Secret}@host/db",
        $"mysql://user:{Secret}",
        $"mysql://user:pa/{Secret}",
        $"mysql://user@host/db@{Secret}",
        $"mysql://user@host/db/{Secret}",
        $"mysql://user@host/db:{Secret}",
        $"mysql://user@host/db%3A{Secret}",
        $"mysql://user@host/db.{Secret}",
        $"mysql://user@host:3306/{Secret}\u0000",
    ];

    /// <summary>The values above, one theory case each.</summary>
    public static TheoryData<string> Malformed => new(s_malformed);

    [Theory]
    [MemberData(nameof(Malformed))]
    public void ParseErrorsNeverQuoteWhatFollowsAColonInTheAuthority(string value)
    {
        var error = Assert.Throws<FormatException>(() => LoadTarget.Parse(value));

        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain('\u001b', error.Message);
        Assert.DoesNotContain(Secret, DbArgument.Redact(value), StringComparison.Ordinal);
    }

    [Fact]
    public void TheToolNeverPrintsTheSecretOfAMalformedDbValue()
    {
        using var temp = new LoadFixtures.TempFolder();
        // The shapes the issue names, through the real tool (the theory above covers every shape in the parser).
        string[] named = [$"MySQL://user:{Secret}@host/db", $"mysql:/user:{Secret}@host/db", $"mysql://user@host:{Secret}/db", $"user:{Secret}@host/db", $"mysql://user@host/db?password={Secret}"];
        foreach (string value in named)
        {
            var load = ToolRunner.Run(["load", temp.Path, "--db", value]);

            Assert.Equal(2, load.ExitCode);
            Assert.DoesNotContain(Secret, load.StdOut + load.StdErr, StringComparison.Ordinal);
            Assert.Single(load.StdErr.Trim().Split('\n'));
        }
    }

    [Fact]
    public void ADatabaseUrlGivenWhereTheFolderGoesIsNotQuoted()
    {
        using var temp = new LoadFixtures.TempFolder();

        var load = ToolRunner.Run(["load", $"mysql://user:{Secret}@host/db"], workingDirectory: temp.Path);

        Assert.Equal(1, load.ExitCode);
        Assert.DoesNotContain(Secret, load.StdOut + load.StdErr, StringComparison.Ordinal);
        Assert.Contains("no such folder; this looks like a database: it goes after --db", load.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("load", "x", "--dv", $"mysql://user:{Secret}@host/db")]
    [InlineData("load", "x", $"mysql://user:{Secret}@host/db")]
    [InlineData("load", "x", $"--dbx=mysql://user:{Secret}@host/db")]
    [InlineData("run", "x", "--out", "y", $"MySQL://user:{Secret}@host/db")]
    [InlineData("convert", "x", $"user:{Secret}@host")]
    [InlineData("lod", $"mysql://user:{Secret}@host/db")]
    public void AUsageErrorQuotesADatabaseUrlOnlyRedacted(params string[] args)
    {
        // A misspelt --db, or a URL where no argument goes: the parser's own messages quote the word.
        var run = ToolRunner.Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain(Secret, run.StdOut + run.RawStdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData($"mysql://user@host:{Secret}/db", "mysql://user@host:***/***")]
    [InlineData($"MySQL://user:{Secret}@host/db", "MySQL://user:***@host/***")]
    [InlineData($"mysql:/user:{Secret}@host/db", "mysql:/user:***@host/***")]
    [InlineData($"mysql://user:p@{Secret}@host:3306/db", "mysql://user:***@host:***/***")]
    [InlineData($"user:{Secret}@host/db", "user:***@host/***")]
    [InlineData("mysql://moocdb@localhost/moocdb", "mysql://moocdb@localhost/***")]
    [InlineData("sqlite:/data/moocdb.sqlite", "sqlite:/data/moocdb.sqlite")]
    public void RedactionKeepsWhatHelpsFindTheTypo(string value, string shown) => Assert.Equal(shown, DbArgument.Redact(value));

    [Fact]
    public void APortThatIsNotANumberIsNamedWithoutItsValue()
    {
        var error = Assert.Throws<FormatException>(() => LoadTarget.Parse($"mysql://user@host:{Secret}/db"));

        Assert.Equal("'mysql://user@host:***/***': the port must be a number from 1 to 65535 (the password goes in VISMOOC_DB_PASSWORD or --password-file, never in --db)", error.Message);
    }

    [Theory]
    [InlineData("MySQL://moocdb@localhost/moocdb")]
    [InlineData("MARIADB://moocdb@localhost/moocdb")]
    [InlineData("mysql://moocdb@localhost/moocdb")]
    public void SchemesAreCaseInsensitive(string value)
    {
        var target = LoadTarget.Parse(value);

        Assert.Equal(LoadTarget.MySql("moocdb", "localhost", 3306, "moocdb"), target);
        Assert.Equal(LoadTarget.Sqlite("x.sqlite"), LoadTarget.Parse("SQLite:x.sqlite"));
    }

    [Theory]
    [InlineData("mysql://moocdb@localhost/moocdb")]
    [InlineData("mysql://ana%40lab@db.example.org:3307/moocdb%20two")]
    [InlineData("mysql://o%27brien@[::1]:3306/it%27s")]
    [InlineData("sqlite:/tmp/with space/it's.sqlite")]
    public void TheDbArgumentOfATargetParsesBackToIt(string value)
    {
        var target = LoadTarget.Parse(value);

        Assert.Equal(target, LoadTarget.Parse(target.ToDbArgument()));
    }

    [Fact]
    public void TheLoadCommandLineIsQuotedForAShellAndHoldsNoPassword()
    {
        var target = LoadTarget.Parse("mysql://o%27brien@localhost/moocdb");

        Assert.Equal("vismooc load '/data/it'\\''s csv' --db mysql://o%27brien@localhost:3306/moocdb --mode replace",
            target.LoadCommandLine("/data/it's csv", LoadMode.Replace));
        // Without --db, the default target in the CSV folder, named in full.
        Assert.Equal("vismooc load /data/csv --db sqlite:/data/csv/moocdb.sqlite", LoadTarget.Resolve(null, "/data/csv").LoadCommandLine("/data/csv", LoadMode.Ignore));
    }

    [Fact]
    public void TheLoadCommandLineRunsInAShellAsPrinted()
    {
        string folder = "/tmp/a b/it's $HOME `x` \"q\" *";
        string line = LoadTarget.Sqlite(folder + "/db.sqlite").LoadCommandLine(folder, LoadMode.Ignore);

        // The shell splits the printed line into words; each must be what the tool would get.
        using var shell = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sh", ["-c", "for a in " + line + "; do printf '%s\\n' \"$a\"; done"]) { RedirectStandardOutput = true })!;
        string output = shell.StandardOutput.ReadToEnd();
        shell.WaitForExit();

        Assert.Equal(["vismooc", "load", folder, "--db", "sqlite:" + folder + "/db.sqlite"], output.TrimEnd('\n').Split('\n'));
    }
}
