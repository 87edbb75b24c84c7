using System.Text;
using VisMooc.Modules.Sources.TrackingLog;

namespace VisMooc.Tests.TrackingLogs;

/// <summary>Tracking-log lines shaped as tracking-logs.md describes them, and the two courses (one per key era) they belong to.</summary>
internal static class LogSamples
{
    public const string OldCourse = "BerkeleyX/Stat_2.1x/1T2014";
    public const string NewCourse = "course-v1:DelftX+FP101x+3T2015";
    public const string OldVideo = "i4x://BerkeleyX/Stat_2.1x/video/58424ad2f75048798b4480aa699cc215";
    public const string OldVideoHtmlId = "i4x-BerkeleyX-Stat_2_1x-video-58424ad2f75048798b4480aa699cc215";
    public const string OldVideoAlpha = "i4x://BerkeleyX/Stat_2.1x/videoalpha/413d6d3c3a7c4f5a9c1f1a3b6e2f4d10";
    public const string OldVideoAlphaHtmlId = "i4x-BerkeleyX-Stat_2_1x-videoalpha-413d6d3c3a7c4f5a9c1f1a3b6e2f4d10";
    public const string NewVideo = "block-v1:DelftX+FP101x+3T2015+type@video+block@addc2e897c5447f09d2d7f532970e285";
    public const string NewVideoNamed = "block-v1:DelftX+FP101x+3T2015+type@video+block@intro_video";

    /// <summary>A 2014 browser play_video of the i4x course: event as a JSON string (tracking-logs.md §3, §4).</summary>
    public const string BrowserPlay = """{"username": "learner7", "event_type": "play_video", "ip": "10.0.0.7", "agent": "Mozilla/5.0 (X11; Linux x86_64)", "host": "courses.edx.org", "referer": "https://courses.edx.org/courses/BerkeleyX/Stat_2.1x/1T2014/courseware/week1/lecture1/", "accept_language": "en-US,en;q=0.8", "event": "{\"id\":\"i4x-BerkeleyX-Stat_2_1x-video-58424ad2f75048798b4480aa699cc215\",\"currentTime\":308.506103515625,\"code\":\"html5\"}", "event_source": "browser", "context": {"course_user_tags": {}, "user_id": 7, "org_id": "BerkeleyX", "course_id": "BerkeleyX/Stat_2.1x/1T2014", "path": "/event"}, "time": "2014-05-15T19:03:19.487373+00:00", "page": "https://courses.edx.org/courses/BerkeleyX/Stat_2.1x/1T2014/courseware/week1/lecture1/"}""";

    /// <summary>A mobile pause of the block-v1 course: event as an object, the new name in <c>name</c>, page the component URL.</summary>
    public const string MobilePause = """{"username": "learner8", "event_type": "pause_video", "name": "edx.video.paused", "event_source": "mobile", "ip": "10.0.0.8", "agent": "edX/org.edx.mobile (2.3.1; OS Version 9)", "host": "courses.edx.org", "event": {"code": "mobile", "id": "addc2e897c5447f09d2d7f532970e285", "currentTime": 12.5}, "context": {"course_id": "course-v1:DelftX+FP101x+3T2015", "user_id": 8, "received_at": "2015-11-02T10:15:03.373000+00:00", "path": "/segmentio/event", "component": "videoplayer"}, "time": "2015-11-02T10:14:58+00:00", "page": "https://courses.edx.org/xblock/block-v1:DelftX+FP101x+3T2015+type@video+block@addc2e897c5447f09d2d7f532970e285"}""";

    /// <summary>A page view (not a video event), and a server event whose event_type is a URL of a video handler.</summary>
    public const string PageView = """{"username": "learner7", "event_type": "page_close", "ip": "10.0.0.7", "event": "", "event_source": "browser", "context": {"course_id": "BerkeleyX/Stat_2.1x/1T2014", "user_id": 7}, "time": "2014-05-15T19:05:00.000001+00:00", "page": "https://courses.edx.org/courses/BerkeleyX/Stat_2.1x/1T2014/courseware/"}""";

    public const string ServerVideoHandler = """{"username": "learner8", "event_type": "/courses/course-v1:DelftX+FP101x+3T2015/xblock/block-v1:DelftX+FP101x+3T2015+type@video+block@addc2e897c5447f09d2d7f532970e285/handler/xmodule_handler/save_user_state", "event": "{\"POST\": {\"saved_video_position\": [\"00:00:12\"]}, \"GET\": {}}", "event_source": "server", "context": {"course_id": "course-v1:DelftX+FP101x+3T2015", "user_id": 8}, "time": "2015-11-02T10:15:00.5+00:00", "page": null}""";

    public static ClickCourse Old { get; } = new(OldCourse, VideoKeyMap.Build([(OldVideo, "video"), (OldVideoAlpha, "videoalpha"), ("i4x://BerkeleyX/Stat_2.1x/problem/p1", "problem")]));

    public static ClickCourse New { get; } = new(NewCourse, VideoKeyMap.Build([(NewVideo, "video"), (NewVideoNamed, "video"), ("block-v1:DelftX+FP101x+3T2015+type@html+block@h1", "html")]));

    public static ClickCourseSet Both { get; } = new([Old, New]);

    public static byte[] Bytes(string line) => Encoding.UTF8.GetBytes(line);

    public static string Text(Modules.Values.FieldValue value) => value.ToStringOrNull() ?? "<NULL>";

    /// <summary>A parser of both courses.</summary>
    public static TrackingLogLineParser Parser(bool validateEveryLine = false, bool prefilter = true) =>
        new(Both, validateEveryLine) { UsePrefilter = prefilter };
}
