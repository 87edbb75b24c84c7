using VisMooc.Generated;
using VisMooc.Modules.Discovery;
using VisMooc.Modules.Pipeline;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Converting;

/// <summary>
/// Issue 12, "Input discovery says what is wrong", and issue 11's unsupported compressions and
/// non-regular files: encrypted, zipped, otherwise compressed and misnamed files are named with what
/// to do; a course that yields no table from files that look like package files is an error.
/// </summary>
public sealed class DiscoveryMessageTests
{
    private const string C = "SynthX-DISC1-2099_T1";
    private const string Forum = "{\"_id\":{\"$oid\":\"a1\"},\"_type\":\"Comment\",\"body\":\"ok\"}\n";
    private const string AuthUser = "id\tusername\n1\tada\n";
    private const string GpgAdvice = "decrypt them first, e.g. gpg --decrypt-files *.gpg in that folder (edX's guide: \"Decrypt an Encrypted File\")";

    public static TheoryData<string, string, string> NearMisses => new()
    {
        { "auth_user.sql", "auth_user", $"looks like an auth_user file but needs the -auth_user- token: rename it to {C}-auth_user-prod-analytics.sql" },
        { "auth_user_prod.sql", "auth_user", $"looks like an auth_user file but needs the -auth_user- token: rename it to {C}-auth_user-prod.sql" },
        { "X-Auth_User-prod-analytics.sql", "auth_user", "looks like an auth_user file but names are case-sensitive: rename it to X-auth_user-prod-analytics.sql" },
        { "X-auth_user-prod-analytics.SQL", "auth_user", "looks like an auth_user file but names are case-sensitive: rename it to X-auth_user-prod-analytics.sql" },
        { "X-auth_user-prod-analytics.csv", "auth_user", "looks like an auth_user file but auth_user files end in .sql: if it is edX's tab-separated export, rename it to X-auth_user-prod-analytics.sql" },
        { "auth_userprofile.tsv.gz", "auth_userprofile", $"looks like an auth_userprofile file but auth_userprofile files end in .sql: if it is edX's tab-separated export, rename it to {C}-auth_userprofile-prod-analytics.sql.gz" },
        { "course_structure.json", "course_structure", $"looks like a course_structure file but needs the -course_structure- token: rename it to {C}-course_structure-prod-analytics.json" },
        { "X-prod.MONGO", "forum", "looks like a forum file but forum files end in .mongo, as typed: rename it to X-prod.mongo" },
        { "X-auth_user-prod-analytics.sql.xz", "auth_user", "is xz-compressed, which VisMooc does not read: decompress it first (xz -dk X-auth_user-prod-analytics.sql.xz), or compress it with gzip instead" },
        { "X-auth_user-prod-analytics.sql.bz2", "auth_user", "is bzip2-compressed, which VisMooc does not read: decompress it first (bunzip2 -k X-auth_user-prod-analytics.sql.bz2), or compress it with gzip instead" },
        { "X-auth_user-prod-analytics.sql.zip", "auth_user", "is a zip archive, which VisMooc does not read: unzip it first (unzip X-auth_user-prod-analytics.sql.zip)" },
        { "X-auth_user-prod-analytics.sql.7z", "auth_user", "is a 7z archive, which VisMooc does not read: extract it first (7z x X-auth_user-prod-analytics.sql.7z)" },
        { "X-auth_user-prod-analytics.sql.gpg", "auth_user", "is encrypted: decrypt it first (gpg --decrypt-files X-auth_user-prod-analytics.sql.gpg)" },
    };

    [Theory]
    [MemberData(nameof(NearMisses))]
    public void ANameThatLooksLikeAPackageFileIsNamedInTheMissingFileNoticeWithWhatToDo(string name, string kind, string problem)
    {
        using var h = new ConvertHarness();
        File.WriteAllText(Path.Combine(h.Course(C), name), "");
        if (kind != "forum")
        {
            h.Write(C, "prod.mongo", Forum);
        }

        if (kind is "forum" or "auth_userprofile")
        {
            h.Write(C, "auth_user-prod-analytics.sql", AuthUser); // profiles are looked for only beside auth_user
        }


        var result = h.Convert();

        var diagnosed = PackageFileNames.Diagnose(name, C);
        Assert.Equal((kind, problem), (diagnosed?.Kind.Name, diagnosed?.Problem));
        Assert.Contains(result.Notices, n => n.StartsWith($"{C}: no {diagnosed!.Value.Kind.Pattern} file ({name} {problem}); ", StringComparison.Ordinal));
        Assert.Throws<ConvertException>(() => h.Convert(output: Path.Combine(h.Root, "strict"), strict: true));
    }

    [Theory]
    [InlineData("X-auth_user_extra.py")]          // not a table export's extension
    [InlineData("X-xauth_user-prod-analytics.sql")] // not the word
    [InlineData("X-courseware_studentmodule-prod-analytics.sql")]
    [InlineData("X-email_opt_in-prod-analytics.csv")]
    [InlineData("notes.txt")]
    public void OtherNamesAreNotNearMisses(string name) => Assert.Null(PackageFileNames.Diagnose(name, C));

    [Fact]
    public void ACourseThatYieldsNoTableFromFilesThatLookLikePackageFilesIsAnError()
    {
        using var h = new ConvertHarness();
        File.WriteAllText(Path.Combine(h.Course(C), "auth_user.sql"), AuthUser);
        File.WriteAllText(Path.Combine(h.Course(C), "course_structure.json"), "{}");

        var run = ToolRunner.Run(["convert", h.Input, "--out", h.Output]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"vismooc: error: {Path.Combine(h.Input, C)}: holds no package file VisMooc can read: "
            + $"auth_user.sql looks like an auth_user file but needs the -auth_user- token: rename it to {C}-auth_user-prod-analytics.sql; "
            + $"course_structure.json looks like a course_structure file but needs the -course_structure- token: rename it to {C}-course_structure-prod-analytics.json\n", run.StdErr);
        Assert.False(Directory.Exists(h.Output));
    }

    [Fact]
    public void AFolderOfEncryptedPackageFilesSaysHowManyAndHowToDecryptThem()
    {
        using var h = new ConvertHarness();
        foreach (string suffix in new[] { "auth_user-prod-analytics.sql.gpg", "auth_userprofile-prod-analytics.sql.gpg", "prod.mongo.gpg" })
        {
            h.Write(C, suffix, "-----BEGIN PGP MESSAGE-----\n");
        }

        var e = Assert.Throws<ConvertException>(() => h.Convert(Path.Combine(h.Input, C)));

        Assert.Equal($"{Path.Combine(h.Input, C)}: holds 3 encrypted files (*.gpg): {GpgAdvice}, and no decrypted package files", e.Message);
    }

    [Fact]
    public void AFolderOfOtherEncryptedFilesSaysHowManyToo()
    {
        using var h = new ConvertHarness();
        h.Write(C, "courseware_studentmodule-prod-analytics.sql.gpg", "x");
        h.Write(C, "user_id_map-prod-analytics.sql.gpg", "x");

        var e = Assert.Throws<ConvertException>(() => h.Convert());

        Assert.StartsWith($"{h.Input}: holds 2 encrypted files (*.gpg): {GpgAdvice}, and no decrypted package files (*-auth_user-*.sql, ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AZipArchiveGivenOrFoundSaysUnzipItFirst()
    {
        using var h = new ConvertHarness();
        string zip = Path.Combine(h.Root, "HKUSTx-2014-11-30.zip");
        File.WriteAllBytes(zip, [.. "PK\x03\x04"u8]);
        Directory.CreateDirectory(h.Input);
        File.Copy(zip, Path.Combine(h.Input, "HKUSTx-2014-11-30.zip"));

        var given = Assert.Throws<ConvertException>(() => h.Convert(zip));
        var inside = Assert.Throws<ConvertException>(() => h.Convert());

        Assert.Equal($"{zip}: is a zip archive, which VisMooc does not read: unzip it first (unzip HKUSTx-2014-11-30.zip), then convert the folder it holds", given.Message);
        Assert.Equal($"{h.Input}: holds no edX package files (*-auth_user-*.sql, *-course_structure-*.json, *.mongo, …) and no course folders with them; "
            + "HKUSTx-2014-11-30.zip is a zip archive, which VisMooc does not read: unzip it first (unzip HKUSTx-2014-11-30.zip)", inside.Message);
    }

    [Fact]
    public void AnEncryptedOrPackedCopyBesideTheReadableFileIsNotAProblem()
    {
        using var h = new ConvertHarness();
        h.Write(C, "auth_user-prod-analytics.sql", AuthUser);
        h.Write(C, "auth_user-prod-analytics.sql.gpg", "x");
        h.Write(C, "auth_user-prod-analytics.sql.xz", "x");
        h.Write(C, "prod.mongo", Forum);
        h.Write(C, "auth_user-edge-analytics.sql.xz", "x");      // another export, not read: said so

        var result = h.Convert();

        Assert.Contains($"{C}: {C}-auth_user-edge-analytics.sql.xz was not read: it is xz-compressed, which VisMooc does not read: decompress it first (xz -dk {C}-auth_user-edge-analytics.sql.xz), or compress it with gzip instead", result.Notices);
        Assert.DoesNotContain(result.Notices, n => n.Contains("auth_user-prod-analytics.sql.", StringComparison.Ordinal));
    }

    [Fact]
    public void AFifoNamedLikeAPackageFileFailsItsCourseAtOnce()
    {
        using var h = new ConvertHarness();
        h.Write(C, "auth_user-prod-analytics.sql", AuthUser);
        string fifo = Path.Combine(h.Course(C), C + "-prod.mongo");
        var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo])!;
        mkfifo.WaitForExit();

        var e = Assert.Throws<ConvertException>(() => h.Convert());

        Assert.Equal($"{fifo}: is a FIFO (named pipe), not a regular file: VisMooc reads package files only; copy the data into a file", e.Message);
    }

    [Fact]
    public void ConvertHelpListsTheSixInputFilesGzAndGpg()
    {
        var help = ToolRunner.Run(["convert", "--help"]);

        Assert.Equal(0, help.ExitCode);
        foreach (var kind in GeneratedSources.All)
        {
            Assert.Contains("  " + kind.Pattern + " ", help.StdOut, StringComparison.Ordinal);
        }

        Assert.Contains("A .gz copy (gzip) of any of them is read as it is. Decrypt .gpg files first (gpg --decrypt-files *.gpg)", help.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void ACourseTreeWithUnreachableVideosOrMissingChildrenIsWarnedAbout()
    {
        using var h = new ConvertHarness();
        h.Write(C, "course_structure-prod-analytics.json", """
            {"i4x://X/Y/course/Z": {"category": "course", "children": ["i4x://X/Y/chapter/gone", "i4x://X/Y/video/v1"], "metadata": {}},
             "i4x://X/Y/video/v1": {"category": "video", "children": [], "metadata": {}},
             "i4x://X/Y/video/lost1": {"category": "video", "children": [], "metadata": {}},
             "i4x://X/Y/video/lost2": {"category": "video", "children": [], "metadata": {}}}
            """);

        var result = h.Convert();

        Assert.Equal(
            [$"{C}-course_structure-prod-analytics.json: course tree: 2 video(s) cannot be reached from the course root through children, so their section is empty: i4x://X/Y/video/lost1, i4x://X/Y/video/lost2",
             $"{C}-course_structure-prod-analytics.json: course tree: 1 children entries name blocks that are not in the file (skipped; their siblings keep their index): i4x://X/Y/chapter/gone"],
            ConvertHarness.Stats(result, C, "videos").WarningExamples);
        Assert.Empty(ConvertHarness.Stats(result, C, "course_video").WarningExamples);
    }
}
