using System.Text;
using CsCheck;
using VisMooc.Modules.Privacy;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Safety;

/// <summary>
/// What the rejects files keep of a broken record: an allow-list (ids, datetimes, course ids,
/// flags and codes, JSON structure, known keys), so no name, username or email, wherever it is.
/// </summary>
public sealed class RawMaskerTests
{
    [Theory]
    [InlineData("{\"_id\":{\"$oid\":\"6a\"},\"author_username\":\"synth_ada\",\"body\":\"hi\"", "{\"_id\":{\"$oid\":\"6a\"},\"author_username\":\"***\",\"body\":\"***\"")]
    [InlineData("{\"author_username\" : \"synth\\\"ada\", x", "{\"author_username\" : \"***\", ***")]
    [InlineData("{\"_type\":\"Comment\",\"author_username\":\"synth_cut", "{\"_type\":\"Comment\",\"author_username\":\"***")]
    [InlineData("{\"author\\u005fusername\":\"synth_esc\", broken", "{\"author\\u005fusername\":\"***\", ***")]
    [InlineData("{\"author_username\":synth_bare}", "{\"author_username\":***}")]
    [InlineData("{\"author_username\": 7000001, \"email\": null}", "{\"author_username\": ***, \"email\": ***}")]
    [InlineData("{\"name\": {\"first\": \"Ada\", \"last\": [\"Syn}thetic\"]}, \"x\": 1", "{\"name\": ***, \"***\": ***")]
    [InlineData("_ada\", \"body\": \"rest of a cut line\"}", "***\", \"body\": \"***\"}")]
    [InlineData("ada\", \"retired_username\": \"retired__x\"}", "***\", \"retired_username\": \"***\"}")]
    [InlineData("{\"body\":\"\\\"author_username\\\": is text, not a key\",\"display_name\":\"kept?\"}", "{\"body\":\"***\",\"***\":\"***\"}")]
    // A raw LF inside a key name cuts the line in two; the value after the cut key must not survive.
    [InlineData("{\"_id\":{\"$oid\":\"6a00000000000000000000aa\"},\"author_user", "{\"_id\":{\"$oid\":\"6a00000000000000000000aa\"},\"***")]
    [InlineData("name\":\"synth_split\",\"body\":\"x\"}", "***\":\"***\",\"body\":\"***\"}")]
    // Ids, dates, course ids, types and counts are kept: enough to find the line and see what is wrong.
    [InlineData(
        "{\"_id\":{\"$oid\":\"6a00000000000000000000aa\"},\"_type\":\"Comment\",\"author_id\":\"7000001\",\"course_id\":\"course-v1:SynthX+DS101+2099_T1\",\"created_at\":{\"$date\":1700000000000},\"updated_at\":{\"$date\":\"2099-13-45\"},\"votes\":{\"up\":[\"7000002\"],\"count\":1},\"anonymous\":false,",
        "{\"_id\":{\"$oid\":\"6a00000000000000000000aa\"},\"_type\":\"Comment\",\"author_id\":\"7000001\",\"course_id\":\"course-v1:SynthX+DS101+2099_T1\",\"created_at\":{\"$date\":1700000000000},\"updated_at\":{\"$date\":\"2099-13-45\"},\"votes\":{\"up\":[\"7000002\"],\"count\":1},\"anonymous\":false,")]
    // ...but only in their shape: an email as course_id or author_id, a name as a $date, a number as body.
    [InlineData(
        "{\"course_id\":\"ada@mail.invalid\",\"author_id\":\"synth_ada\",\"created_at\":{\"$date\":\"Ada Lovelace\"},\"body\":5551234567,\"_type\":\"Ada\"}",
        "{\"course_id\":\"***\",\"author_id\":\"***\",\"created_at\":{\"$date\":\"***\"},\"body\":***,\"_type\":\"***\"}")]
    public void ForumLinesKeepOnlyStructureKnownKeysAndValuesOfTheirKeysShape(string line, string expected)
    {
        Assert.Equal(expected, Encoding.UTF8.GetString(RawMasker.MaskJson(Encoding.UTF8.GetBytes(line))));
    }

    [Fact]
    public void AForumLineInUtf16KeepsNothingButStructure()
    {
        // Dropping the NULs of a UTF-16 line gave every author_username: no letter of it survives.
        byte[] line = Encoding.Unicode.GetBytes("{\"_id\":{\"$oid\":\"6a00000000000000000000aa\"},\"author_username\":\"synth_ada\",\"body\":\"hi\"}");

        byte[] masked = RawMasker.MaskJson(line);

        Assert.DoesNotContain((byte)'y', masked);
        Assert.DoesNotContain((byte)'a', masked);
        byte[] withBom = [0xFF, 0xFE, .. line];
        Assert.DoesNotContain((byte)'y', RawMasker.MaskJson(withBom));
    }

    [Fact]
    public void ForumLinesKeepInvalidUtf8OnlyWhereNothingIsKept()
    {
        byte[] line = [.. "{\"body\":\""u8, 0xC3, 0x28, .. "\",\"author_username\":\"synth_ada\"}"u8];

        Assert.Equal("{\"body\":\"***\",\"author_username\":\"***\"}"u8.ToArray(), RawMasker.MaskJson(line));
    }

    [Fact]
    public void AQuadraticallyNestedLineIsMaskedInLinearTime()
    {
        byte[] line = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("{\"name\":[", 200_000)));
        byte[] nested = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("{\"body\":[", 200_000)));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        byte[] masked = RawMasker.MaskJson(line);
        byte[] walked = RawMasker.MaskJson(nested);

        Assert.Equal("{\"name\":***", Encoding.ASCII.GetString(masked));
        Assert.Equal(nested, walked);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    private static readonly string[] s_header = ["id", "username", "first_name", "last_name", "email", "meta", "is_active"];

    private static readonly string[] s_enrollmentHeader = ["id", "user_id", "course_id", "created", "is_active", "mode"];

    [Theory]
    [InlineData("7000001\tsynth_ada\tAda\tSynth\tada@example.invalid\t{\"old_emails\": [\"a@b\"]}\t1", "7000001\t***\t***\t***\t***\t***\t1")]
    [InlineData("7000001\tsynth_ada\tada@example.invalid", "7000001\t***\t***")]
    [InlineData("ample.invalid\t\t1", "***\t\t***")]
    [InlineData("", "")]
    [InlineData("synth_ada\tNULL\t\t\t\t\tyes", "***\tNULL\t\t\t\t\t***")]
    public void TsvRecordsKeepOnlyValuesOfTheirColumnsShapeAndAllButAnIdWhenMisaligned(string raw, string expected)
    {
        Assert.Equal(expected, Encoding.UTF8.GetString(RawMasker.Mask(Encoding.UTF8.GetBytes(raw), s_header)));
    }

    [Theory]
    [InlineData("900\t7000001\tcourse-v1:SynthX+DS101+2099_T1\t2099-13-45 10:00:00\t1\taudit", "900\t7000001\tcourse-v1:SynthX+DS101+2099_T1\t2099-13-45 10:00:00\t1\taudit")]
    [InlineData("900\tplanted@mail.invalid\tada@mail.invalid\tAda Lovelace\tyes\tAda", "900\t***\t***\t***\t***\t***")]
    [InlineData("900\t0101\tHKUSTx/OLD101/2T2013\t5551234567\t1\t\\N", "900\t0101\tHKUSTx/OLD101/2T2013\t5551234567\t1\t***")]
    public void AnAlignedTsvRecordKeepsIdsDatesCourseIdsAndCodesInTheirShapeOnly(string raw, string expected)
    {
        Assert.Equal(expected, Encoding.UTF8.GetString(RawMasker.Mask(Encoding.UTF8.GetBytes(raw), s_enrollmentHeader)));
    }

    [Fact]
    public void ATsvRecordInUtf16KeepsNothing()
    {
        // Each line of a UTF-16 file has a NUL in every other byte: its header names match no
        // column, and no value has a kept shape.
        string[] header = Encoding.Unicode.GetString(Encoding.Unicode.GetBytes("id\tusername\temail")).Split('\t');
        byte[] raw = Encoding.Unicode.GetBytes("7000001\tsynth_ada\tada@mail.invalid");
        string[] utf8Header = Encoding.UTF8.GetString(Encoding.Unicode.GetBytes("id\tusername\temail")).Split('\t');

        Assert.Equal("***\t***\t***", Encoding.UTF8.GetString(RawMasker.Mask(raw, utf8Header)));
        Assert.Equal("***\t***\t***", Encoding.UTF8.GetString(RawMasker.Mask(raw, header)));
    }

    [Fact]
    public void APlantedValueNeverSurvivesMaskingWhereverABrokenRecordPutsIt()
    {
        // Random lines of JSON and TSV pieces, keys and values, cut anywhere, with a planted
        // username somewhere: the allow-list keeps no shape that a username has.
        string[] jsonPieces = ["{", "}", "[", "]", ":", ",", " ", "\"", "\\", "\n", "\"_id\"", "\"$oid\"", "\"author_username\"", "\"author_user", "name\"", "\"body\"",
            "\"course_id\"", "\"author_id\"", "\"$date\"", "\"7000001\"", "7000001", "true", "null", "\"6a00000000000000000000aa\"", "\"course-v1:X+Y+Z\"", "\u0000", "\"x\""];
        string[] tsvPieces = ["\t", "7000001", "NULL", "", "\\", "\\t", "2099-01-01 00:00:00", "X/Y/Z", "1", "audit", "\n"];
        var planted = Gen.OneOf("zz_planted", "zz.planted@mail.invalid", "Zz Planted");
        var json = Gen.Select(Gen.OneOf(jsonPieces).Array[0, 30], planted, Gen.Int[0, 30], (pieces, p, at) => string.Concat(pieces.Take(at)) + p + string.Concat(pieces.Skip(at)));
        var tsv = Gen.Select(Gen.OneOf(tsvPieces).Array[0, 12], planted, Gen.Int[0, 12], (pieces, p, at) => string.Concat(pieces.Take(at)) + p + string.Concat(pieces.Skip(at)));
        var anyLine = Gen.Select(Gen.Bool, json, tsv, Gen.Bool, (isJson, j, t, utf16) => (isJson, utf16 ? Encoding.Unicode.GetBytes(isJson ? j : t) : Encoding.UTF8.GetBytes(isJson ? j : t)));
        string[] headers = ["id", "user_id", "course_id", "created", "is_active", "mode", "username", "email"];

        Property.Check(anyLine, c =>
        {
            foreach (byte[] line in new[] { c.Item2 }.Concat(Split(c.Item2)))
            {
                byte[] masked = c.isJson ? RawMasker.MaskJson(line) : RawMasker.Mask(line, headers);
                string text = Encoding.UTF8.GetString(masked).Replace("\0", "", StringComparison.Ordinal);
                Assert.DoesNotContain("planted", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("planted", Encoding.Unicode.GetString(masked.Length % 2 == 0 ? masked : [.. masked, 0]), StringComparison.OrdinalIgnoreCase);
            }
        }, iterations: 2000, seed: 11_000_006, print: c => Convert.ToHexString(c.Item2));
    }

    private static IEnumerable<byte[]> Split(byte[] line)
    {
        int start = 0;
        for (int i = 0; i <= line.Length; i++)
        {
            if (i == line.Length || line[i] == '\n')
            {
                yield return line[start..i];
                start = i + 1;
            }
        }
    }
}
