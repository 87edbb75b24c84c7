using System.Text;
using VisMooc.Modules.Pipeline;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Converting;

/// <summary>
/// Hardening round 2, item 1: a file whose lines are separated by another line-break-like
/// character than LF (form feed, vertical tab, NEL, U+2028/U+2029, the ASCII separators, CR alone,
/// NUL runs) was read as one header line, an empty table, exit 0. The class: a header line that
/// holds such a separator followed by more text, or that is longer than any header without an LF,
/// is an error naming the file; a record after line 1 where the line ends change is rejected with
/// a reason that says so, and the rows before it are kept.
/// </summary>
public sealed class LineSeparatorTests
{
    private const string C = "SynthX-SEP1-2099_T1";

    public static TheoryData<string, string, string> Separators()
    {
        var data = new TheoryData<string, string, string>();
        var separators = new (string Sep, string Name)[]
        {
            ("\f", "form feed (U+000C)"),
            ("\v", "vertical tab (U+000B)"),
            ("\u0085", "NEXT LINE (U+0085)"),
            ("\u2028", "LINE SEPARATOR (U+2028)"),
            ("\u2029", "PARAGRAPH SEPARATOR (U+2029)"),
            ("\u001e", "control character U+001E"),
        };
        foreach (var (suffix, _) in InputShapeTests.Files.Where(f => f.Suffix.EndsWith(".sql", StringComparison.Ordinal)))
        {
            foreach (var (sep, name) in separators)
            {
                data.Add(suffix, sep, name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Separators))]
    public void ATsvFileSplitByAnotherSeparatorThanLfIsAnErrorNamingIt(string suffix, string separator, string name)
    {
        string text = InputShapeTests.Files.Single(f => f.Suffix == suffix).Text;
        using var h = new ConvertHarness();
        h.Write(C, suffix, text.Replace("\n", separator));
        WithUsersForProfile(h, suffix);

        var e = Assert.Throws<ConvertException>(() => h.Convert());

        Assert.Equal($"{C}-{suffix}: its first line holds the character {name} followed by more text: the file's lines are separated by that character instead of LF, which VisMooc cannot split into records; replace them by LF first", e.Message);
    }

    [Theory]
    [InlineData("\f", "form feed (U+000C)")]
    [InlineData("\u001e", "control character U+001E")]
    public void AForumSplitByAControlCharacterIsAnErrorNamingIt(string separator, string name)
    {
        string text = InputShapeTests.Files.Single(f => f.Suffix == "prod.mongo").Text;
        using var h = new ConvertHarness();
        h.Write(C, "prod.mongo", text.Replace("\n", separator));

        var e = Assert.Throws<ConvertException>(() => h.Convert());

        Assert.StartsWith($"{C}-prod.mongo: its first line holds the character {name} followed by more text", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATsvFileWithoutAnyLfPastAMegabyteIsAnError()
    {
        // No separator at all that could be named: the records run on without line ends.
        var text = new StringBuilder("id\tuser_id\tcourse_id\tcreated\tis_active");
        while (text.Length < (3 << 20) / 2)
        {
            text.Append("\t1\t7\tx\t2099-01-01 00:00:00\t1");
        }

        using var h = new ConvertHarness();
        h.Write(C, "student_courseenrollment-prod-analytics.sql", text.ToString());

        var e = Assert.Throws<ConvertException>(() => h.Convert());

        Assert.Equal($"{C}-student_courseenrollment-prod-analytics.sql: its first line is longer than 1024 KiB and has no LF: the file's lines are not separated by LF (or it is not edX TSV), which VisMooc cannot split into records", e.Message);
    }

    public static TheoryData<string, string> BrokenTails() => new()
    {
        { "\f", "expected 5 fields, found 17: the line holds the character form feed (U+000C) 4 time(s): from here the file's lines seem separated by that character instead of LF (a damaged or converted file), so this one record holds the rest of them" },
        { "\r", "expected 5 fields, found 17: the line holds the character CR (U+000D) 4 time(s): from here the file's lines seem separated by that character instead of LF (a damaged or converted file), so this one record holds the rest of them" },
        { "\u2028", "expected 5 fields, found 17: the line holds the character LINE SEPARATOR (U+2028) 4 time(s): from here the file's lines seem separated by that character instead of LF (a damaged or converted file), so this one record holds the rest of them" },
        { "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", "expected 5 fields, found 17: the line holds a run of 16 NUL bytes, which no export writes (NUL is written \\0): the file is zero-filled here, as after a crash or an unfinished copy; get the whole file again" },
    };

    [Theory]
    [MemberData(nameof(BrokenTails))]
    public void AFileWhoseLineEndsChangeAfterLineOneKeepsTheRowsBeforeAndSaysWhereAndWhy(string separator, string reason)
    {
        const string Suffix = "student_courseenrollment-prod-analytics.sql";
        string tail = string.Join(separator, "3\t7\tx\tNULL\t1", "4\t8\tx\tNULL\t1", "5\t9\tx\tNULL\t0", "6\t10\tx\tNULL\t1") + separator;
        using var h = new ConvertHarness();
        h.Write(C, Suffix, "id\tuser_id\tcourse_id\tcreated\tis_active\n1\t7\tx\t2099-01-01 00:00:00\t1\n2\t8\tx\tNULL\t0\n" + tail);

        var result = h.Convert();

        var stats = ConvertHarness.Stats(result, C, "enrollments");
        Assert.Equal(2, stats.Written);
        Assert.Equal(1, stats.Rejected);
        Assert.Equal($"{C}-{Suffix}:4: {reason}", Assert.Single(stats.RejectExamples));
    }

    [Fact]
    public void ARawCrInsideAValueOfARowWithTooFewFieldsIsNotCalledALineEndChange()
    {
        // Gen-A exports write raw CRs inside values: a short row holding one is only a short row.
        const string Suffix = "student_courseenrollment-prod-analytics.sql";
        using var h = new ConvertHarness();
        h.Write(C, Suffix, "id\tuser_id\tcourse_id\tcreated\tis_active\n1\t7\tx\r y\tNULL\n");

        var result = h.Convert();

        Assert.Equal($"{C}-{Suffix}:2: expected 5 fields, found 4", Assert.Single(ConvertHarness.Stats(result, C, "enrollments").RejectExamples));
    }

    [Fact]
    public void AZeroFilledTailOnTheLastRecordRejectsItInsteadOfKeepingTheNuls()
    {
        // A crash while the file was written: the last record runs into zeros, no LF after it.
        const string Suffix = "student_courseenrollment-prod-analytics.sql";
        using var h = new ConvertHarness();
        h.Write(C, Suffix, "id\tuser_id\tcourse_id\tcreated\tis_active\n1\t7\tx\t2099-01-01 00:00:00\t1\n2\t8\tx\tNULL\t0" + new string('\0', 4096));

        var result = h.Convert();

        var stats = ConvertHarness.Stats(result, C, "enrollments");
        Assert.Equal(1, stats.Written);
        Assert.Equal(1, stats.Rejected);
        Assert.Equal($"{C}-{Suffix}:3: the line holds a run of 4096 NUL bytes, which no export writes (NUL is written \\0): the file is zero-filled here, as after a crash or an unfinished copy; get the whole file again", Assert.Single(stats.RejectExamples));
    }

    private static void WithUsersForProfile(ConvertHarness h, string suffix)
    {
        if (suffix.StartsWith("auth_userprofile", StringComparison.Ordinal))
        {
            h.Write(C, InputShapeTests.Files[0].Suffix, InputShapeTests.Files[0].Text);
        }
    }
}
