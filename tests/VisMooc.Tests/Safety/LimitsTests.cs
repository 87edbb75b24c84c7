using System.Text.Unicode;
using System.Text;
using VisMooc.Generated;
using VisMooc.Modules.IO;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Sources.CourseStructure;
using VisMooc.Tests.Load;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Safety;

/// <summary>Whole conversions of inputs at the edges: huge fields and files, no final newline, empty and header-only files, BOMs, invalid UTF-8.</summary>
public sealed class LimitsTests
{
    private const int FiftyMegabytes = 50 * 1024 * 1024;

    [Fact]
    public void AFiftyMegabyteFieldGoesWholeThroughEveryReader()
    {
        using var temp = new LoadFixtures.TempFolder();
        var package = CoursePackage.Empty(Path.Combine(temp.Path, "in"));
        string big = BigText(FiftyMegabytes);
        byte[] utf8 = Encoding.UTF8.GetBytes(big);
        byte[] json = Escape(utf8, json: true);
        // A 50 MB user id too: it once went onto the stack (user-{id}) and overflowed it.
        string bigId = new('7', FiftyMegabytes);
        package.Write("-auth_user-prod-analytics.sql", $"id\tusername\temail\n7000001\tsynth_ada\tada@example.invalid\n{bigId}\tsynth_bo\tbo@example.invalid\n");
        package.Write("-auth_userprofile-prod-analytics.sql",
            [.. "id\tuser_id\tname\tlanguage\tlocation\tyear_of_birth\tlevel_of_education\tgoals\tgender\tcountry\n50\t7000001\tAda\t\t\t1990\tb\t"u8,
             .. Escape(utf8, json: false), .. "\tf\tZZ\n"u8]);
        package.Write("-prod.mongo", [.. "{\"_id\":{\"$oid\":\"6a0000000000000000000001\"},\"_type\":\"CommentThread\",\"body\":\""u8, .. json, .. "\"}\n"u8]);
        package.Write("-course_structure-prod-analytics.json",
            [.. "{\"i4x://X/Y/course/Z\": {\"category\": \"course\", \"children\": [\"i4x://X/Y/video/v\"], \"metadata\": {}},\n"u8,
             .. " \"i4x://X/Y/video/v\": {\"category\": \"video\", \"children\": [], \"metadata\": {\"display_name\": \""u8, .. json, .. "\"}}}\n"u8]);
        string output = Path.Combine(temp.Path, "out");

        var result = package.Convert(output);

        var users = CoursePackage.Rows(output, "users");
        Assert.Equal(big, users.Single(u => u[1] == "7000001")[8]);
        Assert.Equal(big, CoursePackage.Rows(output, "forum").Single()[6]);
        // Longer than what its column holds, the whole value reached the check (its length is
        // exact), and its row is rejected rather than cut or failing the load: the 50 MB id
        // (users._id is user-{id} without a profile) and the 50 MB video name (a text of 64 KB),
        // from videos and course_video alike.
        Assert.Equal(3, result.Rejected);
        Assert.Equal([$"X.sql:3: users._id: {FiftyMegabytes + 5} characters, the column holds 255"],
            result.Tables.Single(t => t.Table == "users").RejectExamples.Select(r => "X.sql" + r[r.IndexOf(':', StringComparison.Ordinal)..]));
        Assert.Empty(CoursePackage.Rows(output, "videos"));
        Assert.Empty(CoursePackage.Rows(output, "course_video"));
        Assert.Equal([$"{CoursePackage.Course}-course_structure-prod-analytics.json: block i4x://X/Y/video/v: videos.name: {utf8.Length} bytes, the column holds 65535"],
            result.Tables.Single(t => t.Table == "videos").RejectExamples);
    }

    [DiskSpaceFact(MinimumFreeGigabytes = 3)]
    public void ATwoGigabyteFileIsReadInOnePassWithinA128MegabyteHeap()
    {
        using var temp = new LoadFixtures.TempFolder();
        var package = CoursePackage.Empty(Path.Combine(temp.Path, "in"));
        // Rows of 1 MiB, most of it a NUL run in the unused `mode` column, written as holes of a
        // sparse file: 2 GiB to read, almost nothing on disk, no time spent writing it.
        const int RowBytes = 1 << 20;
        const int Rows = 2050;
        string path = package.PathOf("-student_courseenrollment-prod-analytics.sql");
        long invalidAt;
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            file.Write("id\tuser_id\tcourse_id\tcreated\tis_active\tmode\n"u8);
            for (int i = 1; i <= Rows; i++)
            {
                byte[] start = Encoding.ASCII.GetBytes($"{i}\t7000001\tcourse-v1:SynthX+DS101+2099_T1\t2099-01-01 00:00:00\t1\t");
                file.Write(start);
                file.Seek(RowBytes - start.Length - 1, SeekOrigin.Current);
                file.Write("\n"u8);
            }

            // Past 2 GiB: a row with invalid UTF-8, and one with a missing field.
            invalidAt = file.Position + "9001\t7000001\tbad".Length;
            file.Write([.. "9001\t7000001\tbad"u8, 0xC3, .. "(course\t2099-01-01 00:00:00\t1\taudit\n9002\t7000001\tshort\n"u8]);
        }

        Assert.True(invalidAt > int.MaxValue);
        string output = Path.Combine(temp.Path, "out");

        var run = ToolRunner.Run(["convert", package.Root, "--out", output],
            new Dictionary<string, string?> { ["DOTNET_GCHeapHardLimit"] = "0x8000000" });

        Assert.True(run.ExitCode == 3, run.StdErr);
        Assert.Equal(Rows + 1, File.ReadAllLines(Path.Combine(output, "enrollments.csv")).Length);
        Assert.Contains($"{Path.GetFileName(path)}:{Rows + 2}: column 'course_id': invalid UTF-8 at byte offset {invalidAt} of the file (byte 0xC3)", run.StdErr, StringComparison.Ordinal);
        Assert.Contains($"{Path.GetFileName(path)}:{Rows + 3}: expected 6 fields, found 3", run.StdErr, StringComparison.Ordinal);
        File.Delete(path);
    }

    public static TheoryData<string> Shapes => ["bom", "no-final-newline", "bom-and-no-final-newline"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void AByteOrderMarkOrAMissingFinalNewlineChangesNoOutputByte(string shape)
    {
        using var temp = new LoadFixtures.TempFolder();
        var reference = CoursePackage.Sample(Path.Combine(temp.Path, "reference"));
        var changed = CoursePackage.Sample(Path.Combine(temp.Path, "changed"));
        foreach (var suffix in CoursePackage.Suffixes)
        {
            byte[] bytes = File.ReadAllBytes(changed.PathOf(suffix));
            if (shape != "bom" && bytes[^1] == '\n')
            {
                bytes = bytes[..^1];
            }

            if (shape != "no-final-newline")
            {
                bytes = [.. "\uFEFF"u8, .. bytes];
            }

            changed.Write(suffix, bytes);
        }

        var expected = reference.Convert(Path.Combine(temp.Path, "expected"));
        var actual = changed.Convert(Path.Combine(temp.Path, "actual"));

        Assert.Equal(0, actual.Warnings + actual.Rejected);
        Assert.Equal(expected.Tables.Select(t => t.Written), actual.Tables.Select(t => t.Written));
        Assert.Equal(CoursePackage.Files(Path.Combine(temp.Path, "expected")), CoursePackage.Files(Path.Combine(temp.Path, "actual")));
    }

    [Fact]
    public void GzippedInputsGiveTheSameBytesThroughTheSizeCheck()
    {
        using var temp = new LoadFixtures.TempFolder();
        var plain = CoursePackage.Sample(Path.Combine(temp.Path, "plain"));
        var zipped = CoursePackage.Sample(Path.Combine(temp.Path, "zipped"));
        foreach (var suffix in CoursePackage.Suffixes)
        {
            string path = zipped.PathOf(suffix);
            using (var source = File.OpenRead(path))
            using (var gz = new System.IO.Compression.GZipStream(File.Create(path + ".gz"), System.IO.Compression.CompressionLevel.Optimal))
            {
                source.CopyTo(gz);
            }

            File.Delete(path);
        }

        plain.Convert(Path.Combine(temp.Path, "expected"));
        var result = zipped.Convert(Path.Combine(temp.Path, "actual"));

        Assert.Equal(0, result.Warnings + result.Rejected);
        Assert.All(result.Tables, t => Assert.Null(t.MissingFile));
        Assert.Equal(CoursePackage.Files(Path.Combine(temp.Path, "expected")), CoursePackage.Files(Path.Combine(temp.Path, "actual")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EmptyAndHeaderOnlyFilesGiveEmptyTables(bool headerOnly)
    {
        using var temp = new LoadFixtures.TempFolder();
        var package = CoursePackage.Sample(Path.Combine(temp.Path, "in"));
        foreach (var suffix in CoursePackage.Suffixes)
        {
            string first = File.ReadLines(package.PathOf(suffix)).First();
            string text = !headerOnly ? "" : suffix.EndsWith(".sql", StringComparison.Ordinal) ? first + "\n" : suffix.EndsWith(".json", StringComparison.Ordinal) ? "{}\n" : "\n";
            package.Write(suffix, text);
        }

        string output = Path.Combine(temp.Path, "out");
        var result = package.Convert(output);

        Assert.Equal(ConvertOutcome.Done, result.Outcome);
        Assert.All(result.Tables, t => Assert.Equal((0L, 0L, (string?)null), (t.Written, t.Rejected, t.MissingFile)));
        Assert.All(Directory.GetFiles(output, "*.csv"), f => Assert.Equal(0, new FileInfo(f).Length));
        Assert.Equal(TablesWithoutLogs.All.Count, Directory.GetFiles(output, "*.csv").Length);
        Assert.Contains(result.Tables.Single(t => t.Table == "courses").WarningExamples, w => w.Contains("no block has category 'course'", StringComparison.Ordinal));
    }

    [Fact]
    public void InvalidUtf8IsReportedWithItsByteOffsetAndWrittenAsReplacementCharacters()
    {
        using var temp = new LoadFixtures.TempFolder();
        var package = CoursePackage.Sample(Path.Combine(temp.Path, "in"));
        string enrollments = package.PathOf("-student_courseenrollment-prod-analytics.sql");
        byte[] badRow = [.. "903\t7000001\tcourse-v1:Synth"u8, 0xC3, .. "(X+DS101\t2099-01-01 00:00:00\t1\taudit\n"u8];
        package.Write("-student_courseenrollment-prod-analytics.sql", [.. File.ReadAllBytes(enrollments), .. badRow]);
        long enrollmentOffset = File.ReadAllBytes(enrollments).Length - badRow.Length + "903\t7000001\tcourse-v1:Synth".Length;

        string profiles = package.PathOf("-auth_userprofile-prod-analytics.sql");
        byte[] profileBytes = File.ReadAllBytes(profiles);
        int goalsAt = profileBytes.AsSpan().IndexOf("learn data"u8);
        profileBytes[goalsAt + 5] = 0xFF; // "learn\xFFdata"
        package.Write("-auth_userprofile-prod-analytics.sql", profileBytes);

        string forum = package.PathOf("-prod.mongo");
        byte[] forumBytes = File.ReadAllBytes(forum);
        int thanks = forumBytes.AsSpan().IndexOf("Thanks!"u8);
        byte[] surrogate = [0xED, 0xA0, 0x80];
        package.Write("-prod.mongo", [.. forumBytes[..thanks], .. surrogate, .. forumBytes[thanks..]]);
        string output = Path.Combine(temp.Path, "out");

        var result = package.Convert(output);

        Assert.Equal(0, result.Rejected);
        Assert.Contains($"{Path.GetFileName(enrollments)}:4: column 'course_id': invalid UTF-8 at byte offset {enrollmentOffset} of the file (byte 0xC3); written as U+FFFD",
            result.Tables.Single(t => t.Table == "enrollments").WarningExamples);
        Assert.Contains($"{Path.GetFileName(profiles)}:3: column 'goals': invalid UTF-8 at byte offset {goalsAt + 5} of the file (byte 0xFF); written as U+FFFD",
            result.Tables.Single(t => t.Table == "users").WarningExamples);
        Assert.Contains($"{Path.GetFileName(forum)}:3: invalid UTF-8 at byte offset {thanks} of the file; written as U+FFFD",
            result.Tables.Single(t => t.Table == "forum").WarningExamples);
        Assert.Contains(CoursePackage.Rows(output, "enrollments"), r => r[2] == "course-v1:Synth\uFFFD(X+DS101");
        Assert.Contains(CoursePackage.Rows(output, "users"), r => r[8] == "learn\uFFFDdata\r\nand stats");
        Assert.Contains(CoursePackage.Rows(output, "forum"), r => r[6] == "\uFFFD\uFFFD\uFFFDThanks!");
        Assert.All(Directory.GetFiles(output, "*.csv"), f => Assert.True(Utf8.IsValid(File.ReadAllBytes(f)), f));
    }

    [Fact]
    public void InvalidUtf8InTheCourseStructureIsAClearErrorWithItsByteOffset()
    {
        using var temp = new LoadFixtures.TempFolder();
        var package = CoursePackage.Sample(Path.Combine(temp.Path, "in"));
        string path = package.PathOf("-course_structure-prod-analytics.json");
        byte[] bytes = File.ReadAllBytes(path);
        int at = bytes.AsSpan().IndexOf("\"Welcome\""u8);
        bytes[at + 1] = 0xFE;
        package.Write("-course_structure-prod-analytics.json", bytes);
        int line = bytes.AsSpan(0, at).Count((byte)'\n') + 1;
        int column = at - bytes.AsSpan(0, at).LastIndexOf((byte)'\n');

        var e = Assert.Throws<ConvertException>(() => package.Convert(Path.Combine(temp.Path, "out")));

        Assert.Equal($"{Path.GetFileName(path)}: line {line}, column {column}: invalid UTF-8 in the string at byte offset {at}", e.Message);
        Assert.False(File.Exists(Path.Combine(temp.Path, "out", "videos.csv")));
    }

    /// <summary>edX TSV escaping, or the inside of a JSON string, of UTF-8 bytes (fast enough for 50 MB).</summary>
    private static byte[] Escape(byte[] utf8, bool json)
    {
        var escaped = new MemoryStream(utf8.Length + (utf8.Length / 4));
        foreach (byte b in utf8)
        {
            switch (b)
            {
                case (byte)'\\': escaped.Write("\\\\"u8); break;
                case (byte)'\t': escaped.Write("\\t"u8); break;
                case (byte)'\n': escaped.Write("\\n"u8); break;
                case (byte)'\r': escaped.Write("\\r"u8); break;
                case 0: escaped.Write(json ? "\\u0000"u8 : "\\0"u8); break;
                case (byte)'"' when json: escaped.Write("\\\""u8); break;
                default: escaped.WriteByte(b); break;
            }
        }

        return escaped.ToArray();
    }

    [Fact]
    public void AnErrorDeepInALargeCourseStructureNamesItsOwnLine()
    {
        // Larger than the reader's 64 KB buffer: the line count once was added twice after a refill.
        var json = new StringBuilder("{\n");
        for (int i = 0; i < 3000; i++)
        {
            json.Append($"  \"i4x://X/Y/html/{i}\": {{\"category\": \"html\", \"children\": [], \"metadata\": {{}}}},\n");
        }

        json.Append("  \"i4x://X/Y/course/Z\": {\"category\": \"course\" \"children\": []}\n}\n");
        var e = Assert.Throws<InvalidDataException>(() => Modules.Sources.CourseStructure.CourseStructureReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json.ToString())), new HashSet<string>()));

        Assert.StartsWith("line 3002, column 47: invalid JSON: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AForumLineLongerThanTheLimitIsAClearErrorNotACrash()
    {
        // The real limit is 2 GB (an array's); the same check at 1 MB keeps the test small.
        byte[] line = [.. "{\"_id\":1}\n"u8, .. Enumerable.Repeat((byte)'a', 3 << 20)];
        using var reader = new Modules.IO.LfLineReader(new MemoryStream(line), bufferSize: 4096, maxLineBytes: 1 << 20);

        Assert.True(reader.TryReadLine(out _));
        var e = Assert.Throws<InvalidDataException>(() => reader.TryReadLine(out _));

        Assert.Equal("line 2 is longer than 1048576 bytes; the file is not JSON lines", e.Message);
    }

    /// <summary>About <paramref name="bytes"/> bytes of UTF-8 text with every escaped class and multi-byte characters.</summary>
    internal static string BigText(int bytes)
    {
        const string Unit = "abc\tdé\\f\n\r\"😀,\0 x"; // 20 UTF-8 bytes
        var text = new StringBuilder(bytes);
        for (int n = 0; n < bytes / 20; n++)
        {
            text.Append(Unit);
        }

        return text.ToString();
    }
}
