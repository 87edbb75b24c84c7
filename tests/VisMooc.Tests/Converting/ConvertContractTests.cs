using System.Numerics;
using System.Text;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Converting;

/// <summary>
/// The output contract (vismooc-tables.md), clause by clause, on the fixture packages. Expected
/// values come from the contract's text; digests from Python's hashlib (OpenSSL's RIPEMD-160), and
/// <c>H</c> from <see cref="ReferenceHash"/>, written here from the contract's definition.
/// </summary>
public sealed class ConvertContractTests(ConvertedFixtures fixtures) : IClassFixture<ConvertedFixtures>
{
    private const string OldId = "HKUSTx/OLD101/2T2013";
    private const string NewId = "course-v1:SynthX+NEW201+2099_T1";
    private const string I4x = "i4x://HKUSTx/OLD101/";
    private const string Block = "block-v1:SynthX+NEW201+2099_T1+type@";

    private string?[] Row(string table, string column, string value) => ConvertHarness.FindRow(fixtures.Package.Output, table, column, value);

    private List<string?[]> Rows(string table) => ConvertHarness.ReadRows(fixtures.Package.Output, table);

    private static string? V(string table, string?[] row, string column) => ConvertHarness.Value(table, row, column);

    private static void Same(string?[] expected, IEnumerable<string?> actual) => Assert.Equal(expected, actual.ToArray());

    /// <summary><c>H(s)</c> exactly as the contract words it (BigInteger, so no shortcut is shared with the implementation).</summary>
    public static string ReferenceHash(string s)
    {
        byte[] b = Encoding.UTF8.GetBytes(s);
        if (b.Length == 0)
        {
            return "0";
        }

        var mask = (BigInteger.One << 64) - 1;
        BigInteger x = new BigInteger(b[0]) << 7;
        foreach (byte c in b)
        {
            x = ((x * 1000003) & mask) ^ c;
        }

        x ^= b.Length;
        if (x >= BigInteger.One << 63)
        {
            x -= BigInteger.One << 64; // read as signed 64-bit
        }

        if (x == -1)
        {
            x = -2;
        }

        return (x >= 0 ? x : x + (BigInteger.One << 63)).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void TheReferenceHashMeetsTheContractVector() =>
        Assert.Equal("4176302298990310613", ReferenceHash("i4x://org/course/video/f50cc021e7b84729b53aabf23017cd13"));

    [Fact]
    public void EveryStableIdIsHOfItsKey()
    {
        // courses._id = H(course root key); videos._id = H(video key); forum._id = H(_id.$oid);
        // course_video._id = H(course id + "|" + video key).
        Assert.All(Rows("courses"), r => Assert.Equal(ReferenceHash(V("courses", r, "original_id") switch
        {
            OldId => I4x + "course/2T2013",
            NewId => Block + "course+block@course",
            var other => throw new InvalidOperationException(other),
        }), r[0]));
        Assert.All(Rows("videos"), r => Assert.Equal(ReferenceHash(r[1]!), r[0]));
        Assert.All(Rows("forum"), r => Assert.Equal(ReferenceHash(r[1]!), r[0]));
        Assert.All(Rows("course_video"), r => Assert.Equal(ReferenceHash(r[1] + "|" + r[2]), r[0]));
        Assert.Equal(10, Rows("course_video").Count);

        // And two values worked out by hand from the definition (Python 2.7 hash, modulo 2^63):
        Assert.Equal("2413354923357434224", V("courses", Row("courses", "original_id", OldId), "_id"));
        Assert.Equal("65242958302503009", V("course_video", Row("course_video", "video_id", I4x + "video/v1"), "_id"));
    }

    [Fact]
    public void CourseIdSpellingOrgAndYearFollowTheRootKeyOfEachEra()
    {
        var old = Row("courses", "original_id", OldId);
        Same(["Old Course: Intro", "2013_Q0_R0", "HKUSTx", "", "", "2013-09-01 00:00:00", null, "", ""], old[2..]);

        // start 2099-01-01T02:00:00+05:00 is 2098-12-31 21:00:00 UTC, so the year is 2098; the end has nine fraction digits.
        var @new = Row("courses", "original_id", NewId);
        Same(["Synthetic Élan 201", "2098_Q0_R0", "SynthX", "", "", "2098-12-31 21:00:00", "2099-06-30 23:59:59", "", ""], @new[2..]);

        Assert.All(Rows("course_video"), r => Assert.Equal(r[2]!.StartsWith(I4x, StringComparison.Ordinal) ? OldId : NewId, r[1]));

        // Other course_id columns are copied as they are, in whatever spelling.
        Assert.Equal("SynthX/NEW201/2099_T1", V("enrollments", Row("enrollments", "_id", "906"), "course_id"));
        Assert.Equal("course-v1:OtherX+Z+1", V("enrollments", Row("enrollments", "_id", "905"), "course_id"));
    }

    [Fact]
    public void VideosComeDepthFirstThenUnreachableOnesInOrdinalOrderWithTheirSectionPaths()
    {
        var videos = Rows("videos").Select(r => (Key: r[1], Name: r[2], Section: r[3])).ToList();
        Assert.Equal(
        [
            (I4x + "video/v1", "Intro video", "0>>Week 1>>0>>Lesson 1>>0>>Unit 1>>1>>Intro video>>"),
            (I4x + "video/v2", "Café video", "0>>Week 1>>0>>Lesson 1>>0>>Unit 1>>2>>Café video>>"),

            // chapter/missing (index 1) has no block; chapter/noname (index 2) has no display_name,
            // s2's is null, u2's is 42: each step is "{index}>>>>", and the walk goes on below them.
            (I4x + "video/v3", "", "2>>>>0>>>>0>>>>0>>>>"),

            // v1 is u2's child 1 too, but counts once, at its first visit; v4 keeps index 2.
            (I4x + "video/v4", "Fourth", "2>>>>0>>>>0>>>>2>>Fourth>>"),

            // Not reached from the root: by key, ordinally ('A' < 'a' < 'z'), with an empty section.
            (I4x + "video/Aa_orphan", "Orphan A", ""),
            (I4x + "video/aa_orphan", "Orphan a", ""),
            (I4x + "video/zz_orphan", "Orphan Z", ""),
            (Block + "video+block@0f3c5e7a9b1d4f6e8a0c2e4f6a8b0d2f", "Welcome", "0>>Week 1>>0>>Lesson 1.1>>0>>Intro>>0>>Welcome>>"),
            (Block + "video+block@yt1", "YouTube only", "1>>Week 2>>0>>Unit \"quoted\", with comma\\ and backslash>>0>>YouTube only>>"),
            (Block + "video+block@orphan1", "Orphan", ""),
        ], videos);
        Assert.Equal(Rows("videos").Select(r => r[1]), Rows("course_video").Select(r => r[2]));
    }

    [Fact]
    public void AVideoUrlIsTheFirstHtml5SourceElseTheYouTubeWatchUrlElseEmpty()
    {
        string? Url(string key) => V("videos", Row("videos", "original_id", key), "url");
        Assert.Equal("https://cdn.example.invalid/v1.mp4", Url(I4x + "video/v1"));                  // html5_sources wins over youtube_id_1_0
        Assert.Equal("https://www.youtube.com/watch?v=yt2", Url(I4x + "video/v2"));                 // html5_sources is []
        Assert.Equal("", Url(I4x + "video/v3"));                                                    // neither
        Assert.Equal("", Url(I4x + "video/v4"));                                                    // youtube_id_1_0 is ""
        Assert.Equal("", Url(I4x + "video/zz_orphan"));                                             // youtube_id_1_0 is null
        Assert.Equal("", Url(I4x + "video/aa_orphan"));                                             // youtube_id_1_0 is 7, not a string
        Assert.Equal("https://www.youtube.com/watch?v=dQw4w9WgXcQ", Url(Block + "video+block@yt1"));
        Assert.All(Rows("videos"), r => Assert.Equal("", V("videos", r, "description")));
    }

    [Theory]
    [InlineData("enrollments", "9001", "2013-08-20 10:00:00")]   // first of two rows with id 9001
    [InlineData("enrollments", "9002", null)]                    // NULL
    [InlineData("enrollments", "9003", null)]                    // 2013-13-45: NULL (and a warning)
    [InlineData("enrollments", "9005", "2013-08-23 00:00:00")]   // .123456 truncated
    [InlineData("enrollments", "9010", "2013-08-27 01:02:03")]   // T form
    [InlineData("enrollments", "901", "2099-03-02 08:00:00")]    // .500000 truncated, not rounded
    [InlineData("enrollments", "902", "2099-03-03 00:00:00")]    // nine fraction digits
    [InlineData("enrollments", "903", "2099-03-03 23:36:07")]    // +0530
    [InlineData("enrollments", "904", "2099-03-04 10:06:07")]    // .5-05:00
    [InlineData("enrollments", "907", null)]                     // the space form carries no zone
    [InlineData("enrollments", "908", null)]                     // 2099-02-29 does not exist
    [InlineData("enrollments", "909", null)]                     // the T form needs seconds
    [InlineData("enrollments", "910", null)]                     // empty
    [InlineData("grades", "7002", null)]
    [InlineData("grades", "32", "2099-06-01 00:00:02")]
    public void TsvDatetimesAreUtcWithTheFractionTruncated(string table, string id, string? expected) =>
        Assert.Equal(expected, V(table, Row(table, "_id", id), "timestamp"));

    [Theory]
    [InlineData("52000000000000000000a001", "2013-09-01 10:00:00", "2013-09-01 10:00:00")]   // epoch ms; .999 dropped
    [InlineData("52000000000000000000a003", "1969-12-31 23:59:58", "1969-12-31 23:59:59")]   // -1500 ms and -1 ms floor
    [InlineData("52000000000000000000a007", "1970-01-01 00:00:00", "2013-09-01 10:00:00")]   // 0
    [InlineData("52000000000000000000a011", "2013-09-02 10:00:00", "2013-09-02 12:00:00")]   // ISO string, epoch ms
    [InlineData("6a000000000000000000b001", "2099-03-05 09:30:00", "2099-03-05 09:30:00")]   // .000Z, nine digits
    [InlineData("6a000000000000000000b002", "2099-03-05 10:05:00", "2099-03-05 10:05:00")]   // $numberLong, +0000
    [InlineData("6a000000000000000000b003", null, null)]                                     // "NULL", "" (no warning)
    [InlineData("6a000000000000000000b004", "2099-03-05 04:30:00", null)]                    // +05:30; "not a date"
    [InlineData("6a000000000000000000b005", null, "2099-03-05 18:00:00")]                    // null; -0800
    public void ForumDatetimesComeFromEveryDateShapeInUtc(string oid, string? created, string? updated)
    {
        var row = Row("forum", "original_id", oid);
        Assert.Equal((created, updated), (V("forum", row, "created_at"), V("forum", row, "updated_at")));
    }

    [Fact]
    public void OnlyDatetimeColumnsAreSqlNullAndTsvNullElsewhereIsTheEmptyString()
    {
        var grade = Row("grades", "_id", "7002");
        Same(["7002", "102", OldId, null, ""], grade);
        var alice = Row("users", "_id", "501");
        Same(["", "", "", ""], [V("users", alice, "name"), V("users", alice, "language"), V("users", alice, "location"), V("users", alice, "birth_date")]);

        var nullable = new HashSet<string>(StringComparer.Ordinal) { "courses.start_date", "courses.end_date", "enrollments.timestamp", "grades.timestamp", "forum.created_at", "forum.updated_at" };
        foreach (var table in VisMooc.Tests.Support.TablesWithoutLogs.All.Select(t => t.Info))
        {
            foreach (var row in Rows(table.Name))
            {
                for (int i = 0; i < row.Length; i++)
                {
                    Assert.True(row[i] is not null || nullable.Contains(table.Name + "." + table.Columns[i].Name), $"{table.Name}.{table.Columns[i].Name} is NULL");
                }
            }
        }
    }

    [Fact]
    public void ForumTextColumnsTakeScalarsAsJsonTextAndTypeSpecificFieldsOnlyFromTheirType()
    {
        var reply = Row("forum", "original_id", "52000000000000000000a003");
        Same(["103", "12.50", "Comment", "", "", "52000000000000000000a001", "52000000000000000000a002"],
            [V("forum", reply, "author_id"), V("forum", reply, "body"), V("forum", reply, "type"), V("forum", reply, "title"), V("forum", reply, "thread_type"), V("forum", reply, "comment_thread_id"), V("forum", reply, "parent_id")]);
        var boolBody = Row("forum", "original_id", "52000000000000000000a011");
        Assert.Equal(("true", ""), (V("forum", boolBody, "body"), V("forum", boolBody, "author_id")));

        // A Comment's title is not written; a CommentThread's comment ids are not written.
        Assert.Equal("", V("forum", Row("forum", "original_id", "52000000000000000000a002"), "title"));
        var thread = Row("forum", "original_id", "52000000000000000000a007");
        Same(["No body, no author", "question", "", "", "", ""],
            [V("forum", thread, "title"), V("forum", thread, "thread_type"), V("forum", thread, "comment_thread_id"), V("forum", thread, "parent_id"), V("forum", thread, "body"), V("forum", thread, "author_id")]);
        Assert.Equal("", V("forum", Row("forum", "original_id", "52000000000000000000a001"), "thread_type"));

        // Decoded JSON strings: \n, \", \\, \u0000, \/ and a surrogate pair.
        Assert.Equal("Hello\nworld, \"quoted\" \\ back", V("forum", Row("forum", "original_id", "52000000000000000000a001"), "body"));
        Assert.Equal("Is TSV\nhard? 😀 /slash \0nul", V("forum", Row("forum", "original_id", "6a000000000000000000b001"), "body"));

        // The later copy of _id a001 is a duplicate: the first document wins.
        Assert.Single(Rows("forum"), r => r[1] == "52000000000000000000a001");
    }

    [Fact]
    public void UsersJoinProfilesByUserIdNeverByPosition()
    {
        var users = Rows("users").Select(r => (Id: r[0], User: r[1])).ToList();

        // auth_user order; 101's second auth_user row and second profile (510) are duplicates;
        // 999's profile has no user; 106's and 203's profiles were rejected; 102 has none.
        Assert.Equal(
        [
            ("501", "101"), ("user-102", "102"), ("503", "103"), ("504", "104"), ("505", "105"), ("user-106", "106"), ("507", "109"), ("508", "110"),
            ("601", "201"), ("602", "202"), ("user-203", "203"), ("604", "204"),
        ], users);
        Assert.DoesNotContain(Rows("users"), r => r[0] == "509" || r[0] == "510");

        var carol = Row("users", "_id", "503");
        Same(["503", "103", "52808a58b0bd625cea1252035e619a0f146dffe9", "9dc2782188f57c9d5badb64a377ced132cc5c348", "", "", "1990", "m", "learn\r\nmore", "f", "HK"], carol);
        var bob = Row("users", "_id", "user-102");
        Same(["", "", "", "", "", "", "", ""], bob[3..]);
        var eve = Row("users", "_id", "505");
        Same(["en", "Hong Kong", "2000", "hs", "ends with backslash \\", "o", "CN"], eve[4..]);
        Assert.Equal("learn data\r\nand stats", V("users", Row("users", "_id", "602"), "bio"));

        var stats = ConvertHarness.Stats(fixtures.Old.Result, ConvertHarness.OldCourse, "users");
        Assert.Equal(["user_id 999"], stats.Findings["profilesWithoutUser"].Examples);
        Assert.Equal(1, stats.Findings["duplicateProfiles"].Count);
    }

    [Theory]
    [InlineData("101", "6908ee84fc22bf55148af1af27228e8e20dab2ad")]   // alice_old
    [InlineData("104", "8422feef24b7950d229d8d20d6f475a60f9d7ab4")]   // dävé_中文
    [InlineData("109", "bc05f2a9ae601007063621a2574e48c3fdda79fc")]   // "tab\there": the escape decoded first
    [InlineData("203", "e61e9edd51e80130ccec782682451c4250a584da")]   // "synth\rcr"
    [InlineData("204", "a0f89bd095a5f1c36c476220e34a7517f5aad15d")]   // a raw NUL byte inside
    public void UsernamesAreRipemd160OfTheDecodedUsername(string userId, string digest) =>
        Assert.Equal(digest, V("users", Row("users", "original_id", userId), "username"));

    [Theory]
    [InlineData("601", "fbf0dd55cfdd5d319eb0914a57e8f688db1f01a7")]   // "#1 fan"
    [InlineData("604", "ac5bd9fd1c465634f2e7655523a856ca8ad6a267")]   // "Emoji 😀 Name"
    [InlineData("504", "")]                                           // empty name
    [InlineData("501", "")]                                           // NULL name
    public void NamesAreRipemd160OrEmpty(string id, string expected) =>
        Assert.Equal(expected, V("users", Row("users", "_id", id), "name"));

    [Fact]
    public void RawCrsAreDataExceptTheLineEndOfACrlfConvertedFile()
    {
        // Gen A: a raw CR inside a field and at the end of a field before a TAB stays.
        Assert.Equal("nul\0here\r", V("users", Row("users", "_id", "507"), "bio"));

        // The certificates file was converted to CRLF (its header ends in CR): one CR per line end
        // belongs to the line end, so no value ends in CR unless it was escaped.
        Same(["0.87", "", "0.5\r"], Rows("grades").Where(r => r[2] == NewId).Select(r => r[4]));
    }
}
