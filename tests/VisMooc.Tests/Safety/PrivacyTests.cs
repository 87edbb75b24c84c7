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
        var (package, planted, copied) = PlantedPackage(Path.Combine(temp.Path, "in"));
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
        // The planted rows really were rejected, warned about, named as duplicates and noted, so each path was taken.
        string report = File.ReadAllText(Path.Combine(keyedOut, "report.json"));
        foreach (var table in new[] { "users", "enrollments", "grades", "forum", "videos", "course_video" })
        {
            Assert.True(File.Exists(Path.Combine(keyedOut, "rejects", table + ".tsv")), table);
        }

        Assert.Contains("unreadable datetime written as NULL (a value of", report, StringComparison.Ordinal);
        Assert.Contains("unreadable datetime written as NULL: '2099-13-45 10:00:00'", report, StringComparison.Ordinal);
        Assert.Contains("users.country: 15 characters, the column holds 2", report, StringComparison.Ordinal);
        Assert.Contains("auth_userprofile.user_id: a value of 20 characters (not quoted) is not a user id", report, StringComparison.Ordinal);
        Assert.Contains("a course_id that is no course id (a value of 27 characters (not quoted))", report, StringComparison.Ordinal);
        Assert.Contains("_id a value of 26 characters (not quoted), already written", report, StringComparison.Ordinal);
        Assert.Contains("course_id 'course-v1:SynthX+DS101+2099_T2' in 1 row(s)", report, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(keyedOut, "moocdb.sqlite")));
        // What the contract copies does reach the tables.
        Assert.Contains(copied, c => File.ReadAllText(Path.Combine(keyedOut, "forum.csv")).Contains(c, StringComparison.Ordinal));

        var secrets = planted.Select(p => (p, Encoding.UTF8.GetBytes(p), Tables: false)).ToList();
        secrets.AddRange(copied.Select(c => (c, Encoding.UTF8.GetBytes(c), Tables: true)));
        secrets.Add(("the key", key, false));
        secrets.Add(("the key in hex", Encoding.ASCII.GetBytes(Convert.ToHexStringLower(key)), false));
        secrets.Add(("the key in HEX", Encoding.ASCII.GetBytes(Convert.ToHexString(key)), false));
        secrets.Add(("the key in base64", Encoding.ASCII.GetBytes(Convert.ToBase64String(key)), false));
        var places = Directory.GetFiles(temp.Path, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(package.Root, StringComparison.Ordinal) && f != keyFile)
            .Select(f => (f, File.ReadAllBytes(f)))
            .Concat(runs.SelectMany((r, i) => new[] { ($"stdout of run {i}", Encoding.UTF8.GetBytes(r.StdOut)), ($"stderr of run {i}", Encoding.UTF8.GetBytes(r.RawStdErr)) }))
            .ToList();
        Assert.True(places.Count > 30, "expected the outputs of four runs");
        AssertNowhere(places, secrets);
    }

    [Fact]
    public void NoPlantedValueAppearsWhenWholeFilesAreUtf16OrHaveNoHeader()
    {
        // A file saved as UTF-16 once had every line rejected with its raw bytes, and dropping the
        // NULs gave every username; a file without a header line has a record where its column
        // names should be, which errors quoted. Whether such a file is rejected line by line or
        // stops the run, nothing of it may reach an output.
        using var temp = new LoadFixtures.TempFolder();
        var planted = new List<string>();
        string P(string value)
        {
            planted.Add(value);
            return value;
        }

        var forum = CoursePackage.Sample(Path.Combine(temp.Path, "in-forum"));
        forum.Write("-prod.mongo", Encoding.Unicode.GetBytes(
            $"{{\"_id\":{{\"$oid\":\"6a0000000000000000000061\"}},\"_type\":\"Comment\",\"author_username\":\"{P("planted_utf16_author")}\",\"body\":\"{P("Planted Utf16 Body")}\"}}\n"
            + $"{{\"_id\":{{\"$oid\":\"6a0000000000000000000062\"}},\"_type\":\"Comment\",\"author_username\":\"{P("planted_utf16_author_2")}\"}}\n"));
        var users = CoursePackage.Sample(Path.Combine(temp.Path, "in-users"));
        users.Write("-auth_user-prod-analytics.sql", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(
            $"id\tusername\temail\n7000001\t{P("planted_utf16_user")}\t{P("planted.utf16@mail.invalid")}\n")]);
        var headerless = CoursePackage.Sample(Path.Combine(temp.Path, "in-headerless"));
        headerless.Write("-student_courseenrollment-prod-analytics.sql",
            $"900\t{P("planted_header_user")}\t{P("planted.header@mail.invalid")}\t2099-01-01 00:00:00\t1\taudit\n901\t7000001\tx\t2099-01-01 00:00:00\t1\taudit\n");

        var runs = new[]
        {
            ToolRunner.Run(["convert", forum.Root, "--out", Path.Combine(temp.Path, "out-forum")]),
            ToolRunner.Run(["convert", forum.Root, "--out", Path.Combine(temp.Path, "out-forum-json"), "--json"]),
            ToolRunner.Run(["convert", users.Root, "--out", Path.Combine(temp.Path, "out-users")]),
            ToolRunner.Run(["convert", headerless.Root, "--out", Path.Combine(temp.Path, "out-headerless")]),
        };

        Assert.All(runs, r => Assert.True(r.ExitCode is 1 or 3, r.StdErr));
        Assert.Contains("missing column", runs[3].StdErr, StringComparison.Ordinal);
        var places = Directory.GetFiles(temp.Path, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(temp.Path, f).StartsWith("in-", StringComparison.Ordinal))
            .Select(f => (f, File.ReadAllBytes(f)))
            .Concat(runs.SelectMany((r, i) => new[] { ($"stdout of run {i}", Encoding.UTF8.GetBytes(r.StdOut)), ($"stderr of run {i}", Encoding.UTF8.GetBytes(r.RawStdErr)) }))
            .ToList();
        AssertNowhere(places, planted.Select(p => (p, Encoding.UTF8.GetBytes(p), false)).ToList());
    }

    [Fact]
    public void AUserIdThatIsNotANumberRejectsItsRowAndIsQuotedNowhere()
    {
        using var temp = new LoadFixtures.TempFolder();
        var package = CoursePackage.Sample(Path.Combine(temp.Path, "in"));
        string enrollments = package.PathOf("-student_courseenrollment-prod-analytics.sql");
        File.AppendAllText(enrollments, "902\tplanted@mail.invalid\tcourse-v1:SynthX+DS101+2099_T1\t2099-01-01 00:00:00\t1\taudit\n");
        string output = Path.Combine(temp.Path, "out");

        var run = ToolRunner.Run(["convert", package.Root, "--out", output]);

        Assert.Equal(3, run.ExitCode);
        string report = File.ReadAllText(Path.Combine(output, "report.json"));
        Assert.Contains("enrollments.user_id: a value of 20 characters (not quoted) is not a user id (digits without a leading zero)", report, StringComparison.Ordinal);
        string rejects = File.ReadAllText(Path.Combine(output, "rejects", "enrollments.tsv"));
        Assert.Contains("902\\t***\\tcourse-v1:SynthX+DS101+2099_T1\\t2099-01-01 00:00:00\\t1\\taudit", rejects, StringComparison.Ordinal);
        Assert.DoesNotContain("planted@mail.invalid", report + rejects + run.StdOut + run.RawStdErr + File.ReadAllText(Path.Combine(output, "enrollments.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void NoPlantedTrackingLogValueAppearsInAnyOutputByteOrConsoleLine()
    {
        // Usernames, IPs, session ids, user agents (also inside context) in good, rejected, malformed,
        // logged-out and other-course lines: only the pseudonym of a good line's username may reach a table.
        using var temp = new LoadFixtures.TempFolder();
        var package = CoursePackage.Sample(Path.Combine(temp.Path, "in"));
        var planted = new List<string>();
        string P(string value)
        {
            planted.Add(value);
            return value;
        }

        string Line(string type, string user, string ip, string session, string agent, string course, string @event) =>
            $"{{\"username\": \"{user}\", \"event_type\": \"{type}\", \"ip\": \"{ip}\", \"agent\": \"{agent}\", \"host\": \"{P("planted-host-" + user.Length + type.Length + ".invalid")}\", "
            + $"\"session\": \"{session}\", \"referer\": \"https://planted-referer.invalid/{session}\", \"accept_language\": \"x-planted\", \"event_source\": \"browser\", "
            + $"\"event\": {@event}, \"time\": \"2099-03-01T10:00:00.123456+00:00\", \"page\": \"https://courses.edx.org/courses/{course}/courseware/\", "
            + $"\"context\": {{\"course_id\": \"{course}\", \"user_id\": 7000001, \"username\": \"{user}\", \"ip\": \"{ip}\", \"agent\": \"{agent}\", \"session\": \"{session}\"}}}}";
        const string Course = "course-v1:SynthX+DS101+2099_T1";
        const string Play = "\"{\\\"id\\\": \\\"abc123\\\", \\\"currentTime\\\": 12.5, \\\"code\\\": \\\"html5\\\"}\"";
        var lines = new[]
        {
            Line("play_video", P("planted_click_user"), P("203.0.113.71"), P("plantedsessiongood01"), P("PlantedAgent/1.0 (good)"), Course, Play),
            Line("pause_video", P("planted_reject_user"), P("203.0.113.72"), P("plantedsessionrej002"), P("PlantedAgent/2.0 (rejected)"), Course, "\"{\\\"currentTime\\\": 3}\""),
            Line("seek_video", P("planted_other_user"), P("203.0.113.73"), P("plantedsessionoth003"), P("PlantedAgent/3.0 (other)"), "course-v1:OtherX+O1+2099", Play),
            Line("load_video", " ", P("203.0.113.74"), P("plantedsessionanon04"), P("PlantedAgent/4.0 (anon)"), Course, Play),
            Line("stop_video", P("planted_cut_user"), P("203.0.113.75"), P("plantedsessioncut005"), P("PlantedAgent/5.0 (cut)"), Course, Play)[..260],
            Line("problem_check", P("planted_page_user"), P("203.0.113.76"), P("plantedsessionpag006"), P("PlantedAgent/6.0 (page)"), Course, "\"\""),
        };
        string events = Path.Combine(temp.Path, "events");
        Directory.CreateDirectory(events);
        File.WriteAllText(Path.Combine(events, "SynthX-edx-events-2099-03-01.log"), string.Join("\n", lines) + "\n");

        var runs = new[]
        {
            ToolRunner.Run(["run", package.Root, "--events", events, "--out", Path.Combine(temp.Path, "out"), "--verbose"]),
            ToolRunner.Run(["convert", package.Root, "--events", events, "--out", Path.Combine(temp.Path, "out-json"), "--json"]),
        };

        Assert.All(runs, r => Assert.True(r.ExitCode == 3, r.StdErr));
        string clicks = File.ReadAllText(Path.Combine(temp.Path, "out", "click_events.csv"));
        Assert.Contains(Pseudonym.Ripemd160Hex("planted_click_user"), clicks, StringComparison.Ordinal);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(temp.Path, "out", "rejects", "click_events.tsv")).Length);
        Assert.True(File.Exists(Path.Combine(temp.Path, "out", "moocdb.sqlite")));

        var secrets = planted.Select(p => (p, Encoding.UTF8.GetBytes(p), Tables: false)).ToList();
        var places = Directory.GetFiles(temp.Path, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(package.Root, StringComparison.Ordinal) && !f.StartsWith(events, StringComparison.Ordinal))
            .Select(f => (f, File.ReadAllBytes(f)))
            .Concat(runs.SelectMany((r, i) => new[] { ($"stdout of run {i}", Encoding.UTF8.GetBytes(r.StdOut)), ($"stderr of run {i}", Encoding.UTF8.GetBytes(r.RawStdErr)) }))
            .ToList();
        AssertNowhere(places, secrets);
    }

    private static void AssertNowhere(List<(string Where, byte[] Bytes)> places, List<(string What, byte[] Secret, bool Tables)> secrets)
    {
        foreach (var (where, bytes) in places)
        {
            // The tables (CSVs and the database) hold what the contract copies; nothing else may.
            bool table = where.EndsWith(".csv", StringComparison.Ordinal) || where.EndsWith(".sqlite", StringComparison.Ordinal);
            foreach (var (what, secret, inTables) in secrets)
            {
                Assert.True((inTables && table) || bytes.AsSpan().IndexOf(secret) < 0, $"{what} appears in {where}");
                // A UTF-16 line dropped NULs must not give it back either.
                Assert.True((inTables && table) || bytes.Where(b => b != 0).ToArray().AsSpan().IndexOf(secret) < 0 || bytes.AsSpan().IndexOf((byte)0) < 0, $"{what} appears in {where} once NULs are dropped");
            }
        }
    }

    /// <summary>
    /// A package whose every file carries planted usernames, emails and names, in good rows, rows that
    /// are rejected for every reason, values that only warn, lines cut in the middle of a value or a
    /// key, lines in UTF-16, and in every text field: <c>Planted</c> may appear in no output,
    /// <c>Copied</c> only in the tables (the contract copies forum text, profile goals, course ids).
    /// </summary>
    internal static (CoursePackage Package, List<string> Planted, List<string> Copied) PlantedPackage(string root)
    {
        var package = CoursePackage.Sample(root);
        var planted = new List<string>();
        var copied = new List<string>();
        string P(string value)
        {
            planted.Add(value);
            return value;
        }

        string C(string value)
        {
            copied.Add(value);
            return value;
        }

        static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
        static byte[] Utf16Line(string text) => Encoding.Unicode.GetBytes(text);

        string userHeader = "id\tusername\tfirst_name\tlast_name\temail\tis_active\n";
        package.Write("-auth_user-prod-analytics.sql", [.. Utf8(userHeader
            + $"7000001\t{P("planted_user_a")}\t{P("PlantedFirstA")}\t{P("PlantedLastA")}\t{P("planted.a@mail.invalid")}\t1\n"
            + $"7000002\t{P("planted_user_b")}\t\t\t{P("planted.b@mail.invalid")}\n"                           // too few fields
            + $"7000003\t{P("planted_user_c")}\t\t\t{P("planted.c@mail.invalid")}\t1\\\n"                      // lone backslash
            + $"\t{P("planted_user_d")}\t\t\t{P("planted.d@mail.invalid")}\t1\n"                                // no id
            + $"7000005\t{P("planted_user_e")}\t\t\t{P("planted.e@mail")}\n.invalid\t1\n"                        // a raw LF splits the row
            + $"{P("77123")}x\t{P("planted_user_f")}\t\t\t\t1\t7\n"                                            // misaligned, id not digits
            + $"{P("planted_id_user")}\t{P("planted_user_h")}\t\t\t\t1\n"),                                    // a username as id
            .. Utf16Line($"7000007\t{P("planted_utf16_user")}\t\t\t{P("planted.utf16@mail.invalid")}\t1\n")]); // a line in UTF-16
        string profileHeader = "id\tuser_id\tname\tlanguage\tlocation\tmeta\tyear_of_birth\tlevel_of_education\tgoals\tgender\tcountry\tmailing_address\n";
        package.Write("-auth_userprofile-prod-analytics.sql", profileHeader
            + $"50\t7000001\t{P("Planted Name A")}\t{C("Planted Language")}\t{C("Planted Location")}\t{{\"old_emails\": [[\"{P("planted.old@mail.invalid")}\", \"x\"]], \"old_names\": [[\"{P("Planted Old Name")}\"]]}}\t1990\tb\t{C("Planted Goals")}\tf\tZZ\t{P("1 Planted Street")}\n"
            + $"51\t7000002\t{P("Planted Name B")}\t\t\t\t1990\tb\n"                                             // too few fields
            + $"52\t\t{P("Planted Name C")}\t\t\t\t1990\tb\t\tf\tZZ\t\n"                                          // no user_id
            + $"53\tseven\t{P("Planted Name D")}\t\t\t\t1990\tb\t\tf\tZZ\t\n"                                     // user_id not a number
            + $"54\t7000001\t{P("Planted Name E")}\t\t\t\t1990\tb\t\tf\tZZ\t\n"                                   // a second profile
            + $"55\t{P("planted_uid_username")}\t{P("Planted Name F")}\t{P("Planted Lang F")}\t\t\t1990\tb\t{P("Planted Goals F")}\tf\tZZ\t\n" // a username as user_id
            + $"56\t7000006\t{P("Planted Name G")}\t{P("Planted Lang G")}\t\t\t1990\tb\t\tf\t{P("Planted Country")}\t\n"); // a name as country: too long
        package.Write("-certificates_generatedcertificate-prod-analytics.sql",
            "id\tuser_id\tdownload_url\tgrade\tcourse_id\tname\tcreated_date\n"
            + $"31\t7000001\t\t0.87\tcourse-v1:SynthX+DS101+2099_T1\t{P("Planted Cert Name")}\t2099-06-01 00:00:01\n"
            + $"32\t7000001\t\t0.5\tcourse-v1:SynthX+DS101+2099_T1\t{P("Planted Cert Short")}\n"                 // too few fields
            + $"33\t7000001\t\t0.5\tcourse-v1:SynthX+DS101+2099_T1\tx\t{P("Planted Date Name")}\n"              // a name where a date goes
            + $"34\t7000001\t{P("https://planted.invalid/ada")}\t{P("Planted Grade That Is Far Too Long")}\tcourse-v1:SynthX+DS101+2099_T1\t{P("Planted Cert Name 2")}\t2099-06-01 00:00:01\n"); // grade too long
        package.Write("-student_courseenrollment-prod-analytics.sql", [.. Utf8(
            "id\tuser_id\tcourse_id\tcreated\tis_active\tmode\n"
            + $"900\t7000001\tcourse-v1:SynthX+DS101+2099_T1\t{P("planted.enroll@mail.invalid")}\t1\taudit\n"    // an email where a date goes
            + "901\t7000001\tcourse-v1:SynthX+DS101+2099_T1\t2099-13-45 10:00:00\t1\taudit\n"                     // a date-like typo: quoted
            + "\t7000001\tcourse-v1:SynthX+DS101+2099_T1\t2099-01-01 00:00:00\t1\taudit\n"                        // no id
            + $"902\t7000001\t{C("planted.course@mail.invalid")}\t2099-01-01 00:00:00\t1\taudit\n"               // an email as course_id: copied, not quoted
            + "903\t7000001\tcourse-v1:SynthX+DS101+2099_T2\t2099-01-01 00:00:00\t1\taudit\n"                     // another course: quoted
            + $"904\t7000001\tcourse-v1:SynthX+DS101+2099_T1\t2099-01-01 00:00:00\t{P("planted_active")}\t{P("Planted Mode")}\n" // is_active not 0/1
            + $"905\t{P("planted_enroll_uid")}\tcourse-v1:SynthX+DS101+2099_T1\t2099-01-01 00:00:00\t1\taudit\n" // a username as user_id
            + $"{C("planted.dupid@mail.invalid")}\t7000001\tcourse-v1:SynthX+DS101+2099_T1\t2099-01-01 00:00:00\t1\taudit\n"
            + "planted.dupid@mail.invalid\t7000001\tcourse-v1:SynthX+DS101+2099_T1\t2099-01-01 00:00:00\t1\taudit\n"), // a duplicate: named, not quoted
            .. Utf16Line($"906\t{P("planted_enroll_utf16")}\tcourse-v1:SynthX+DS101+2099_T1\t2099-01-01 00:00:00\t1\taudit\n")]);
        string Doc(int n, string rest) => $"{{\"_id\":{{\"$oid\":\"6a00000000000000000000{n:x2}\"}},\"_type\":\"Comment\",\"author_id\":\"7000001\",\"course_id\":\"course-v1:SynthX+DS101+2099_T1\",{rest}";
        package.Write("-prod.mongo", [.. Utf8(string.Join('\n',
            Doc(1, $"\"author_username\":\"{P("planted_forum_a")}\",\"body\":\"{C("Planted Forum Body")}\"}}"),
            Doc(2, $"\"author_username\":\"{P("planted_forum_b")}"),                                            // cut inside the value
            Doc(3, $"\"author\\u005fusername\":\"{P("planted_forum_c")}\", broken"),                             // escaped key
            Doc(4, $"\"author_username\":{P("nulx")}}}"),                                                     // a bare value System.Text.Json quotes
            Doc(5, $"\"author_username\":\"{P("planted_forum_e_left")}"),                                       // a raw LF inside the value...
            $"{P("planted_forum_e_right")}\",\"body\":\"x\"}}",                                                // ...leaves its tail on the next line
            Doc(6, $"\"author_username\":\"{P("planted_forum_f")}\",\"created_at\":{{\"$date\":\"{P("planted.date@mail.invalid")}\"}}}}"),
            Doc(7, $"\"author_username\":\"{P("planted_forum_g")}\"}}"),
            Doc(8, $"\"body\":\"{P("Planted Cut Body")}\",\"author_user"),                                     // a raw LF inside a key...
            $"name\":\"{P("planted_forum_split_key")}\",\"title\":\"{P("Planted Split Title")}\"}}",            // ...the value after it
            $"{{\"_id\":{{\"$oid\":\"6a0000000000000000000009\"}},\"_type\":\"CommentThread\",\"title\":\"{C("Planted Thread Title")}\",\"course_id\":\"{C("planted.forum.course@mail.invalid")}\",\"author_id\":\"7000001\"}}",
            $"{{\"_id\":{{\"$oid\":\"6a000000000000000000000a\"}},\"_type\":\"CommentThread\",\"title\":\"{P("Planted Broken Title")}\",\"body\":\"{P("Planted Broken Body")}\",}}")
            + "\n"),
            .. Utf16Line(Doc(11, $"\"author_username\":\"{P("planted_forum_utf16")}\",\"body\":\"{P("Planted Utf16 Body")}\"}}\n"))]);

        // A course tree with a video whose name no text column holds (rejected, and so not copied),
        // and one whose name is copied.
        string structurePath = package.PathOf("-course_structure-prod-analytics.json");
        var tree = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(structurePath))!.AsObject();
        var vertical = tree["block-v1:SynthX+DS101+2099_T1+type@vertical+block@cc33"]!["children"]!.AsArray();
        foreach (var (block, name) in new[] { ("dd44", P("Planted Video Name ") + new string('x', 70_000)), ("ee55", C("Planted Copied Video Name")) })
        {
            string videoKey = "block-v1:SynthX+DS101+2099_T1+type@video+block@" + block;
            vertical.Add(videoKey);
            tree[videoKey] = new System.Text.Json.Nodes.JsonObject
            {
                ["category"] = "video",
                ["children"] = new System.Text.Json.Nodes.JsonArray(),
                ["metadata"] = new System.Text.Json.Nodes.JsonObject { ["display_name"] = name },
            };
        }

        File.WriteAllText(structurePath, tree.ToJsonString());
        return (package, planted, copied);
    }
}
