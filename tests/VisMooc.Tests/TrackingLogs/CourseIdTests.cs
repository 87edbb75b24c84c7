using System.Text;
using VisMooc.Modules.Sources.TrackingLog;

namespace VisMooc.Tests.TrackingLogs;

/// <summary>The course match rule and the course named by a page URL.</summary>
public sealed class CourseIdTests
{
    [Theory]
    [InlineData("A/B/C", "A/B/C", true)]
    [InlineData("A/B/C", "course-v1:A+B+C", true)]
    [InlineData("course-v1:A+B+C", "A/B/C", true)]
    [InlineData("course-v1:A+B+C", "course-v1:A+B+C", true)]
    [InlineData("MITx/6.00.1-x/1T2014", "course-v1:MITx+6.00.1-x+1T2014", true)]
    [InlineData("A/B/C", "ccx-v1:A+B+C+ccx@1", false)]
    [InlineData("A/B/C", "course-v1:A+B+C+ccx@1", false)]
    [InlineData("A/B/C", "course-v1:A+B+D", false)]
    [InlineData("A/B/C", "a/B/C", false)]
    [InlineData("A/B/C", "A/B/C ", false)] // stripping happens before, not here
    [InlineData("A/B/C", "A/B", false)]
    [InlineData("A/B/C", "A/B/C/D", false)]
    [InlineData("A+X/B/C", "course-v1:A+X+B+C", false)] // '+' cannot be in a part
    [InlineData("A//C", "course-v1:A++C", false)] // empty parts: neither is of an era, so both stay as they are
    [InlineData("weird-id", "weird-id", true)]
    public void IdsMatchExactlyOrAcrossTheTwoSpellings(string converted, string logged, bool expected)
    {
        var set = new ClickCourseSet([new ClickCourse(converted, VideoKeyMap.Empty)]);
        bool actual = set.Find(Encoding.UTF8.GetBytes(logged)) is not null;
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void TheFirstOfTwoCoursesWithTheSameIdWinsAndLongIdsAreFine()
    {
        var a = new ClickCourse("A/B/C", VideoKeyMap.Empty);
        var b = new ClickCourse("course-v1:A+B+C", VideoKeyMap.Empty);
        var set = new ClickCourseSet([a, b]);
        Assert.Same(a, set.Find("course-v1:A+B+C"u8));
        string longId = "course-v1:" + new string('x', 2000) + "+B+C";
        var c = new ClickCourse(longId, VideoKeyMap.Empty);
        Assert.Same(c, new ClickCourseSet([c]).Find(Encoding.UTF8.GetBytes(longId)));
        Assert.Null(set.Find(default));
    }

    [Theory]
    [InlineData("https://courses.edx.org/courses/BerkeleyX/Stat_2.1x/1T2014/courseware/week1/", "BerkeleyX/Stat_2.1x/1T2014")]
    [InlineData("https://courses.edx.org/courses/BerkeleyX/Stat_2.1x/1T2014", "BerkeleyX/Stat_2.1x/1T2014")]
    [InlineData("/courses/BerkeleyX/Stat_2.1x/1T2014#top", "BerkeleyX/Stat_2.1x/1T2014")]
    [InlineData("https://courses.edx.org/courses/course-v1:DelftX+FP101x+3T2015/courseware/", "course-v1:DelftX+FP101x+3T2015")]
    [InlineData("https://courses.edx.org/courses/course-v1:DelftX+FP101x+3T2015?x", "course-v1:DelftX+FP101x+3T2015")]
    [InlineData("https://courses.edx.org/xblock/block-v1:DelftX+FP101x+3T2015+type@video+block@abc", "course-v1:DelftX+FP101x+3T2015")]
    [InlineData("https://courses.edx.org/xblock/block-v1:DelftX+FP101x+3T2015", "course-v1:DelftX+FP101x+3T2015")]
    [InlineData("https://courses.edx.org/courses/course-v1:A+B+C/xblock/block-v1:X+Y+Z+type@video+block@1", "course-v1:A+B+C")]
    [InlineData("https://courses.edx.org/courses/BerkeleyX/Stat_2.1x", null)]
    [InlineData("https://courses.edx.org/courses//Stat_2.1x/1T2014", null)]
    [InlineData("https://courses.edx.org/courses/", null)]
    [InlineData("https://courses.edx.org/xblock/block-v1:DelftX+FP101x", null)]
    [InlineData("https://courses.edx.org/xblock/block-v1:DelftX+FP101x+type@video+block@abc", null)]
    [InlineData("https://courses.edx.org/dashboard", null)]
    [InlineData("", null)]
    public void ThePageNamesACourse(string page, string? expected)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(page);
        var destination = new byte[bytes.Length + 10];
        bool found = PageCourseId.TryGet(bytes, destination, out int n);
        Assert.Equal(expected, found ? Encoding.UTF8.GetString(destination, 0, n) : null);
    }
}
