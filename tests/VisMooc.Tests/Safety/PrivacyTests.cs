using System.Security.Cryptography;
using System.Text;
using VisMooc.Modules.Values;
using VisMooc.Tests.Load;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Safety;

/// <summary>Keyed pseudonyms, and no username, email, name or key in any byte the tool writes or prints.</summary>
public sealed class PrivacyTests
{
    private static readonly byte[] s_hexKey = "0123456789abcdef"u8.ToArray();

    [Theory]
    // Checked by hand: printf '%s' VALUE | openssl dgst -sha256 -hmac 0123456789abcdef, first 40 hex digits.
    [InlineData("synth_ada", "e00cf773571bb969fe06be82ccb70ad5ad50986c")]
    [InlineData("Zoë 😀", "9f2cddfca2d28d6d1bd3adbd60b03e7f2ded1c88")]
    [InlineData("", "496dc93fa2d26eae500ec0bc37a122706b88f896")]
    public void AKeyedPseudonymIsTheFirst40HexDigitsOfHmacSha256OfTheUtf8Bytes(string value, string expected)
    {
        Span<byte> hex = stackalloc byte[Pseudonym.HexLength];

        Pseudonym.Hex(s_hexKey, Encoding.UTF8.GetBytes(value), hex);

        Assert.Equal(expected, Encoding.ASCII.GetString(hex));
        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(s_hexKey, Encoding.UTF8.GetBytes(value)))[..40], expected);
    }

    [Fact]
    public void WithAKeyFileUsernamesAndNamesAreKeyedAndWithoutItTheyAreMoocdbsRipemd160()
    {
        using var temp = new LoadFixtures.TempFolder();
        var package = CoursePackage.Sample(Path.Combine(temp.Path, "in"));
        byte[] key = RandomNumberGenerator.GetBytes(32);
        string keyFile = Path.Combine(temp.Path, "key");
        File.WriteAllBytes(keyFile, key);

        Assert.Equal(0, ToolRunner.Run(["convert", package.Root, "--out", Path.Combine(temp.Path, "keyed"), "--pseudonym-key-file", keyFile, "--quiet"]).ExitCode);
        Assert.Equal(0, ToolRunner.Run(["convert", package.Root, "--out", Path.Combine(temp.Path, "plain"), "--quiet"]).ExitCode);

        string Keyed(string s) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(s)))[..40];
        var keyed = CoursePackage.Rows(Path.Combine(temp.Path, "keyed"), "users").ToDictionary(r => r[1]!);
        var plain = CoursePackage.Rows(Path.Combine(temp.Path, "plain"), "users").ToDictionary(r => r[1]!);
        Assert.Equal((Keyed("synth_ada"), Keyed("Ada Synthetic")), (keyed["7000001"][2], keyed["7000001"][3]));
        Assert.Equal((Keyed("synth_bo"), Keyed("Bo Synthetic")), (keyed["7000002"][2], keyed["7000002"][3]));
        Assert.Equal((Pseudonym.Ripemd160Hex("synth_ada"), Pseudonym.Ripemd160Hex("Ada Synthetic")), (plain["7000001"][2], plain["7000001"][3]));
        // Only the two pseudonymised columns differ.
        Assert.Equal(plain["7000001"].Where((_, i) => i is not (2 or 3)), keyed["7000001"].Where((_, i) => i is not (2 or 3)));
    }

    [Fact]
    public void RunWithAnMlcConfigUsesTheKeyFileToo()
    {
        using var temp = new LoadFixtures.TempFolder();
        var package = CoursePackage.Sample(Path.Combine(temp.Path, "data", "course", "log_data", "vismooc"));
        string input = package.Folder;
        string keyFile = Path.Combine(temp.Path, "key");
        File.WriteAllBytes(keyFile, s_hexKey);
        string config = Path.Combine(temp.Path, "config.yml");
        File.WriteAllText(config, $"""
            pipeline:
              vismooc_extensions:
                vismooc_process: yes
                vismooc_populate: no
            data_file:
              data_dir: {Path.Combine(temp.Path, "data")}/
              course_folder: course
              log_data_folder: log_data
              vismooc_data_folder: vismooc/{CoursePackage.Course}
              vismooc_file:
                course_structure_file: {CoursePackage.Course}-course_structure-prod-analytics.json
                course_certificates_file: {CoursePackage.Course}-certificates_generatedcertificate-prod-analytics.sql
                course_enrollment_file: {CoursePackage.Course}-student_courseenrollment-prod-analytics.sql
                course_user_file: {CoursePackage.Course}-auth_user-prod-analytics.sql
                course_profile_file: {CoursePackage.Course}-auth_userprofile-prod-analytics.sql
                course_forum_file: {CoursePackage.Course}-prod.mongo
            csv_path:
              moocdb_csv_dir: csv
            """);

        var run = ToolRunner.Run(["run", "--config", config, "--pseudonym-key-file", keyFile, "--quiet"]);

        Assert.True(run.ExitCode == 0, run.StdErr);
        var users = CoursePackage.Rows(Path.Combine(temp.Path, "data", "course", "csv"), "users");
        Assert.Equal("e00cf773571bb969fe06be82ccb70ad5ad50986c", users.Single(u => u[1] == "7000001")[2]);
        Assert.True(Directory.Exists(input));
    }

    [Theory]
    [InlineData(15, "the pseudonym key has 15 bytes; use at least 16 random bytes (e.g. head -c 32 /dev/urandom > key)")]
    [InlineData(-1, "no such pseudonym key file")]
    public void AShortOrMissingKeyFileIsAUsageErrorThatNamesTheFileButNotTheKey(int length, string problem)
    {
        using var temp = new LoadFixtures.TempFolder();
        var package = CoursePackage.Sample(Path.Combine(temp.Path, "in"));
        string keyFile = Path.Combine(temp.Path, "key");
        if (length >= 0)
        {
            File.WriteAllText(keyFile, new string('k', length));
        }

        foreach (var command in new[] { "convert", "run" })
        {
            var run = ToolRunner.Run([command, package.Root, "--out", Path.Combine(temp.Path, "out"), "--pseudonym-key-file", keyFile]);

            Assert.Equal(2, run.ExitCode);
            Assert.Equal($"vismooc: error: {keyFile}: {problem}", run.StdErr.TrimEnd('\n'));
            Assert.DoesNotContain("kkkk", run.RawStdErr + run.StdOut, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(temp.Path, "out")));
        }
    }

    [Fact]
    public void NoPlantedPersonalValueNorTheKeyAppearsInAnyOutputByteOrConsoleLine()
    {
        using var temp = new LoadFixtures.TempFolder();
        var (package, planted) = PlantedPackage(Path.Combine(temp.Path, "in"));
        byte[] key = RandomNumberGenerator.GetBytes(32);
        string keyFile = Path.Combine(temp.Path, "key");
        File.WriteAllBytes(keyFile, key);
        string keyedOut = Path.Combine(temp.Path, "keyed");
        string plainOut = Path.Combine(temp.Path, "plain");

        var runs = new[]
        {
            ToolRunner.Run(["run", package.Root, "--out", keyedOut, "--pseudonym-key-file", keyFile]),
            ToolRunner.Run(["convert", package.Root, "--out", Path.Combine(temp.Path, "keyed-json"), "--pseudonym-key-file", keyFile, "--json"]),
            ToolRunner.Run(["run", package.Root, "--out", plainOut, "--verbose"]),
            ToolRunner.Run(["convert", package.Root, "--out", Path.Combine(temp.Path, "plain-json"), "--json"]),
        };

        Assert.All(runs, r => Assert.True(r.ExitCode == 3, r.StdErr));
        // The planted rows really were rejected, warned about and written, so each path was taken.
        string report = File.ReadAllText(Path.Combine(keyedOut, "report.json"));
        foreach (var table in new[] { "users", "enrollments", "grades", "forum" })
        {
            Assert.True(File.Exists(Path.Combine(keyedOut, "rejects", table + ".tsv")), table);
        }

        Assert.Contains("unreadable datetime written as NULL (a value of", report, StringComparison.Ordinal);
        Assert.Contains("unreadable datetime written as NULL: '2099-13-45 10:00:00'", report, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(keyedOut, "moocdb.sqlite")));

        var secrets = planted.Select(p => (p, Encoding.UTF8.GetBytes(p))).ToList();
        secrets.Add(("the key", key));
        secrets.Add(("the key in hex", Encoding.ASCII.GetBytes(Convert.ToHexStringLower(key))));
        secrets.Add(("the key in HEX", Encoding.ASCII.GetBytes(Convert.ToHexString(key))));
        secrets.Add(("the key in base64", Encoding.ASCII.GetBytes(Convert.ToBase64String(key))));
        var places = Directory.GetFiles(temp.Path, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(package.Root, StringComparison.Ordinal) && f != keyFile)
            .Select(f => (f, File.ReadAllBytes(f)))
            .Concat(runs.SelectMany((r, i) => new[] { ($"stdout of run {i}", Encoding.UTF8.GetBytes(r.StdOut)), ($"stderr of run {i}", Encoding.UTF8.GetBytes(r.RawStdErr)) }))
            .ToList();
        Assert.True(places.Count > 30, "expected the outputs of four runs");
        foreach (var (where, bytes) in places)
        {
            foreach (var (what, secret) in secrets)
            {
                Assert.True(bytes.AsSpan().IndexOf(secret) < 0, $"{what} appears in {where}");
            }
        }
    }

    [Fact]
    public void AUserIdThatIsNotANumberIsCountedInTheFindingsButNotQuoted()
    {
        using var temp = new LoadFixtures.TempFolder();
        var package = CoursePackage.Sample(Path.Combine(temp.Path, "in"));
        string enrollments = package.PathOf("-student_courseenrollment-prod-analytics.sql");
        File.AppendAllText(enrollments, "902\tplanted@mail.invalid\tcourse-v1:SynthX+DS101+2099_T1\t2099-01-01 00:00:00\t1\taudit\n");
        string output = Path.Combine(temp.Path, "out");

        var run = ToolRunner.Run(["convert", package.Root, "--out", output]);

        Assert.Equal(0, run.ExitCode);
        string report = File.ReadAllText(Path.Combine(output, "report.json"));
        Assert.Contains("\"user_id that is not a number (20 characters, not shown)\"", report, StringComparison.Ordinal);
        Assert.DoesNotContain("planted@mail.invalid", report + run.StdOut + run.RawStdErr, StringComparison.Ordinal);
        // The column itself is copied as the contract says (enrollments.user_id <- user_id).
        Assert.Contains(CoursePackage.Rows(output, "enrollments"), r => r[1] == "planted@mail.invalid");
    }

    /// <summary>
    /// A package whose every file carries planted usernames, emails and names, in good rows, rows that
    /// are rejected for every reason, values that only warn, and lines cut in the middle of a value.
    /// </summary>
    internal static (CoursePackage Package, List<string> Planted) PlantedPackage(string root)
    {
        var package = CoursePackage.Sample(root);
        var planted = new List<string>();
        string P(string value)
        {
            planted.Add(value);
            return value;
        }

        string userHeader = "id\tusername\tfirst_name\tlast_name\temail\tis_active\n";
        package.Write("-auth_user-prod-analytics.sql", userHeader
            + $"7000001\t{P("planted_user_a")}\t{P("PlantedFirstA")}\t{P("PlantedLastA")}\t{P("planted.a@mail.invalid")}\t1\n"
            + $"7000002\t{P("planted_user_b")}\t\t\t{P("planted.b@mail.invalid")}\n"                           // too few fields
            + $"7000003\t{P("planted_user_c")}\t\t\t{P("planted.c@mail.invalid")}\t1\\\n"                      // lone backslash
            + $"\t{P("planted_user_d")}\t\t\t{P("planted.d@mail.invalid")}\t1\n"                                // no id
            + $"7000005\t{P("planted_user_e")}\t\t\t{P("planted.e@mail")}\n.invalid\t1\n"                        // a raw LF splits the row
            + $"{P("77123")}x\t{P("planted_user_f")}\t\t\t\t1\t7\n");                                          // misaligned, id not digits
        string profileHeader = "id\tuser_id\tname\tlanguage\tlocation\tmeta\tyear_of_birth\tlevel_of_education\tgoals\tgender\tcountry\tmailing_address\n";
        package.Write("-auth_userprofile-prod-analytics.sql", profileHeader
            + $"50\t7000001\t{P("Planted Name A")}\t\t\t{{\"old_emails\": [[\"{P("planted.old@mail.invalid")}\", \"x\"]], \"old_names\": [[\"{P("Planted Old Name")}\"]]}}\t1990\tb\tgoals\tf\tZZ\t{P("1 Planted Street")}\n"
            + $"51\t7000002\t{P("Planted Name B")}\t\t\t\t1990\tb\n"                                             // too few fields
            + $"52\t\t{P("Planted Name C")}\t\t\t\t1990\tb\t\tf\tZZ\t\n"                                          // no user_id
            + $"53\tseven\t{P("Planted Name D")}\t\t\t\t1990\tb\t\tf\tZZ\t\n"                                     // user_id not a number
            + $"54\t7000001\t{P("Planted Name E")}\t\t\t\t1990\tb\t\tf\tZZ\t\n");                                 // a second profile
        package.Write("-certificates_generatedcertificate-prod-analytics.sql",
            "id\tuser_id\tdownload_url\tgrade\tcourse_id\tname\tcreated_date\n"
            + $"31\t7000001\t\t0.87\tcourse-v1:SynthX+DS101+2099_T1\t{P("Planted Cert Name")}\t2099-06-01 00:00:01\n"
            + $"32\t7000001\t\t0.5\tcourse-v1:SynthX+DS101+2099_T1\t{P("Planted Cert Short")}\n"                 // too few fields
            + $"33\t7000001\t\t0.5\tcourse-v1:SynthX+DS101+2099_T1\tx\t{P("Planted Date Name")}\n");            // a name where a date goes
        package.Write("-student_courseenrollment-prod-analytics.sql",
            "id\tuser_id\tcourse_id\tcreated\tis_active\tmode\n"
            + $"900\t7000001\tcourse-v1:SynthX+DS101+2099_T1\t{P("planted.enroll@mail.invalid")}\t1\taudit\n"    // an email where a date goes
            + "901\t7000001\tcourse-v1:SynthX+DS101+2099_T1\t2099-13-45 10:00:00\t1\taudit\n"                     // a date-like typo: quoted
            + "\t7000001\tcourse-v1:SynthX+DS101+2099_T1\t2099-01-01 00:00:00\t1\taudit\n");                      // no id
        string Doc(int n, string rest) => $"{{\"_id\":{{\"$oid\":\"6a00000000000000000000{n:x2}\"}},\"_type\":\"Comment\",\"author_id\":\"7000001\",\"course_id\":\"course-v1:SynthX+DS101+2099_T1\",{rest}";
        package.Write("-prod.mongo", string.Join('\n',
            Doc(1, $"\"author_username\":\"{P("planted_forum_a")}\",\"body\":\"fine\"}}"),
            Doc(2, $"\"author_username\":\"{P("planted_forum_b")}"),                                            // cut inside the value
            Doc(3, $"\"author\\u005fusername\":\"{P("planted_forum_c")}\", broken"),                             // escaped key
            Doc(4, $"\"author_username\":{P("nulx")}}}"),                                                     // a bare value System.Text.Json quotes
            Doc(5, $"\"author_username\":\"{P("planted_forum_e_left")}"),                                       // a raw LF inside the value...
            $"{P("planted_forum_e_right")}\",\"body\":\"x\"}}",                                                // ...leaves its tail on the next line
            Doc(6, $"\"author_username\":\"{P("planted_forum_f")}\",\"created_at\":{{\"$date\":\"{P("planted.date@mail.invalid")}\"}}}}"),
            Doc(7, $"\"author_username\":\"{P("planted_forum_g")}\"}}")) + "\n");
        return (package, planted);
    }
}
