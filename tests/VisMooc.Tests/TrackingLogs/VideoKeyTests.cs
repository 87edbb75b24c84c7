using System.Text;
using VisMooc.Modules.Sources.CourseStructure;
using static VisMooc.Tests.TrackingLogs.LogSamples;
using VisMooc.Modules.Sources.TrackingLog;

namespace VisMooc.Tests.TrackingLogs;

/// <summary>From <c>event.id</c> to <c>videos.original_id</c> (tracking-logs.md §6), and the contract's fallback keys.</summary>
public sealed class VideoKeyTests
{
    [Theory]
    // tracking-logs.md §6, and opaque-keys' html_id: i4x, org, course, category, block id joined by '-', cleaned
    [InlineData("i4x://BerkeleyX/Stat_2.1x/video/58424ad2f75048798b4480aa699cc215", "i4x-BerkeleyX-Stat_2_1x-video-58424ad2f75048798b4480aa699cc215")]
    [InlineData("i4x://BerkeleyX/Stat_2_1x/video/58424ad2f75048798b4480aa699cc215", "i4x-BerkeleyX-Stat_2_1x-video-58424ad2f75048798b4480aa699cc215")] // lossy
    [InlineData("i4x://Medicine/HRP258/videoalpha/413d6d3c", "i4x-Medicine-HRP258-videoalpha-413d6d3c")]
    [InlineData("i4x://MITx/6.00.1-x/video/Lecture_1__intro.mp4", "i4x-MITx-6_00_1-x-video-Lecture_1_intro_mp4")] // '-' kept, runs of '_' collapsed
    [InlineData("i4x://Org/Cöurse/video/名字.x", "i4x-Org-Cöurse-video-名字_x")] // letters of any script are word characters
    [InlineData("i4x://Org/C/video/a\u0301b", "i4x-Org-C-video-a_b")] // a combining mark is not (Python's \w)
    [InlineData("i4x://Org/C/video/x²y٣", "i4x-Org-C-video-x²y٣")] // numbers of any kind are
    [InlineData("i4x://Org/C/video/a:b~c%d", "i4x-Org-C-video-a_b_c_d")]
    [InlineData("i4x://Org/C/video/_a_", "i4x-Org-C-video-_a_")]
    [InlineData("i4x://Org/C/video/abc@draft", "i4x-Org-C-video-abc")] // the revision is a branch, not part of the id
    [InlineData("block-v1:DelftX+FP101x+3T2015+type@video+block@addc2e897c5447f09d2d7f532970e285", "addc2e897c5447f09d2d7f532970e285")]
    [InlineData("block-v1:DelftX+FP101x+3T2015+branch@published+type@video+block@intro.video", "intro.video")] // not always hex; kept as it is
    public void HtmlIdIsWhatThePlayerLogs(string key, string expected) => Assert.Equal(expected, HtmlId.Of(key));

    [Theory]
    [InlineData("video-b")]
    [InlineData("i4x://Org/C/video")]
    [InlineData("i4x://Org//video/b")]
    [InlineData("block-v1:A+B+C+type@video")]
    public void KeysOfNeitherEraHaveNoHtmlId(string key) => Assert.Null(HtmlId.Of(key));

    [Fact]
    public void TheMapIsBuiltFromTheCourseStructureReadersBlocks()
    {
        string json = """
            {
              "i4x://BerkeleyX/Stat_2.1x/course/1T2014": {"category": "course", "children": ["i4x://BerkeleyX/Stat_2.1x/chapter/c1"], "metadata": {}},
              "i4x://BerkeleyX/Stat_2.1x/chapter/c1": {"category": "chapter", "children": ["i4x://BerkeleyX/Stat_2.1x/video/58424ad2f75048798b4480aa699cc215"], "metadata": {}},
              "i4x://BerkeleyX/Stat_2.1x/video/58424ad2f75048798b4480aa699cc215": {"category": "video", "children": [], "metadata": {"display_name": "Intro"}},
              "i4x://BerkeleyX/Stat_2.1x/videoalpha/413d": {"category": "videoalpha", "children": [], "metadata": {}},
              "i4x://BerkeleyX/Stat_2.1x/problem/p1": {"category": "problem", "children": [], "metadata": {}},
              "i4x://BerkeleyX/Stat_2.1x/html/video": {"category": "html", "children": [], "metadata": {}}
            }
            """;
        var blocks = CourseStructureReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), new HashSet<string>());
        var map = VideoKeyMap.Build(blocks);
        Assert.Equal(4, map.Count); // two html ids, two keys
        Assert.True(map.TryGet(Bytes("i4x-BerkeleyX-Stat_2_1x-video-58424ad2f75048798b4480aa699cc215"), out byte[] key));
        Assert.Equal("i4x://BerkeleyX/Stat_2.1x/video/58424ad2f75048798b4480aa699cc215", Encoding.UTF8.GetString(key));
        Assert.True(map.TryGet(Bytes("i4x-BerkeleyX-Stat_2_1x-videoalpha-413d"), out key));
        Assert.Equal("i4x://BerkeleyX/Stat_2.1x/videoalpha/413d", Encoding.UTF8.GetString(key));
        Assert.True(map.TryGet(Bytes("i4x://BerkeleyX/Stat_2.1x/videoalpha/413d"), out _)); // a client that logs the key itself
        Assert.False(map.TryGet(Bytes("i4x-BerkeleyX-Stat_2_1x-problem-p1"), out _));
        Assert.False(map.TryGet(Bytes("i4x-BerkeleyX-Stat_2_1x-html-video"), out _));
    }

    [Fact]
    public void TheFirstBlockWinsWhenTwoGiveTheSameHtmlId()
    {
        var map = VideoKeyMap.Build([("i4x://O/C/video/a.b", "video"), ("i4x://O/C/video/a_b", "video")]);
        Assert.True(map.TryGet(Bytes("i4x-O-C-video-a_b"), out byte[] key));
        Assert.Equal("i4x://O/C/video/a.b", Encoding.UTF8.GetString(key));
        Assert.True(map.TryGet(Bytes("i4x://O/C/video/a_b"), out key));
        Assert.Equal("i4x://O/C/video/a_b", Encoding.UTF8.GetString(key));
    }

    [Theory]
    // In the structure: both eras, videoalpha, a block id that is not hex, the key itself
    [InlineData(OldCourse, OldVideoHtmlId, OldVideo, false)]
    [InlineData(OldCourse, OldVideoAlphaHtmlId, OldVideoAlpha, false)]
    [InlineData(NewCourse, "addc2e897c5447f09d2d7f532970e285", NewVideo, false)]
    [InlineData(NewCourse, "intro_video", NewVideoNamed, false)]
    [InlineData(NewCourse, NewVideo, NewVideo, false)]
    // Not in the structure: the contract's fallbacks, Org and Course (and Run) from the course id
    [InlineData(OldCourse, "i4x-BerkeleyX-Stat_2_1x-video-0000", "i4x://BerkeleyX/Stat_2.1x/video/0000", true)]
    [InlineData(OldCourse, "i4x-BerkeleyX-Stat_2_1x-videoalpha-0000", "i4x://BerkeleyX/Stat_2.1x/video/0000", true)]
    [InlineData(OldCourse, "i4x-Other-Org-video-x-y", "i4x://BerkeleyX/Stat_2.1x/video/x-y", true)]
    [InlineData(OldCourse, "0000", "block-v1:BerkeleyX+Stat_2.1x+1T2014+type@video+block@0000", true)]
    [InlineData(NewCourse, "ffff", "block-v1:DelftX+FP101x+3T2015+type@video+block@ffff", true)]
    [InlineData(NewCourse, "i4x-DelftX-FP101x-video-ffff", "i4x://DelftX/FP101x/video/ffff", true)]
    [InlineData(NewCourse, "i4x-DelftX-FP101x-video-", "block-v1:DelftX+FP101x+3T2015+type@video+block@i4x-DelftX-FP101x-video-", true)]
    [InlineData(NewCourse, "i4x-DelftX-FP101x-problem-ffff", "block-v1:DelftX+FP101x+3T2015+type@video+block@i4x-DelftX-FP101x-problem-ffff", true)]
    public void TheVideoKeyComesFromTheStructureElseFromTheFallback(string courseId, string eventId, string expected, bool fallback)
    {
        var course = courseId == OldCourse ? Old : New;
        Assert.Equal((expected, fallback), Resolve(course, eventId));
    }

    [Fact]
    public void AnOrgOrCourseHoldingDashesIsCutAtTheCoursesOwnPrefix()
    {
        var course = new ClickCourse("Org-X/video-1/R", VideoKeyMap.Empty);
        Assert.Equal(("i4x://Org-X/video-1/video/B-1", true), Resolve(course, "i4x-Org-X-video-1-video-B-1"));
        var odd = new ClickCourse("not-a-course-id", VideoKeyMap.Empty);
        Assert.Equal(("abc", true), Resolve(odd, "abc"));
    }

    [Fact]
    public void ParsedEventsCarryTheFallbackFlag()
    {
        var parser = Parser();
        string unknown = BrowserPlay.Replace(OldVideoHtmlId, "i4x-BerkeleyX-Stat_2_1x-video-ffff", StringComparison.Ordinal);
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(unknown)));
        Assert.True(parser.Event.VideoNotInCourseStructure);
        Assert.Equal("i4x://BerkeleyX/Stat_2.1x/video/ffff", Text(parser.Event.VideoKey));

        // event.id with a leading newline and spaces (tracking-logs.md §4)
        string padded = BrowserPlay.Replace("\\\"id\\\":\\\"i4x", "\\\"id\\\":\\\"\\\\n  i4x", StringComparison.Ordinal);
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(padded)));
        Assert.False(parser.Event.VideoNotInCourseStructure);
        Assert.Equal(OldVideo, Text(parser.Event.VideoKey));
        Assert.Equal(OldVideoHtmlId, Text(parser.Event.EventId));
    }

    private static (string Key, bool Fallback) Resolve(ClickCourse course, string eventId)
    {
        byte[] id = Bytes(eventId);
        var buffer = new byte[id.Length + course.FallbackExtraBytes];
        int n = course.WriteVideoKey(id, buffer, out bool fallback);
        return (Encoding.UTF8.GetString(buffer, 0, n), fallback);
    }
}
