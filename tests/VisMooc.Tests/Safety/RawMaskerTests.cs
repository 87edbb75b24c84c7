using System.Text;
using VisMooc.Modules.Convert;

namespace VisMooc.Tests.Safety;

/// <summary>What the rejects files keep of a broken record: everything but names, usernames and emails.</summary>
public sealed class RawMaskerTests
{
    [Theory]
    [InlineData("{\"_id\":{\"$oid\":\"6a\"},\"author_username\":\"synth_ada\",\"body\":\"hi\"", "{\"_id\":{\"$oid\":\"6a\"},\"author_username\":\"***\",\"body\":\"hi\"")]
    [InlineData("{\"author_username\" : \"synth\\\"ada\", x", "{\"author_username\" : \"***\", x")]
    [InlineData("{\"_type\":\"Comment\",\"author_username\":\"synth_cut", "{\"_type\":\"Comment\",\"author_username\":\"***")]
    [InlineData("{\"author\\u005fusername\":\"synth_esc\", broken", "{\"author\\u005fusername\":\"***\", broken")]
    [InlineData("{\"author_username\":synth_bare}", "{\"author_username\":***}")]
    [InlineData("{\"author_username\": 7000001, \"email\": null}", "{\"author_username\": ***, \"email\": ***}")]
    [InlineData("{\"name\": {\"first\": \"Ada\", \"last\": [\"Syn}thetic\"]}, \"x\": 1", "{\"name\": ***, \"x\": 1")]
    [InlineData("_ada\", \"body\": \"rest of a cut line\"}", "***\", \"body\": \"rest of a cut line\"}")]
    [InlineData("ada\", \"retired_username\": \"retired__x\"}", "***\", \"retired_username\": \"***\"}")]
    [InlineData("{\"body\":\"\\\"author_username\\\": is text, not a key\",\"display_name\":\"kept\"}", "{\"body\":\"\\\"author_username\\\": is text, not a key\",\"display_name\":\"kept\"}")]
    public void ForumLinesLoseTheirUsernamesEvenWhenBroken(string line, string expected)
    {
        Assert.Equal(expected, Encoding.UTF8.GetString(RawMasker.MaskJson(Encoding.UTF8.GetBytes(line))));
    }

    [Fact]
    public void ForumLinesKeepInvalidUtf8OutsideTheMaskedValues()
    {
        byte[] line = [.. "{\"body\":\""u8, 0xC3, 0x28, .. "\",\"author_username\":\"synth_ada\"}"u8];

        Assert.Equal([.. "{\"body\":\""u8, 0xC3, 0x28, .. "\",\"author_username\":\"***\"}"u8], RawMasker.MaskJson(line));
    }

    [Fact]
    public void AQuadraticallyNestedLineIsMaskedInLinearTime()
    {
        byte[] line = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("{\"name\":[", 200_000)));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        byte[] masked = RawMasker.MaskJson(line);

        Assert.Equal("{\"name\":***", Encoding.ASCII.GetString(masked));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    private static readonly string[] s_header = ["id", "username", "first_name", "last_name", "email", "meta", "is_active"];

    [Theory]
    [InlineData("7000001\tsynth_ada\tAda\tSynth\tada@example.invalid\t{\"old_emails\": [\"a@b\"]}\t1", "7000001\t***\t***\t***\t***\t***\t1")]
    [InlineData("7000001\tsynth_ada\tada@example.invalid", "7000001\t***\t***")]
    [InlineData("ample.invalid\t\t1", "***\t***\t***")]
    [InlineData("", "")]
    public void TsvRecordsLosePersonalColumnsAndAllButADigitsOnlyIdWhenMisaligned(string raw, string expected)
    {
        Assert.Equal(expected, Encoding.UTF8.GetString(RawMasker.Mask(Encoding.UTF8.GetBytes(raw), s_header)));
    }
}
