using System.Globalization;
using System.Text;
using CsCheck;
using VisMooc.Modules.Values;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.TrackingLogs;

/// <summary><c>datetime(6)</c> reading: the microseconds kept, and the whole-second reader unchanged for its callers.</summary>
public sealed class MicrosecondTimeTests
{
    [Theory]
    [InlineData("2013-06-08T23:29:58.796908", "2013-06-08 23:29:58.796908")]
    [InlineData("2014-05-15T19:03:19.487373+00:00", "2014-05-15 19:03:19.487373")]
    [InlineData("2014-12-09T03:57:24+00:00", "2014-12-09 03:57:24.000000")]
    [InlineData("2014-12-09T03:57:56.373000+00:00", "2014-12-09 03:57:56.373000")]
    [InlineData("2014-12-09T03:57:56.000001Z", "2014-12-09 03:57:56.000001")]
    [InlineData("2014-12-09T03:57:56.1234567891234+00:00", "2014-12-09 03:57:56.123456")]
    [InlineData("2014-12-09 03:57:56.5", "2014-12-09 03:57:56.500000")]
    [InlineData("2014-03-01T00:30:00.25+01:00", "2014-02-28 23:30:00.250000")]
    [InlineData("2016-02-29T23:59:59.999999-0130", "2016-03-01 01:29:59.999999")]
    [InlineData("9999-12-31T23:59:59.999999+00:00", "9999-12-31 23:59:59.999999")]
    public void TheFractionIsKeptToTheMicrosecond(string text, string expected)
    {
        Assert.True(UtcDateTimeParser.TryParseTextMicroseconds(Encoding.ASCII.GetBytes(text), out var utc));
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
        Assert.Equal(expected, utc.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture));
        Assert.Equal(0, utc.Ticks % 10);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2014-12-09T03:57")]
    [InlineData("2014-12-09T03:57:56.")]
    [InlineData("2014-12-09 03:57:56+00:00")]
    [InlineData("2014-13-09T03:57:56")]
    [InlineData("0001-01-01T00:00:00+00:01")]
    [InlineData("2014-12-09T03:57:56.5 ")]
    public void WhatTheWholeSecondReaderRefusesIsRefused(string text) =>
        Assert.False(UtcDateTimeParser.TryParseTextMicroseconds(Encoding.ASCII.GetBytes(text), out _));

    [Fact]
    public void TheWholeSecondReaderIsUnchangedAndAgreesToTheSecond()
    {
        var digits = Gen.Int[0, 9].Select(d => (char)('0' + d));
        var text = Gen.Select(Gen.Int[1, 9999], Gen.Int[0, 14], Gen.Int[0, 33], Gen.Int[0, 25], Gen.Int[0, 61], Gen.Int[0, 61], Gen.Select(digits.Array[0, 12], Gen.Int[0, 5], Gen.Int[0, 30], (f, z, m) => (f, z, m)),
            (y, mo, d, h, mi, s, rest) =>
            {
                string fraction = rest.f.Length == 0 ? "" : "." + new string(rest.f);
                string zone = rest.z switch { 0 => "", 1 => "Z", 2 => $"+{rest.m % 24:D2}:{rest.m:D2}", 3 => $"-{rest.m % 24:D2}{rest.m:D2}", 4 => "+00:00", _ => " " };
                char sep = rest.z == 5 ? ' ' : 'T';
                return $"{y:D4}-{mo:D2}-{d:D2}{sep}{h:D2}:{mi:D2}:{s:D2}{fraction}{(rest.z == 5 ? "" : zone)}";
            });
        Property.Check(text, s =>
        {
            byte[] bytes = Encoding.ASCII.GetBytes(s);
            bool whole = UtcDateTimeParser.TryParseText(bytes, out var seconds);
            Assert.Equal(whole, UtcDateTimeParser.TryParseTextMicroseconds(bytes, out var micro));
            if (whole)
            {
                Assert.Equal(0, seconds.Ticks % TimeSpan.TicksPerSecond);
                Assert.Equal(seconds, new DateTime(micro.Ticks - (micro.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc));
                string fraction = s.Contains('.', StringComparison.Ordinal) ? new string(s[(s.IndexOf('.', StringComparison.Ordinal) + 1)..].TakeWhile(char.IsAsciiDigit).ToArray()) : "";
                Assert.Equal((fraction + "000000")[..6], (micro.Ticks % TimeSpan.TicksPerSecond / 10).ToString("D6", CultureInfo.InvariantCulture));
            }
        }, iterations: 20_000, seed: 14_2);
    }
}
