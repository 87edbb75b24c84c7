using System.Text;
using VisMooc.Modules.Values;
using static VisMooc.Tests.TrackingLogs.LogSamples;
using VisMooc.Modules.Sources.TrackingLog;

namespace VisMooc.Tests.TrackingLogs;

/// <summary>
/// The contract's "Which lines" and the traps of tracking-logs.md §2–§6, line by line. Expected
/// values are written out by hand from the contract (ids and pseudonyms computed independently
/// with Python's hashlib).
/// </summary>
public sealed class TrackingLogLineParserTests
{
    [Fact]
    public void ABrowserPlayOfAnI4xCourseGivesEveryField()
    {
        var parser = Parser();
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(BrowserPlay)));
        var e = parser.Event;
        Assert.Equal("17dee809561f6a5ecb1092571d9ec39b", Encoding.ASCII.GetString(e.ObservedEventId));
        Assert.Same(Old, e.Course);
        Assert.Equal(OldCourse, Text(e.FoundCourseId));
        Assert.Equal("learner7", Text(e.Username));
        Assert.Equal(OldVideo, Text(e.VideoKey));
        Assert.False(e.VideoNotInCourseStructure);
        Assert.Equal(new DateTime(2014, 5, 15, 19, 3, 19, DateTimeKind.Utc).AddTicks(4_873_730), e.TimeUtc);
        Assert.Equal("play_video", Text(e.EventType));
        Assert.Equal("https://courses.edx.org/courses/BerkeleyX/Stat_2.1x/1T2014/courseware/week1/lecture1/", Text(e.Page));
        Assert.Equal("html5", Text(e.Code));
        Assert.Equal("308.506103515625", Text(e.CurrentTime));
        Assert.Equal(FieldKind.Number, e.CurrentTime.Kind);
        Assert.True(e.NewTime.IsNull && e.OldTime.IsNull && e.NewSpeed.IsNull && e.OldSpeed.IsNull);
    }

    [Fact]
    public void AMobilePauseOfABlockV1CourseReadsEventAsAnObject()
    {
        var parser = Parser();
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(MobilePause)));
        var e = parser.Event;
        Assert.Equal("cdafd9110234e8eeb6ff01ceca97f249", Encoding.ASCII.GetString(e.ObservedEventId));
        Assert.Same(New, e.Course);
        Assert.Equal(NewVideo, Text(e.VideoKey));
        Assert.Equal("mobile", Text(e.Code));
        Assert.Equal("12.5", Text(e.CurrentTime));
        Assert.Equal("pause_video", Text(e.EventType));
        Assert.Equal(new DateTime(2015, 11, 2, 10, 14, 58, DateTimeKind.Utc), e.TimeUtc);
    }

    [Theory]
    [InlineData("load_video")]
    [InlineData("play_video")]
    [InlineData("pause_video")]
    [InlineData("stop_video")]
    [InlineData("seek_video")]
    [InlineData("speed_change_video")]
    [InlineData("show_transcript")]
    [InlineData("hide_transcript")]
    [InlineData("video_show_cc_menu")]
    [InlineData("video_hide_cc_menu")]
    [InlineData("edx.video.closed_captions.shown")]
    [InlineData("edx.video.closed_captions.hidden")]
    [InlineData("complete_video")]
    public void EachOfTheThirteenClickTypesIsARow(string type)
    {
        var parser = Parser();
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(BrowserPlay.Replace("\"play_video\"", $"\"{type}\"", StringComparison.Ordinal))));
        Assert.Equal(type, Text(parser.Event.EventType));
    }

    [Theory]
    [InlineData("page_close")]
    [InlineData("problem_check")]
    [InlineData("seq_goto")]
    [InlineData("edx.video.played")] // the mobile name, not an event_type
    [InlineData("edx.video.bumper.played")]
    [InlineData("skip_video")]
    [InlineData("do_not_show_again_video")]
    [InlineData("fullscreen")]
    [InlineData("not_fullscreen")]
    [InlineData("Play_Video")] // case counts
    [InlineData("play_video ")]
    [InlineData("/preview_component/i4x://BerkeleyX/Stat_2.1x/video/58424ad2f75048798b4480aa699cc215/play_video")]
    public void OtherEventTypesAreNotClickEvents(string type)
    {
        foreach (bool prefilter in new[] { true, false })
        {
            var parser = Parser(prefilter: prefilter);
            Assert.Equal(ClickLineOutcome.NotClickEvent, parser.Parse(Bytes(BrowserPlay.Replace("\"play_video\"", $"\"{type}\"", StringComparison.Ordinal))));
        }
    }

    [Theory]
    [InlineData(PageView)]
    [InlineData(ServerVideoHandler)]
    // event-tracking's internal shape and a raw Segment payload: no event_type (tracking-logs.md §2)
    [InlineData("""{"name": "play_video", "timestamp": "2015-11-02T10:14:58+00:00", "data": {"id": "x", "currentTime": 1}, "context": {"course_id": "course-v1:DelftX+FP101x+3T2015"}}""")]
    [InlineData("""{"username": "learner8", "name": "edx.video.played", "event": {"id": "addc2e897c5447f09d2d7f532970e285"}, "context": {"course_id": "course-v1:DelftX+FP101x+3T2015"}, "time": "2015-11-02T10:14:58+00:00"}""")]
    [InlineData("""{"username": "learner8", "event_type": null, "event": {"id": "x"}, "name": "play_video"}""")]
    [InlineData("""{"username": "learner8", "event_type": ["play_video"], "event": {"id": "x"}}""")]
    [InlineData("""{"username": "learner8", "event_type": {"play_video": 1}, "event": {"id": "x"}}""")]
    public void LinesOfNoClickTypeAreNotClickEvents(string line)
    {
        Assert.Equal(ClickLineOutcome.NotClickEvent, Parser().Parse(Bytes(line)));
        Assert.Equal(ClickLineOutcome.NotClickEvent, Parser(validateEveryLine: true, prefilter: false).Parse(Bytes(line)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r")]
    [InlineData(" \t \r")]
    public void BlankLinesAreBlank(string line) => Assert.Equal(ClickLineOutcome.Blank, Parser(validateEveryLine: true).Parse(Bytes(line)));

    [Fact]
    public void APrefixedLineIsParsedFromItsFirstBraceAndItsIdCoversThePrefix()
    {
        var parser = Parser();
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes("2014-05-15 19:03:19 lms-1: " + BrowserPlay)));
        Assert.Equal("56ff929864f666fc80470ef1f86b2b2b", Encoding.ASCII.GetString(parser.Event.ObservedEventId));
        Assert.Equal(OldVideo, Text(parser.Event.VideoKey));

        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes("\uFEFF" + BrowserPlay)));
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes("Oct 22 10:00:01 prod-edxapp-003 [service_variant=lms]: " + MobilePause)));
    }

    [Theory]
    [InlineData("# fixture: events of 2014-05-15", ClickLineOutcome.Malformed)]
    [InlineData("# a play_video follows", ClickLineOutcome.MalformedClick)]
    [InlineData("not json at all", ClickLineOutcome.Malformed)]
    [InlineData("[1, 2]", ClickLineOutcome.Malformed)]
    [InlineData("\"play_video\"", ClickLineOutcome.MalformedClick)]
    [InlineData("[{\"event_type\": \"play_video\"}]", ClickLineOutcome.MalformedClick)]
    [InlineData("{\"event_type\": \"play_video\"} trailing", ClickLineOutcome.MalformedClick)]
    [InlineData("{\"event_type\": \"play_video\", }", ClickLineOutcome.MalformedClick)]
    [InlineData("{\"event_type\": \"play_video\", \"event\": {\"id\": \"x\", \"currentTime\": NaN}}", ClickLineOutcome.MalformedClick)]
    [InlineData("{\"event_type\": \"page_close\" /* comment */}", ClickLineOutcome.Malformed)]
    public void LinesThatAreNotJsonObjectsAreMalformedAndRejectedOnlyWhenTheyMentionAClickType(string line, ClickLineOutcome expected)
    {
        var parser = Parser(validateEveryLine: true);
        Assert.Equal(expected, parser.Parse(Bytes(line)));
        Assert.Equal(expected == ClickLineOutcome.MalformedClick ? ClickRejectReason.NotJsonObject : ClickRejectReason.None, parser.Event.RejectReason);

        // Without validation, only lines the prefilter lets through are parsed: a malformed line
        // that mentions no click type is not read at all.
        var fast = Parser().Parse(Bytes(line));
        Assert.Equal(expected == ClickLineOutcome.Malformed ? ClickLineOutcome.NotClickEvent : expected, fast);
    }

    [Fact]
    public void ALineTruncatedAt10000CharactersIsMalformedAndRejectedWhenItIsAClickEvent()
    {
        // The legacy logger cut whole lines at 10,000 characters: unterminated JSON.
        string longAgent = new('a', 12_000);
        string play = BrowserPlay.Replace("Mozilla/5.0 (X11; Linux x86_64)", longAgent, StringComparison.Ordinal);
        var parser = Parser();
        Assert.Equal(ClickLineOutcome.MalformedClick, parser.Parse(Bytes(play[..10_000])));
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(play)));

        string view = PageView.Replace("\"ip\": \"10.0.0.7\"", "\"agent\": \"" + longAgent + "\"", StringComparison.Ordinal);
        Assert.Equal(ClickLineOutcome.NotClickEvent, parser.Parse(Bytes(view)));
        Assert.Equal(ClickLineOutcome.Malformed, Parser(validateEveryLine: true).Parse(Bytes(view[..10_000])));

        // Cut in the middle of the event string of a click event: the line is not JSON either.
        int inEvent = BrowserPlay.IndexOf("currentTime", StringComparison.Ordinal);
        Assert.Equal(ClickLineOutcome.MalformedClick, parser.Parse(Bytes(BrowserPlay[..inEvent])));
    }

    [Theory]
    [InlineData("\"event\": \"\"")]
    [InlineData("\"event\": null")]
    [InlineData("\"event\": 17")]
    [InlineData("\"event\": [\"id\"]")]
    [InlineData("\"event\": \"null\"")]
    [InlineData("\"event\": \"[]\"")]
    [InlineData("\"event\": \"{\\\"id\\\": \\\"i4x-BerkeleyX-Stat_2_1x-video-58424ad2f75048798b4480aa699cc215\\\", \\\"currentT\"")] // cut at 512 characters
    [InlineData("\"event\": \"{\\\"id\\\": \\\"x\\\"} extra\"")]
    [InlineData("\"event\": \"\\\"{\\\\\\\"id\\\\\\\": 1}\\\"\"")] // a string holding a string holding an object
    [InlineData("\"event\": \"{\\\"id\\\": \\\"x\\\", \\\"currentTime\\\": NaN}\"")] // Python's bare NaN is not JSON
    [InlineData("\"no_event\": {}")]
    public void AClickEventWhoseEventCannotBeReadIsRejected(string eventMember)
    {
        string line = ReplaceEvent(BrowserPlay, eventMember);
        var parser = Parser();
        Assert.Equal(ClickLineOutcome.Rejected, parser.Parse(Bytes(line)));
        Assert.Equal(ClickRejectReason.EventUnreadable, parser.Event.RejectReason);
    }

    [Theory]
    [InlineData("{\"currentTime\": 1}")]
    [InlineData("{\"id\": \"\"}")]
    [InlineData("{\"id\": \"  \\n \"}")]
    [InlineData("{\"id\": null}")]
    [InlineData("{\"id\": 58424}")]
    [InlineData("{\"id\": {\"x\": 1}}")]
    public void AClickEventWithoutEventIdIsRejected(string eventObject)
    {
        var parser = Parser();
        Assert.Equal(ClickLineOutcome.Rejected, parser.Parse(Bytes(ReplaceEvent(BrowserPlay, "\"event\": " + eventObject))));
        Assert.Equal(ClickRejectReason.NoEventId, parser.Event.RejectReason);
    }

    [Theory]
    [InlineData("\"time\": \"yesterday\"")]
    [InlineData("\"time\": \"\"")]
    [InlineData("\"time\": null")]
    [InlineData("\"time\": 1400180599487")]
    [InlineData("\"time\": \"2014-05-15T19:03\"")] // the T form needs seconds
    [InlineData("\"time\": \"2014-02-30T19:03:19+00:00\"")]
    [InlineData("\"time\": \"2014-05-15 19:03:19 UTC\"")] // MLC's intermediate form is not a log time
    [InlineData("\"no_time\": 1")]
    public void AClickEventWithoutAReadableTimeIsRejected(string timeMember)
    {
        string line = BrowserPlay.Replace("\"time\": \"2014-05-15T19:03:19.487373+00:00\"", timeMember, StringComparison.Ordinal);
        var parser = Parser();
        Assert.Equal(ClickLineOutcome.Rejected, parser.Parse(Bytes(line)));
        Assert.Equal(ClickRejectReason.NoTime, parser.Event.RejectReason);
    }

    [Theory]
    [InlineData("2013-06-08T23:29:58.796908", "2013-06-08 23:29:58.796908")] // no offset: UTC
    [InlineData("2014-05-15T19:03:19.487373+00:00", "2014-05-15 19:03:19.487373")]
    [InlineData("2014-12-09T03:57:24+00:00", "2014-12-09 03:57:24.000000")]
    [InlineData("2014-12-09T03:57:24Z", "2014-12-09 03:57:24.000000")]
    [InlineData("2014-12-09T03:57:24.1+00:00", "2014-12-09 03:57:24.100000")]
    [InlineData("2014-12-09T03:57:24.123456789+00:00", "2014-12-09 03:57:24.123456")] // further digits dropped, not rounded
    [InlineData("2014-12-09T03:57:24.9999999+00:00", "2014-12-09 03:57:24.999999")]
    [InlineData("2014-12-09T08:27:24.5+05:30", "2014-12-09 02:57:24.500000")]
    [InlineData("2014-12-31T20:00:00.000001-0800", "2015-01-01 04:00:00.000001")]
    [InlineData("2014-12-09 03:57:24.25", "2014-12-09 03:57:24.250000")]
    public void TimeIsReadToTheMicrosecondInUtc(string time, string expected)
    {
        string line = BrowserPlay.Replace("2014-05-15T19:03:19.487373+00:00", time, StringComparison.Ordinal);
        var parser = Parser();
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(line)));
        Assert.Equal(expected, parser.Event.TimeUtc.ToString("yyyy-MM-dd HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(time, Text(parser.Event.Time));
    }

    [Theory]
    [InlineData("\"learner7\\n\"", "learner7")] // a trailing newline (tracking-logs.md §3)
    [InlineData("\" learner7 \\t\"", "learner7")]
    [InlineData("\"\\u00e9l\\u00e8ve\"", "élève")]
    [InlineData("\"l\\u00e9arner\\u3000\"", "léarner")] // ideographic space is whitespace too
    [InlineData("\"username_17\"", "username_17")] // RDX's anonymised form
    public void UsernameIsDecodedAndStripped(string json, string expected)
    {
        var parser = Parser();
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(BrowserPlay.Replace("\"learner7\"", json, StringComparison.Ordinal))));
        Assert.Equal(expected, Text(parser.Event.Username));
    }

    [Theory]
    [InlineData("\"username\": \"\"")] // logged out
    [InlineData("\"username\": \" \\n\"")]
    [InlineData("\"username\": null")]
    [InlineData("\"username\": 7")]
    [InlineData("\"user\": \"learner7\"")] // missing (synthetic tests)
    public void AClickEventOfAConvertedCourseWithoutAUsernameIsCountedNotRejected(string member)
    {
        var parser = Parser();
        Assert.Equal(ClickLineOutcome.NoUsername, parser.Parse(Bytes(BrowserPlay.Replace("\"username\": \"learner7\"", member, StringComparison.Ordinal))));
        Assert.Same(Old, parser.Event.Course);
        Assert.Equal(ClickRejectReason.None, parser.Event.RejectReason);
    }

    [Fact]
    public void ALoggedOutEventOfAnotherCourseCountsForTheOtherCourse()
    {
        string line = BrowserPlay.Replace("\"learner7\"", "\"\"", StringComparison.Ordinal)
            .Replace("\"course_id\": \"BerkeleyX/Stat_2.1x/1T2014\"", "\"course_id\": \"MITx/6.002x/2013_Spring\"", StringComparison.Ordinal);
        var parser = Parser();
        Assert.Equal(ClickLineOutcome.OtherCourse, parser.Parse(Bytes(line)));
        Assert.Equal("MITx/6.002x/2013_Spring", Text(parser.Event.FoundCourseId));
    }

    [Theory]
    [InlineData("BerkeleyX/Stat_2.1x/1T2014", OldCourse)]
    [InlineData("  BerkeleyX/Stat_2.1x/1T2014\n", OldCourse)] // whitespace stripped
    [InlineData("course-v1:BerkeleyX+Stat_2.1x+1T2014", OldCourse)] // the two spellings are one course
    [InlineData("course-v1:DelftX+FP101x+3T2015", NewCourse)]
    [InlineData("DelftX/FP101x/3T2015", NewCourse)]
    [InlineData("ccx-v1:DelftX+FP101x+3T2015+ccx@3", null)] // a CCX is another course
    [InlineData("course-v1:DelftX+FP101x+3T2016", null)]
    [InlineData("course-v1:delftx+FP101x+3T2015", null)] // case counts
    [InlineData("course-v1:DelftX+FP101x+3T2015+branch@draft", null)]
    [InlineData("BerkeleyX/Stat_2.1x/1T2014/extra", null)]
    public void TheCourseMatchIsExactExceptForTheTwoSpellings(string courseId, string? expected)
    {
        string json = System.Text.Json.JsonSerializer.Serialize(courseId);
        string line = BrowserPlay.Replace("\"course_id\": \"BerkeleyX/Stat_2.1x/1T2014\"", "\"course_id\": " + json, StringComparison.Ordinal);
        var parser = Parser();
        var outcome = parser.Parse(Bytes(line));
        Assert.Equal(expected is null ? ClickLineOutcome.OtherCourse : ClickLineOutcome.Click, outcome);
        Assert.Equal(expected, parser.Event.Course?.CourseId);
    }

    [Theory]
    // context.course_id "" (newer course pages): the course is taken from page
    [InlineData("\"\"", "https://courses.edx.org/xblock/block-v1:DelftX+FP101x+3T2015+type@video+block@addc2e897c5447f09d2d7f532970e285", "course-v1:DelftX+FP101x+3T2015")]
    [InlineData("\"\"", "https://courses.edx.org/courses/course-v1:DelftX+FP101x+3T2015/courseware/w1/l1/?child=first", "course-v1:DelftX+FP101x+3T2015")]
    [InlineData("null", "https://courses.edx.org/courses/BerkeleyX/Stat_2.1x/1T2014/courseware/week1/", "BerkeleyX/Stat_2.1x/1T2014")]
    [InlineData("\" \"", "/courses/BerkeleyX/Stat_2.1x/1T2014", "BerkeleyX/Stat_2.1x/1T2014")]
    [InlineData("17", "https://courses.edx.org/courses/BerkeleyX/Stat_2.1x/1T2014?x=1", "BerkeleyX/Stat_2.1x/1T2014")]
    [InlineData("\"\"", "https://courses.edx.org/courses/ccx-v1:DelftX+FP101x+3T2015+ccx@3/courseware/", "ccx-v1:DelftX+FP101x+3T2015+ccx@3")]
    [InlineData("\"\"", "https://courses.edx.org/courses/BerkeleyX/Stat_2.1x/", "")] // no run
    [InlineData("\"\"", "https://courses.edx.org/dashboard", "")]
    public void AMissingOrEmptyCourseIdIsTakenFromThePage(string courseIdJson, string page, string expectedFound)
    {
        string line = BrowserPlay
            .Replace("\"course_id\": \"BerkeleyX/Stat_2.1x/1T2014\"", "\"course_id\": " + courseIdJson, StringComparison.Ordinal)
            .Replace("\"page\": \"https://courses.edx.org/courses/BerkeleyX/Stat_2.1x/1T2014/courseware/week1/lecture1/\"", "\"page\": \"" + page + "\"", StringComparison.Ordinal);
        var parser = Parser();
        var outcome = parser.Parse(Bytes(line));
        Assert.Equal(expectedFound, Text(parser.Event.FoundCourseId));
        Assert.Equal(expectedFound is OldCourse or NewCourse ? ClickLineOutcome.Click : ClickLineOutcome.OtherCourse, outcome);
        if (outcome == ClickLineOutcome.Click)
        {
            Assert.Equal(page, Text(parser.Event.Page)); // the url column is the page as logged
        }
    }

    [Fact]
    public void WithoutContextTheCourseComesFromThePageAndWithoutEitherItIsAnotherCourse()
    {
        string noContext = """{"username": "x", "event_type": "play_video", "event": "{\"id\": \"abc\"}", "time": "2013-06-08T23:29:58.796908", "page": "https://www.edx.org/courses/BerkeleyX/Stat_2.1x/1T2014/courseware/"}""";
        var parser = Parser();
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(noContext)));
        Assert.Same(Old, parser.Event.Course);

        string nothing = """{"username": "x", "event_type": "play_video", "event": "{\"id\": \"abc\"}", "time": "2013-06-08T23:29:58.796908", "page": null}""";
        Assert.Equal(ClickLineOutcome.OtherCourse, parser.Parse(Bytes(nothing)));
        Assert.Equal("", Text(parser.Event.FoundCourseId));
    }

    [Fact]
    public void PageAbsentOrNullIsNullAndAnEscapedPageIsDecoded()
    {
        var parser = Parser();
        string withoutPage = BrowserPlay.Replace(", \"page\": \"https://courses.edx.org/courses/BerkeleyX/Stat_2.1x/1T2014/courseware/week1/lecture1/\"", "", StringComparison.Ordinal);
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(withoutPage)));
        Assert.True(parser.Event.Page.IsNull);

        string escaped = BrowserPlay.Replace("https://courses.edx.org/courses/BerkeleyX/Stat_2.1x/1T2014/courseware/week1/lecture1/", "https:\\/\\/courses.edx.org\\/courses\\/BerkeleyX\\/Stat_2.1x\\/1T2014\\/courseware\\/", StringComparison.Ordinal);
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(escaped)));
        Assert.Equal("https://courses.edx.org/courses/BerkeleyX/Stat_2.1x/1T2014/courseware/", Text(parser.Event.Page));
    }

    [Fact]
    public void SnakeCaseCurrentTimeIsReadWhenCurrentTimeIsAbsentOrNull()
    {
        var parser = Parser();
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(SpeedChange("\"current_time\": 62.3, \"old_speed\": \"1.0\", \"new_speed\": \"1.50\""))));
        Assert.Equal("62.3", Text(parser.Event.CurrentTime));
        Assert.Equal("1.0", Text(parser.Event.OldSpeed));
        Assert.Equal(FieldKind.String, parser.Event.OldSpeed.Kind);
        Assert.Equal("1.50", Text(parser.Event.NewSpeed));

        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(SpeedChange("\"currentTime\": 1, \"current_time\": 2"))));
        Assert.Equal("1", Text(parser.Event.CurrentTime));
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(SpeedChange("\"currentTime\": null, \"current_time\": 2"))));
        Assert.Equal("2", Text(parser.Event.CurrentTime));
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(SpeedChange("\"current_time\": \"NaN\""))));
        Assert.Equal("NaN", Text(parser.Event.CurrentTime));
    }

    [Fact]
    public void SeekTimesAreNumbersOrStringsAndOtherValuesAreKeptForTheWarning()
    {
        var parser = Parser();
        string seek = BrowserPlay.Replace("\"play_video\"", "\"seek_video\"", StringComparison.Ordinal)
            .Replace("\\\"currentTime\\\":308.506103515625", "\\\"old_time\\\":\\\"12.5\\\",\\\"new_time\\\":290,\\\"type\\\":\\\"onSlideSeek\\\",\\\"code\\\":true", StringComparison.Ordinal);
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(seek)));
        Assert.Equal("12.5", Text(parser.Event.OldTime));
        Assert.Equal(FieldKind.String, parser.Event.OldTime.Kind);
        Assert.Equal("290", Text(parser.Event.NewTime));
        Assert.True(parser.Event.CurrentTime.IsNull);
        Assert.Equal("html5", Text(parser.Event.Code)); // the last code wins (Python's json keeps the last member)
    }

    [Fact]
    public void CodeIsTheEventCodeOrNullWhenAbsent()
    {
        var parser = Parser();
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(ReplaceEvent(BrowserPlay, "\"event\": {\"id\": \"x\"}"))));
        Assert.True(parser.Event.Code.IsNull);
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(ReplaceEvent(BrowserPlay, "\"event\": {\"id\": \"x\", \"code\": 7}"))));
        Assert.Equal("7", Text(parser.Event.Code));
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(ReplaceEvent(BrowserPlay, "\"event\": {\"id\": \"x\", \"code\": \"y2bJ\\u00e9\"}"))));
        Assert.Equal("y2bJé", Text(parser.Event.Code));
    }

    [Fact]
    public void LoneSurrogatesInFieldsNotUsedDoNotThrowAndInUsedFieldsBecomeReplacementCharacters()
    {
        var parser = Parser();
        string agent = BrowserPlay.Replace("Mozilla/5.0 (X11; Linux x86_64)", "Mozilla \\ud83d and \\udc00 and \\ud83d\\ud83d", StringComparison.Ordinal);
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(agent)));

        // Inside the event string: an unused member with a lone surrogate (escaped twice: inner JSON in a string).
        string inner = BrowserPlay.Replace("\\\"code\\\":\\\"html5\\\"", "\\\"code\\\":\\\"html5\\\",\\\"note\\\":\\\"\\\\ud83d\\\"", StringComparison.Ordinal);
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(inner)));

        string user = BrowserPlay.Replace("\"learner7\"", "\"learner\\ud83d\"", StringComparison.Ordinal);
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(user)));
        Assert.Equal("learner\uFFFD", Text(parser.Event.Username));

        string pair = BrowserPlay.Replace("\"learner7\"", "\"learner\\ud83d\\ude00\"", StringComparison.Ordinal);
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(pair)));
        Assert.Equal("learner😀", Text(parser.Event.Username));
    }

    [Fact]
    public void EscapedKeysAndAnEscapedEventTypeAreRead()
    {
        var parser = Parser();
        string line = BrowserPlay.Replace("\"event_type\": \"play_video\"", "\"event\\u005ftype\": \"\\u0070lay_video\"", StringComparison.Ordinal)
            .Replace("\"username\"", "\"user\\u006eame\"", StringComparison.Ordinal)
            .Replace("\\\"currentTime\\\"", "\\\"current\\\\u0054ime\\\"", StringComparison.Ordinal);
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(line)));
        Assert.Equal("play_video", Text(parser.Event.EventType));
        Assert.Equal("learner7", Text(parser.Event.Username));
        Assert.Equal("308.506103515625", Text(parser.Event.CurrentTime));

        // Every letter escaped, upper-case hex digits: no plain "video" left in the line.
        string hidden = PageView.Replace("\"page_close\"", "\"\\u0050\\u004C\\u0041\\u0059\"", StringComparison.Ordinal);
        Assert.Equal(ClickLineOutcome.NotClickEvent, parser.Parse(Bytes(hidden)));
        string all = BrowserPlay.Replace("\"play_video\"", "\"" + string.Concat("play_video".Select(c => $"\\u{(int)c:X4}")) + "\"", StringComparison.Ordinal);
        Assert.DoesNotContain("video\"", all, StringComparison.Ordinal);
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(all)));
    }

    [Fact]
    public void RepeatedMembersKeepTheLastAsPythonDoes()
    {
        var parser = Parser();
        string line = BrowserPlay.Replace("{\"username\": \"learner7\", \"event_type\": \"play_video\"", "{\"username\": \"first\", \"event_type\": \"page_close\", \"username\": \"learner7\", \"event_type\": \"play_video\"", StringComparison.Ordinal);
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(line)));
        Assert.Equal("learner7", Text(parser.Event.Username));

        string contexts = BrowserPlay.Replace("\"context\": {", "\"context\": {\"course_id\": \"MITx/6.002x/2013_Spring\"}, \"context\": {", StringComparison.Ordinal);
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(contexts)));
        string second = BrowserPlay.Replace("\"event_source\": \"browser\",", "\"event_source\": \"browser\", \"context\": {\"course_id\": \"MITx/6.002x/2013_Spring\"}, \"x\": 1,", StringComparison.Ordinal)
            .Replace("\"path\": \"/event\"}", "\"path\": \"/event\"}, \"context\": \"gone\"", StringComparison.Ordinal);
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(second))); // the last context has no course_id: the page names the course
    }

    [Fact]
    public void TheIdIgnoresTheCrOfACrlfLineEndOnly()
    {
        var parser = Parser();
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(BrowserPlay + "\r")));
        Assert.Equal("17dee809561f6a5ecb1092571d9ec39b", Encoding.ASCII.GetString(parser.Event.ObservedEventId));
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(BrowserPlay + "\r"), endsWithLf: false));
        Assert.NotEqual("17dee809561f6a5ecb1092571d9ec39b", Encoding.ASCII.GetString(parser.Event.ObservedEventId));
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(BrowserPlay + " ")));
        Assert.NotEqual("17dee809561f6a5ecb1092571d9ec39b", Encoding.ASCII.GetString(parser.Event.ObservedEventId));
    }

    [Fact]
    public void InvalidUtf8InAFieldNotUsedIsNoObstacle()
    {
        byte[] line = Bytes(BrowserPlay.Replace("Mozilla/5.0", "Mozilla/\u00ff", StringComparison.Ordinal));
        int at = Array.IndexOf(line, (byte)0xC3);
        line[at] = 0xFF; // a byte that is never UTF-8
        Assert.Equal(ClickLineOutcome.Click, Parser().Parse(line));
    }

    [Fact]
    public void DeepOrHugeUnusedMembersAreSkipped()
    {
        string deep = new string('[', 40) + new string(']', 40);
        string big = new('x', 100_000);
        string line = BrowserPlay.Replace("\"host\": \"courses.edx.org\"", $"\"host\": {deep}, \"blob\": \"{big}\"", StringComparison.Ordinal);
        var parser = Parser();
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(line)));
        Assert.Equal("learner7", Text(parser.Event.Username));
    }

    [Fact]
    public void TheParserKeepsNoStateBetweenLines()
    {
        var parser = Parser();
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(MobilePause)));
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(ReplaceEvent(BrowserPlay, "\"event\": {\"id\": \"x\"}"))));
        Assert.True(parser.Event.CurrentTime.IsNull);
        Assert.True(parser.Event.Code.IsNull);
        Assert.Equal(ClickLineOutcome.NotClickEvent, parser.Parse(Bytes(PageView)));
        Assert.True(parser.Event.Username.IsNull);
        Assert.Null(parser.Event.Course);
    }

    internal static string ReplaceEvent(string line, string eventMember)
    {
        int start = line.IndexOf("\"event\": ", StringComparison.Ordinal);
        int end = line.IndexOf(", \"event_source\"", StringComparison.Ordinal);
        return line[..start] + eventMember + line[end..];
    }

    private static string SpeedChange(string members) =>
        ReplaceEvent(BrowserPlay.Replace("\"play_video\"", "\"speed_change_video\"", StringComparison.Ordinal), "\"event\": \"{\\\"id\\\": \\\"" + OldVideoHtmlId + "\\\", " + members.Replace("\"", "\\\"", StringComparison.Ordinal) + "}\"");
}
