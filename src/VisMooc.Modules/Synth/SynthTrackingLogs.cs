using System.Globalization;

namespace VisMooc.Modules.Synth;

/// <summary>
/// The org's daily tracking logs over the course's 98 days, as edX delivered them: one
/// <c>{org}-edx-events-{date}.log.gz</c> per day under <c>{org}/edx/events/{year}/</c>, all of the
/// org's courses mixed. Learners come in sessions of page views, problem checks, server events (whose
/// <c>event_type</c> is a URL, some of a video handler) and video watching in realistic sequences
/// (load, play, pause, seek, speed change, transcript and caption toggles, stop or complete), in the
/// key era of <see cref="SynthOptions.Style"/>, from a browser (<c>event</c> a JSON string, later also
/// an object) or the mobile app (<c>event</c> an object, <c>name</c> <c>edx.video.*</c>). Traps, each
/// counted in <see cref="SynthEventCounts"/>: events of another course, logged-out events, staff not
/// in auth_user, usernames with a trailing newline, course ids only in <c>page</c>, mobile events
/// repeated in the next day's file, <c>"NaN"</c> speeds (old style), lines cut short.
/// </summary>
internal sealed class SynthTrackingLogs
{
    /// <summary>Lines per session on average (measured: see README "Synthetic packages").</summary>
    private const double LinesPerSession = 25;

    private static readonly string[] s_browserAgents =
    [
        "Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/37.0.2062.124 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_5) AppleWebKit/600.1.17 (KHTML, like Gecko) Version/7.1 Safari/537.85.10",
        "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:32.0) Gecko/20100101 Firefox/32.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/50.0.2661.102 Safari/537.36 Edge/14.14393",
        "Mozilla/5.0 (iPad; CPU OS 9_3_2 like Mac OS X) AppleWebKit/601.1.46 (KHTML, like Gecko) Version/9.0 Mobile/13F69 Safari/601.1",
    ];

    private static readonly string[] s_mobileAgents =
    [
        "edX/org.edx.mobile (2.3.1; OS Version 5.1.1 (Build LMY47V))",
        "edX/2.4.0 CFNetwork/758.4.3 Darwin/15.5.0",
    ];

    private static readonly string[] s_languages = ["en-US,en;q=0.8", "zh-CN,zh;q=0.8,en;q=0.6", "es-ES,es;q=0.9", "fr-FR,fr;q=0.8,en-US;q=0.6", "ar,en;q=0.7", ""];
    private static readonly string[] s_speeds = ["0.50", "0.75", "1.0", "1.25", "1.50", "2.0"];

    private readonly SynthOptions _options;
    private readonly SynthCourse _course;
    private readonly bool _old;
    private readonly List<string> _videos;
    private readonly List<string> _sequentials;
    private readonly List<string> _problems;
    private readonly string _otherCourse;
    private readonly double _sessionsPerDay;
    private readonly SynthLogLine _line = new();
    private readonly SynthLogLine _event = new();
    private readonly List<(byte[] Line, bool NewlineInUsername, bool Staff)> _repeatTomorrow = [];
    private SynthBinaryFile? _file;

    public SynthTrackingLogs(SynthOptions options, SynthCourse course, IReadOnlyDictionary<string, List<string>> keys)
    {
        _options = options;
        _course = course;
        _old = options.Style == SynthStyle.Old;
        _videos = keys["video"];
        _sequentials = keys["sequential"];
        _problems = keys["problem"];
        _otherCourse = _old ? $"{course.Org}/BIO105x/{course.Run}" : $"course-v1:{course.Org}+BIO105x+{course.Run}";
        _sessionsPerDay = options.EventsPerLearner / LinesPerSession / Days;
    }

    /// <summary>Days of logs: the course's 98 days.</summary>
    public int Days => (int)(_course.End - _course.Start).TotalDays;

    /// <summary>What was written.</summary>
    public SynthEventCounts Counts { get; } = new();

    /// <summary>The day file's path relative to the events folder.</summary>
    public string RelativePath(int day)
    {
        var date = _course.Start.Date.AddDays(day);
        string extension = _options.EventsCompressed ? ".log.gz" : ".log";
        return string.Create(CultureInfo.InvariantCulture, $"{_course.Org}/edx/events/{date:yyyy}/{_course.Org}-edx-events-{date:yyyy-MM-dd}{extension}");
    }

    /// <summary>Writes every day file into <paramref name="folder"/>; each gets its final name when complete.</summary>
    public List<SynthFile> Write(string folder, Action<SynthFile>? progress)
    {
        var files = new List<SynthFile>();
        for (int day = 0; day < Days; day++)
        {
            string relative = RelativePath(day);
            string path = Path.Combine(folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            long before = Counts.Lines;
            using (_file = new SynthBinaryFile(path, _options.EventsCompressed))
            {
                WriteDay(day);
                long size = _file.Commit();
                var file = new SynthFile(relative.Replace('\\', '/'), size, Counts.Lines - before);
                files.Add(file);
                progress?.Invoke(file);
            }

            _file = null;
        }

        return files;
    }

    private void WriteDay(int day)
    {
        // Mobile events the server received a day late sit in both files, byte for byte.
        foreach (var (repeated, newline, staff) in _repeatTomorrow)
        {
            Emit(repeated);
            Counts.VideoEvents++;
            Counts.RepeatedVideoEvents++;
            Counts.EventAsObject++;
            Counts.MobileVideoEvents++;
            Counts.UsernamesWithNewline += newline ? 1 : 0;
            Counts.UsersNotInAuthUser += staff ? 1 : 0;
        }

        _repeatTomorrow.Clear();
        var fileRandom = new SynthRandom(_options.Seed, SynthStream.EventFile, day);
        int whole = (int)_sessionsPerDay;
        double fraction = (_sessionsPerDay - whole) * 100;
        for (long learner = 0; learner < _options.Learners; learner++)
        {
            var activity = new SynthRandom(_options.Seed, SynthStream.EventDay, (learner * 1024) + day);
            int sessions = whole + (activity.Chance(fraction) ? 1 : 0);
            for (int s = 0; s < sessions; s++)
            {
                var r = new SynthRandom(_options.Seed ^ (ulong)s, SynthStream.EventSession, (learner * 1024) + day);
                Session(ref r, learner, day);
            }

            if (learner == _options.Learners / 2 && fileRandom.Chance(30))
            {
                TruncatedProblemCheck(ref fileRandom, day);
            }
        }

        if (day == Days - 1)
        {
            _repeatTomorrow.Clear(); // no tomorrow: nothing was repeated
        }
    }

    private void Session(ref SynthRandom r, long learnerIndex, int day)
    {
        var learner = SynthLearner.Of(_options.Seed, _course, learnerIndex);
        var s = new SessionState
        {
            Username = learner.Username,
            UserId = learner.UserId,
            Ip = string.Create(CultureInfo.InvariantCulture, $"10.{r.Below(256)}.{r.Below(256)}.{r.Below(254) + 1}"),
            Mobile = r.Chance(15),
            Language = r.Pick(s_languages),
            Other = r.Chance(8),
            Time = _course.Start.Date.AddDays(day).AddSeconds(r.Below(80_000)).AddTicks(r.Below(1_000_000) * 10),
        };
        s.Agent = s.Mobile ? r.Pick(s_mobileAgents) : r.Pick(s_browserAgents);
        s.CourseId = s.Other ? _otherCourse : _course.CourseId;
        int kind = r.Below(1000);
        if (kind < 30)
        {
            s.Username = ""; // logged out (a public course page)
            s.UserId = -1;
        }
        else if (kind < 35)
        {
            int staff = r.Between(1, 40);
            s.Username = "staff_" + staff.ToString(CultureInfo.InvariantCulture);
            s.UserId = staff;
            s.Staff = true;
        }

        int progress = (int)((long)day * _videos.Count / Days);
        if (!s.Mobile)
        {
            int views = r.Between(3, 6);
            for (int v = 0; v < views; v++)
            {
                PageView(ref r, s);
            }
        }

        int videos = r.Chance(70) ? 1 : 2;
        for (int v = 0; v < videos; v++)
        {
            int index = Math.Clamp(progress + r.Between(-3, 3), 0, _videos.Count - 1);
            var video = s.Other ? OtherVideo(ref r) : (Key: _videos[index], Index: index);
            if (s.Mobile)
            {
                MobileWatch(ref r, s, video.Key, video.Index);
            }
            else
            {
                BrowserWatch(ref r, s, video.Key, video.Index);
                if (r.Chance(60))
                {
                    PageView(ref r, s);
                }
            }
        }

        if (!s.Mobile)
        {
            int problems = r.Between(1, 4);
            for (int p = 0; p < problems; p++)
            {
                ProblemCheck(ref r, s);
            }

            if (r.Chance(30))
            {
                PageView(ref r, s, $"https://courses.edx.org/courses/{s.CourseId}/progress");
            }

            Browser(ref r, s, "page_close", "", eventAsObject: false);
            End(s, ref r, page: CoursewarePage(ref r, s));
            Emit(_line.Bytes);
        }
    }

    private (string Key, int Index) OtherVideo(ref SynthRandom r)
    {
        int index = r.Below(40);
        var video = new SynthRandom(_options.Seed, SynthStream.Course, 1_000_000 + index);
        string hex = SynthCourse.Hex32(ref video);
        return (_old ? $"i4x://{_course.Org}/BIO105x/video/{hex}" : $"block-v1:{_course.Org}+BIO105x+{_course.Run}+type@video+block@{hex}", index);
    }

    private void BrowserWatch(ref SynthRandom r, SessionState s, string videoKey, int videoIndex)
    {
        string id = EventId(videoKey);
        string code = videoIndex % 3 == 0 ? "html5" : YouTubeCode(videoIndex);
        double duration = 120 + (videoIndex * 37 % 900);
        double t = r.Chance(70) ? 0 : Seconds(ref r, duration / 2);
        // Later browser logs carry event as an object too.
        bool asObject = !_old && r.Chance(25);
        // On the newer course pages the context has no course id: the course is in the page URL.
        bool courseInPage = !_old && !s.Other && r.Chance(10);
        string page = courseInPage ? "https://courses.edx.org/xblock/" + videoKey : CoursewarePage(ref r, s);

        Video(ref r, s, "load_video", id, code, null, asObject, courseInPage, page);
        Video(ref r, s, "play_video", id, code, t, asObject, courseInPage, page);
        int actions = r.Between(1, 4);
        for (int a = 0; a < actions; a++)
        {
            s.Time = s.Time.AddSeconds(r.Between(5, 240)).AddTicks(r.Below(1_000_000) * 10);
            t = Math.Min(duration, t + r.Between(5, 240) + (r.Below(1000) / 1000.0));
            switch (r.Below(_old ? 6 : 9))
            {
                case 0 or 1:
                    Video(ref r, s, "pause_video", id, code, t, asObject, courseInPage, page);
                    SaveUserState(ref r, s, videoKey, t);
                    Video(ref r, s, "play_video", id, code, t, asObject, courseInPage, page);
                    break;
                case 2:
                    double to = Seconds(ref r, duration);
                    Seek(ref r, s, id, code, t, to, asObject, courseInPage, page);
                    SaveUserState(ref r, s, videoKey, to);
                    t = to;
                    break;
                case 3:
                    SpeedChange(ref r, s, id, code, t, asObject, courseInPage, page);
                    break;
                case 4:
                    Video(ref r, s, "show_transcript", id, code, t, asObject, courseInPage, page);
                    break;
                case 5:
                    Video(ref r, s, "hide_transcript", id, code, t, asObject, courseInPage, page);
                    break;
                case 6:
                    Video(ref r, s, "video_show_cc_menu", id, code, null, asObject, courseInPage, page);
                    Video(ref r, s, "video_hide_cc_menu", id, code, null, asObject, courseInPage, page);
                    break;
                case 7:
                    Video(ref r, s, "edx.video.closed_captions.shown", id, code, t, asObject, courseInPage, page);
                    break;
                default:
                    Video(ref r, s, "edx.video.closed_captions.hidden", id, code, t, asObject, courseInPage, page);
                    break;
            }
        }

        s.Time = s.Time.AddSeconds(r.Between(5, 120));
        Video(ref r, s, "pause_video", id, code, t, asObject, courseInPage, page);
        if (!_old && r.Chance(40))
        {
            Video(ref r, s, "complete_video", id, code, duration, asObject, courseInPage, page);
        }

        Video(ref r, s, "stop_video", id, code, duration, asObject, courseInPage, page);
    }

    private void MobileWatch(ref SynthRandom r, SessionState s, string videoKey, int videoIndex)
    {
        string id = EventId(videoKey);
        double duration = 120 + (videoIndex * 37 % 900);
        double t = 0;
        string page = _old ? $"https://courses.edx.org/courses/{s.CourseId}/jump_to/{videoKey}" : "https://courses.edx.org/xblock/" + videoKey;
        Mobile(ref r, s, "load_video", "edx.video.loaded", id, null, page);
        Mobile(ref r, s, "play_video", "edx.video.played", id, t, page);
        int actions = r.Between(1, 4);
        for (int a = 0; a < actions; a++)
        {
            s.Time = s.Time.AddSeconds(r.Between(5, 240));
            t = Math.Min(duration, t + r.Between(5, 240));
            switch (r.Below(4))
            {
                case 0:
                    Mobile(ref r, s, "pause_video", "edx.video.paused", id, t, page);
                    Mobile(ref r, s, "play_video", "edx.video.played", id, t, page);
                    break;
                case 1:
                    Mobile(ref r, s, "seek_video", "edx.video.position.changed", id, t, page);
                    break;
                case 2:
                    Mobile(ref r, s, "show_transcript", "edx.video.transcript.shown", id, t, page);
                    break;
                default:
                    Mobile(ref r, s, "hide_transcript", "edx.video.transcript.hidden", id, t, page);
                    break;
            }
        }

        Mobile(ref r, s, "stop_video", "edx.video.stopped", id, duration, page);
    }

    private void Video(ref SynthRandom r, SessionState s, string type, string id, string code, double? currentTime, bool asObject, bool courseInPage, string page)
    {
        _event.Clear();
        _event.Raw(asObject ? "{\"id\": " : "{\"id\":");
        _event.String(id);
        if (currentTime is double ct)
        {
            // Speed changes (since 2014), transcripts and captions of the modern player say current_time.
            bool snake = !_old && (type.Contains("transcript", StringComparison.Ordinal) || type.Contains("captions", StringComparison.Ordinal));
            Member(snake ? "current_time" : "currentTime", asObject);
            _event.Number(ct);
        }

        Member("code", asObject);
        _event.String(code);
        _event.Raw('}');
        Browser(ref r, s, type, null, asObject);
        End(s, ref r, page, courseInPage);
        EmitVideo(ref r, s, asObject, courseInPage, mobile: false);
    }

    private void Seek(ref SynthRandom r, SessionState s, string id, string code, double from, double to, bool asObject, bool courseInPage, string page)
    {
        _event.Clear();
        _event.Raw(asObject ? "{\"id\": " : "{\"id\":");
        _event.String(id);
        Member("old_time", asObject);
        _event.Number(from);
        Member("new_time", asObject);
        _event.Number(to);
        Member("type", asObject);
        _event.String(_old ? "slide_seek" : r.Chance(80) ? "onSlideSeek" : "onSkipSeek");
        Member("code", asObject);
        _event.String(code);
        _event.Raw('}');
        Browser(ref r, s, "seek_video", null, asObject);
        End(s, ref r, page, courseInPage);
        EmitVideo(ref r, s, asObject, courseInPage, mobile: false);
    }

    private void SpeedChange(ref SynthRandom r, SessionState s, string id, string code, double t, bool asObject, bool courseInPage, string page)
    {
        string from = r.Pick(s_speeds);
        string to = r.Pick(s_speeds);
        bool nan = _old && r.Chance(3); // a 2013-style "NaN" speed
        _event.Clear();
        _event.Raw(asObject ? "{\"id\": " : "{\"id\":");
        _event.String(id);
        Member(_old ? "currentTime" : "current_time", asObject);
        _event.Number(t);
        Member("old_speed", asObject);
        _event.String(nan ? "NaN" : from);
        Member("new_speed", asObject);
        _event.String(to);
        Member("code", asObject);
        _event.String(code);
        _event.Raw('}');
        Browser(ref r, s, "speed_change_video", null, asObject);
        End(s, ref r, page, courseInPage);
        s.NotANumberSpeed = nan;
        EmitVideo(ref r, s, asObject, courseInPage, mobile: false);
        s.NotANumberSpeed = false;
    }

    private void Mobile(ref SynthRandom r, SessionState s, string type, string name, string id, double? currentTime, string page)
    {
        s.Time = s.Time.AddTicks(r.Below(20_000_000));
        _event.Clear();
        _event.Raw("{\"code\": \"mobile\", \"id\": ");
        _event.String(id);
        if (currentTime is double ct)
        {
            _event.Raw(", \"currentTime\": ");
            _event.Number(ct);
        }

        _event.Raw('}');
        _line.Clear();
        _line.Raw("{\"username\": ");
        Username(ref r, s);
        _line.Raw(", \"event_type\": ");
        _line.String(type);
        _line.Raw(", \"name\": ");
        _line.String(name);
        _line.Raw(", \"ip\": ");
        _line.String(s.Ip);
        _line.Raw(", \"agent\": ");
        _line.String(s.Agent);
        _line.Raw(", \"host\": \"courses.edx.org\", \"referer\": \"\", \"accept_language\": ");
        _line.String(s.Language);
        _line.Raw(", \"event\": ");
        _line.Raw(_event.Bytes);
        _line.Raw(", \"event_source\": \"mobile\", \"context\": {\"course_id\": ");
        _line.String(s.CourseId);
        _line.Raw(", \"org_id\": ");
        _line.String(_course.Org);
        UserIdMember(s);
        _line.Raw(", \"received_at\": ");
        _line.Time(s.Time.AddSeconds(r.Between(1, 30)), offset: true);
        _line.Raw(", \"path\": \"/segmentio/event\", \"component\": \"videoplayer\", \"application\": {\"name\": \"edx.mobileapp.android\", \"version\": \"2.3.1\"}}, \"time\": ");
        _line.Time(s.Time, offset: true);
        _line.Raw(", \"page\": ");
        _line.String(page);
        _line.Raw(", \"session\": \"\"}");
        EmitVideo(ref r, s, asObject: true, courseInPage: false, mobile: true);
    }

    private void Member(string name, bool spaced)
    {
        _event.Raw(spaced ? ", \"" : ",\"");
        _event.Raw(name);
        _event.Raw(spaced ? "\": " : "\":");
    }

    // The line's head, up to and including the event (a text, or the event built in _event as an object or as a string).
    private void Browser(ref SynthRandom r, SessionState s, string type, string? eventText, bool eventAsObject)
    {
        s.Time = s.Time.AddTicks(r.Below(30_000_000));
        _line.Clear();
        _line.Raw("{\"username\": ");
        Username(ref r, s);
        _line.Raw(", \"event_type\": ");
        _line.String(type);
        _line.Raw(", \"ip\": ");
        _line.String(s.Ip);
        _line.Raw(", \"agent\": ");
        _line.String(s.Agent);
        _line.Raw(", \"host\": \"courses.edx.org\", \"referer\": ");
        _line.String($"https://courses.edx.org/courses/{s.CourseId}/courseware/");
        _line.Raw(", \"accept_language\": ");
        _line.String(s.Language);
        _line.Raw(", \"event\": ");
        if (eventText is not null)
        {
            _line.String(eventText);
        }
        else if (eventAsObject)
        {
            _line.Raw(_event.Bytes);
        }
        else
        {
            _line.StringOf(_event.Bytes);
        }
    }

    // The line's tail after the event.
    private void End(SessionState s, ref SynthRandom r, string? page, bool courseInPage = false, string source = "browser", string? path = null)
    {
        _line.Raw(", \"event_source\": ");
        _line.String(source);
        _line.Raw(", \"context\": {\"course_user_tags\": {}");
        UserIdMember(s);
        _line.Raw(", \"org_id\": ");
        _line.String(_course.Org);
        _line.Raw(", \"course_id\": ");
        _line.String(courseInPage ? "" : s.CourseId);
        _line.Raw(", \"path\": ");
        _line.String(path ?? "/event");
        _line.Raw("}, \"time\": ");
        _line.Time(s.Time, offset: !_old || r.Chance(97));
        _line.Raw(", \"page\": ");
        if (page is null)
        {
            _line.Raw("null");
        }
        else
        {
            _line.String(page);
        }

        _line.Raw('}');
    }

    private void UserIdMember(SessionState s)
    {
        _line.Raw(", \"user_id\": ");
        if (s.UserId < 0)
        {
            _line.Raw("null");
        }
        else
        {
            _line.Int(s.UserId);
        }
    }

    private void Username(ref SynthRandom r, SessionState s)
    {
        // Some lines carry the username with a trailing newline (tracking-logs.md §3).
        s.NewlineInUsername = s.Username.Length > 0 && r.Chance(1);
        _line.String(s.NewlineInUsername ? s.Username + "\n" : s.Username);
    }

    private void EmitVideo(ref SynthRandom r, SessionState s, bool asObject, bool courseInPage, bool mobile)
    {
        if (s.Other)
        {
            Counts.OtherCourseVideoEvents++;
            Emit(_line.Bytes);
            return;
        }

        if (s.Username.Length == 0)
        {
            Counts.LoggedOutVideoEvents++;
            Emit(_line.Bytes);
            return;
        }

        if (!mobile && r.Chance(0.1))
        {
            // A line cut short (a writer killed mid-line): not JSON, and it names a video event type.
            _line.Cut(_line.Length / 2);
            Counts.TruncatedVideoEvents++;
            Emit(_line.Bytes);
            return;
        }

        Counts.VideoEvents++;
        Counts.EventAsObject += asObject ? 1 : 0;
        Counts.MobileVideoEvents += mobile ? 1 : 0;
        Counts.CourseFromPage += courseInPage ? 1 : 0;
        Counts.UsernamesWithNewline += s.NewlineInUsername ? 1 : 0;
        Counts.UsersNotInAuthUser += s.Staff ? 1 : 0;
        Counts.NotANumberSpeeds += s.NotANumberSpeed ? 1 : 0;
        Emit(_line.Bytes);
        if (mobile && r.Chance(5))
        {
            _repeatTomorrow.Add((_line.Bytes.ToArray(), s.NewlineInUsername, s.Staff));
        }
    }

    private void PageView(ref SynthRandom r, SessionState s, string? url = null)
    {
        string page = url ?? CoursewarePage(ref r, s);
        string path = page["https://courses.edx.org".Length..];
        s.Time = s.Time.AddSeconds(r.Between(1, 30));
        Browser(ref r, s, path, "{\"POST\": {}, \"GET\": {}}", eventAsObject: false);
        End(s, ref r, page: null, source: "server", path: path);
        Emit(_line.Bytes);
        if (r.Chance(50))
        {
            _event.Clear();
            _event.Raw("{\"old\":1,\"new\":");
            _event.Int(r.Between(2, 6));
            _event.Raw(",\"id\":");
            _event.String(_sequentials[r.Below(_sequentials.Count)]);
            _event.Raw('}');
            Browser(ref r, s, "seq_goto", null, eventAsObject: false);
            End(s, ref r, page);
            Emit(_line.Bytes);
        }
    }

    private void SaveUserState(ref SynthRandom r, SessionState s, string videoKey, double position)
    {
        // The player saves its position through the video handler: a server event whose event_type is a URL naming the video.
        string handler = _old
            ? $"/courses/{s.CourseId}/xblock/{videoKey.Replace("/", ";_", StringComparison.Ordinal)}/handler/xmodule_handler/save_user_state"
            : $"/courses/{s.CourseId}/xblock/{videoKey}/handler/xmodule_handler/save_user_state";
        var at = TimeSpan.FromSeconds((int)position);
        Browser(ref r, s, handler, string.Create(CultureInfo.InvariantCulture, $"{{\"POST\": {{\"saved_video_position\": [\"{at:hh\\:mm\\:ss}\"]}}, \"GET\": {{}}}}"), eventAsObject: false);
        End(s, ref r, page: null, source: "server", path: handler);
        Counts.VideoHandlerServerEvents++;
        Emit(_line.Bytes);
    }

    private void ProblemCheck(ref SynthRandom r, SessionState s)
    {
        string problem = _problems[r.Below(_problems.Count)];
        string htmlId = _old ? Html(problem) : problem[(problem.LastIndexOf('@') + 1)..];
        string answer = "choice_" + r.Below(4).ToString(CultureInfo.InvariantCulture);
        string page = CoursewarePage(ref r, s);
        Browser(ref r, s, "problem_check", $"input_{htmlId}_2_1={answer}", eventAsObject: false);
        End(s, ref r, page);
        Emit(_line.Bytes);
        ServerProblemCheck(ref r, s, problem, answer, "");
        Emit(_line.Bytes);
        _event.Clear();
        _event.Raw("{\"problem_id\":");
        _event.String(problem);
        _event.Raw(",\"answers\":");
        _event.String("choice_0");
        _event.Raw('}');
        Browser(ref r, s, r.Chance(70) ? "problem_graded" : "problem_show", null, eventAsObject: false);
        End(s, ref r, page);
        Emit(_line.Bytes);
    }

    private void ServerProblemCheck(ref SynthRandom r, SessionState s, string problem, string answer, string padding)
    {
        bool correct = r.Chance(60);
        _event.Clear();
        _event.Raw("{\"submission\": {\"");
        _event.Raw(problem.Replace("/", "_", StringComparison.Ordinal));
        _event.Raw("_2_1\": {\"input_type\": \"choicegroup\", \"question\": \"What is the mean?\", \"response_type\": \"multiplechoiceresponse\", \"answer\": ");
        _event.String(answer + padding);
        _event.Raw(", \"variant\": \"\", \"correct\": ");
        _event.Raw(correct ? "true" : "false");
        _event.Raw("}}, \"success\": ");
        _event.String(correct ? "correct" : "incorrect");
        _event.Raw(", \"grade\": ");
        _event.Int(correct ? 1 : 0);
        _event.Raw(", \"max_grade\": 1, \"attempts\": ");
        _event.Int(r.Between(1, 2));
        _event.Raw(", \"state\": {\"student_answers\": {}, \"seed\": 1, \"done\": null, \"correct_map\": {}, \"input_state\": {\"");
        _event.Raw(problem.Replace("/", "_", StringComparison.Ordinal));
        _event.Raw("_2_1\": {}}}, \"problem_id\": ");
        _event.String(problem);
        _event.Raw('}');
        Browser(ref r, s, "problem_check", null, eventAsObject: true);
        End(s, ref r, page: null, source: "server", path: $"/courses/{s.CourseId}/xblock/{problem}/handler/xmodule_handler/problem_check");
    }

    private void TruncatedProblemCheck(ref SynthRandom r, int day)
    {
        // The legacy logger cut lines at 10,000 characters: a long free-text answer, cut mid-line.
        var learner = SynthLearner.Of(_options.Seed, _course, r.BelowLong(_options.Learners));
        var s = new SessionState
        {
            Username = learner.Username,
            UserId = learner.UserId,
            Ip = "10.0.0.1",
            Agent = s_browserAgents[0],
            Language = "",
            CourseId = _course.CourseId,
            Time = _course.Start.Date.AddDays(day).AddSeconds(r.Below(80_000)),
        };
        ServerProblemCheck(ref r, s, _problems[r.Below(_problems.Count)], "essay", new string('x', 12_000));
        _line.Cut(10_000);
        Counts.TruncatedOtherLines++;
        Emit(_line.Bytes);
    }

    private string CoursewarePage(ref SynthRandom r, SessionState s)
    {
        string sequential = _sequentials[r.Below(_sequentials.Count)];
        string name = sequential[(Math.Max(sequential.LastIndexOf('/'), sequential.LastIndexOf('@')) + 1)..];
        return $"https://courses.edx.org/courses/{s.CourseId}/courseware/{name[..8]}/{name}/";
    }

    private string EventId(string videoKey) => _old ? Html(videoKey) : videoKey[(videoKey.LastIndexOf('@') + 1)..];

    // The html id of an i4x key of this course (org, number and hex block ids need no cleaning).
    private static string Html(string i4xKey) => "i4x-" + i4xKey["i4x://".Length..].Replace('/', '-');

    private static string YouTubeCode(int videoIndex)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var r = new SynthRandom(0, SynthStream.Course, 2_000_000 + videoIndex);
        Span<char> id = stackalloc char[11];
        for (int i = 0; i < id.Length; i++)
        {
            id[i] = Alphabet[r.Below(Alphabet.Length)];
        }

        return new string(id);
    }

    // A video position: half of the players report binary fractions (308.506103515625), half milliseconds.
    private static double Seconds(ref SynthRandom r, double max) =>
        r.Chance(50) ? r.Below(Math.Max(1, (int)(max * 4096))) / 4096.0 : r.Below(Math.Max(1, (int)(max * 1000))) / 1000.0;

    private void Emit(ReadOnlySpan<byte> line)
    {
        _file!.Write(line);
        _file.Write("\n"u8);
        Counts.Lines++;
    }

    private sealed class SessionState
    {
        public string Username { get; set; } = "";

        public long UserId { get; set; }

        public string Ip { get; set; } = "";

        public string Agent { get; set; } = "";

        public string Language { get; set; } = "";

        public string CourseId { get; set; } = "";

        public bool Mobile { get; set; }

        public bool Other { get; set; }

        public bool Staff { get; set; }

        public bool NewlineInUsername { get; set; }

        public bool NotANumberSpeed { get; set; }

        public DateTime Time { get; set; }
    }
}
