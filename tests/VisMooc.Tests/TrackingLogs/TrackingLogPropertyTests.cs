using System.Text;
using CsCheck;
using VisMooc.Tests.Safety;
using VisMooc.Tests.Support;
using static VisMooc.Tests.TrackingLogs.LogSamples;
using VisMooc.Modules.Sources.TrackingLog;

namespace VisMooc.Tests.TrackingLogs;

/// <summary>
/// Random bytes and random edits of real-shaped lines: the parser never throws and never allocates
/// out of proportion, and the prefilter never changes what the full parser decides about a line.
/// <c>VISMOOC_PROPERTY_ITERATIONS=100000</c> runs longer (see README, Data safety).
/// </summary>
public sealed class TrackingLogPropertyTests
{
    private static readonly byte[][] s_seeds =
    [
        Bytes(BrowserPlay),
        Bytes(MobilePause),
        Bytes(PageView),
        Bytes(ServerVideoHandler),
        Bytes("2014-05-15 19:03:19 lms-1: " + BrowserPlay.Replace("\"play_video\"", "\"\\u0070lay_video\"", StringComparison.Ordinal)),
        Bytes(BrowserPlay.Replace("\"learner7\"", "\"learner\\ud83d\\n\"", StringComparison.Ordinal).Replace("\"course_id\": \"BerkeleyX/Stat_2.1x/1T2014\"", "\"course_id\": \"\"", StringComparison.Ordinal)),
        Bytes(TrackingLogLineParserTests.ReplaceEvent(BrowserPlay.Replace("\"play_video\"", "\"speed_change_video\"", StringComparison.Ordinal), "\"event\": {\"id\": \" \\n" + OldVideoAlphaHtmlId + "\", \"current_time\": \"1e3\", \"new_speed\": \"1.50\", \"old_speed\": \"NaN\"}")),
    ];

    [Fact]
    public void TheParserNeverThrowsOnRandomBytesOrEditedLines()
    {
        var parser = Parser(validateEveryLine: true);
        Property.Check(FuzzInputs.NoiseOrMutated(2000, s_seeds), input => Property.Bounded(input.Length, () =>
        {
            var outcome = parser.Parse(input);
            Assert.True(Enum.IsDefined(outcome));
            if (outcome == ClickLineOutcome.Click)
            {
                var e = parser.Event;
                Assert.NotNull(e.Course);
                Assert.False(e.Username.IsNullOrEmpty);
                Assert.False(e.EventId.IsNullOrEmpty);
                Assert.False(e.VideoKey.IsNullOrEmpty);
                Assert.Matches("^[0-9a-f]{32}$", Encoding.ASCII.GetString(e.ObservedEventId));
            }
        }), iterations: 3000, seed: 14_3);
    }

    [Fact]
    public void ThePrefilterNeverChangesWhatTheFullParserDecides()
    {
        var fast = Parser();
        var full = Parser(validateEveryLine: true, prefilter: false);
        var validating = Parser(validateEveryLine: true);
        Property.Check(FuzzInputs.NoiseOrMutated(2000, s_seeds).SelectMany(line => Gen.Bool.Select(crlf => crlf ? [.. line, (byte)'\r'] : line)), input =>
        {
            var expected = full.Parse(input);
            var actual = fast.Parse(input);
            if (!ClickLinePrefilter.CanBeClickEvent(input))
            {
                // What the prefilter drops is no click event, nor a malformed line that mentions a click type.
                Assert.Contains(expected, new[] { ClickLineOutcome.Blank, ClickLineOutcome.NotClickEvent, ClickLineOutcome.Malformed });
                Assert.Equal(expected == ClickLineOutcome.Blank ? ClickLineOutcome.Blank : ClickLineOutcome.NotClickEvent, actual);
            }
            else
            {
                Assert.Equal(expected, actual);
                if (expected == ClickLineOutcome.Click)
                {
                    AssertSameFields(full.Event, fast.Event);
                }
            }

            // Validating every line counts the malformed ones exactly as the full parser does.
            Assert.Equal(expected, validating.Parse(input));
        }, iterations: 5000, seed: 14_4);
    }

    [Fact]
    public void AClickTypeSpelledWithAnyMixOfEscapesPassesThePrefilter()
    {
        var parser = Parser();
        var spelled = Gen.Select(Gen.Int[0, ClickEventTypes.Names.Count - 1], Gen.Bool.Array[32], Gen.Bool.Array[32], (t, escape, upper) =>
        {
            string name = Encoding.ASCII.GetString(ClickEventTypes.Names[t]);
            var text = new StringBuilder();
            for (int i = 0; i < name.Length; i++)
            {
                string hex = ((int)name[i]).ToString(upper[i] ? "X4" : "x4", System.Globalization.CultureInfo.InvariantCulture);
                text.Append(escape[i] ? "\\u" + hex : name[i].ToString());
            }

            return (Name: name, Json: text.ToString());
        });
        Property.Check(spelled, pair =>
        {
            string line = BrowserPlay.Replace("\"play_video\"", "\"" + pair.Json + "\"", StringComparison.Ordinal)
                .Replace(OldVideoHtmlId, "abc", StringComparison.Ordinal); // no other "video" in the line
            Assert.True(ClickLinePrefilter.CanBeClickEvent(Bytes(line)), line);
            Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(line)));
            Assert.Equal(pair.Name, Text(parser.Event.EventType));
        }, iterations: 2000, seed: 14_5);
    }

    [Fact]
    public void ParsingALineAllocatesNothingOnceWarm()
    {
        var parser = Parser();
        byte[][] lines = [.. s_seeds, Bytes(""), Bytes("# comment")];
        foreach (var line in lines)
        {
            parser.Parse(line);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            parser.Parse(lines[i % lines.Length]);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void AssertSameFields(ParsedClickEvent a, ParsedClickEvent b)
    {
        Assert.Same(a.Course, b.Course);
        Assert.True(a.ObservedEventId.SequenceEqual(b.ObservedEventId));
        Assert.Equal(a.TimeUtc, b.TimeUtc);
        Assert.Equal(a.VideoNotInCourseStructure, b.VideoNotInCourseStructure);
        foreach (var (x, y) in new[] { (a.Username.ToStringOrNull(), b.Username.ToStringOrNull()), (a.VideoKey.ToStringOrNull(), b.VideoKey.ToStringOrNull()), (a.Page.ToStringOrNull(), b.Page.ToStringOrNull()), (a.Code.ToStringOrNull(), b.Code.ToStringOrNull()), (a.CurrentTime.ToStringOrNull(), b.CurrentTime.ToStringOrNull()), (a.NewSpeed.ToStringOrNull(), b.NewSpeed.ToStringOrNull()) })
        {
            Assert.Equal(x, y);
        }
    }
}
