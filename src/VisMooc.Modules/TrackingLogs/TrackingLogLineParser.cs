using System.Buffers;
using System.Text.Json;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.TrackingLogs;

/// <summary>
/// Reads one tracking-log line for <c>click_events</c>, exactly as the contract's "Which lines" says:
/// blank lines are skipped; a line the <see cref="ClickLinePrefilter"/> proves cannot be a click event
/// is not parsed at all; any other line is read with <see cref="Utf8JsonReader"/> over its bytes (again
/// from its first <c>{</c> when it is not JSON), keeping only the fields the table uses and decoding
/// them itself (no string is materialised; a lone surrogate never throws); then its click type, its
/// course (<c>context.course_id</c>, else from <c>page</c>), its username, its <c>event</c> (an object
/// or a string holding one), <c>event.id</c> and <c>time</c> decide the outcome. One parser per
/// thread: the fields of the last line live in <see cref="Event"/>.
/// </summary>
public sealed class TrackingLogLineParser
{
    private static readonly JsonReaderOptions s_options = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };
    private static readonly SearchValues<byte> s_jsonWhitespace = SearchValues.Create(" \t\r\n"u8);

    // Escaped names longer than this decode to more than 12 bytes (six bytes per escape at most): none of ours.
    private const int MaxEscapedName = 6 * 12;

    private readonly ClickCourseSet _courses;
    private byte[] _eventText = new byte[1024];

    /// <summary>A parser for the courses of a run.</summary>
    /// <param name="courses">The courses being converted.</param>
    /// <param name="validateEveryLine">
    /// Also parse the lines the prefilter excludes, so that each malformed line is counted as
    /// <see cref="ClickLineOutcome.Malformed"/> (without it they are <see cref="ClickLineOutcome.NotClickEvent"/>
    /// unread, which is what makes the reader fast; rejects and rows are the same either way).
    /// </param>
    public TrackingLogLineParser(ClickCourseSet courses, bool validateEveryLine = false)
    {
        _courses = courses;
        ValidateEveryLine = validateEveryLine;
    }

    /// <summary>Whether lines the prefilter excludes are parsed too (to count every malformed line).</summary>
    public bool ValidateEveryLine { get; }

    /// <summary>The fields of the last line parsed.</summary>
    public ParsedClickEvent Event { get; } = new();

    /// <summary>False parses every line in full, as if the prefilter let it through (tests and benchmarks compare the two).</summary>
    internal bool UsePrefilter { get; init; } = true;

    /// <summary>Reads one line.</summary>
    /// <param name="line">The line's bytes, without its LF.</param>
    /// <param name="endsWithLf">False for a file's last line when it had no LF (its final CR, if any, is then data for the id).</param>
    public ClickLineOutcome Parse(ReadOnlySpan<byte> line, bool endsWithLf = true)
    {
        var e = Event;
        e.Reset();
        int first = line.IndexOfAnyExcept(s_jsonWhitespace);
        if (first < 0)
        {
            return ClickLineOutcome.Blank;
        }

        bool candidate = !UsePrefilter || ClickLinePrefilter.CanBeClickEvent(line);
        if (!candidate && !ValidateEveryLine)
        {
            return ClickLineOutcome.NotClickEvent;
        }

        // A line that is not JSON is parsed again from its first '{' (some logs prefix a syslog
        // timestamp; edX's own pipeline does the same). A line that does not start with '{' is never
        // a JSON object, and a JSON value of another kind never ends where an object from its first
        // '{' would: so parsing once, from the first '{', decides both, without an exception for
        // every prefixed line.
        var top = default(TopFields);
        int brace = line[first] == (byte)'{' ? first : line.IndexOf((byte)'{');
        if (brace < 0 || !ScanTop(line[brace..], ref top))
        {
            if (candidate && ClickEventTypes.Mentions(line))
            {
                e.RejectReason = ClickRejectReason.NotJsonObject;
                return ClickLineOutcome.MalformedClick;
            }

            return ClickLineOutcome.Malformed;
        }

        var json = line[brace..];
        if (!candidate || top.EventType.Token != JsonTokenType.String || !IsClickType(json, top.EventType))
        {
            return ClickLineOutcome.NotClickEvent;
        }

        e.EventTypeSlot = Store(e, json, top.EventType, trim: false);
        e.PageSlot = top.Page.Token == JsonTokenType.String ? Store(e, json, top.Page, trim: false) : ValueSlot.Absent;
        if (top.CourseId.Token == JsonTokenType.String)
        {
            e.FoundCourseIdSlot = Store(e, json, top.CourseId, trim: true);
        }

        if (e.FoundCourseIdSlot.Length == 0)
        {
            var destination = e.Reserve(e.PageSlot.Length + PageCourseId.ExtraBytes);
            e.FoundCourseIdSlot = PageCourseId.TryGet(e.Page.Utf8, destination, out int n)
                ? e.Commit(0, n, FieldKind.String)
                : e.Commit(0, 0, FieldKind.String);
        }

        var course = _courses.Find(e.FoundCourseId.Utf8);
        if (course is null)
        {
            return ClickLineOutcome.OtherCourse;
        }

        e.Course = course;
        if (top.Username.Token == JsonTokenType.String)
        {
            e.UsernameSlot = Store(e, json, top.Username, trim: true);
        }

        if (e.UsernameSlot.Length == 0)
        {
            return ClickLineOutcome.NoUsername;
        }

        if (top.Time.Token == JsonTokenType.String)
        {
            e.TimeSlot = Store(e, json, top.Time, trim: false);
        }

        var body = default(EventFields);
        ReadOnlySpan<byte> eventJson;
        if (top.Event.Token == JsonTokenType.StartObject)
        {
            eventJson = json.Slice(top.Event.Start, top.Event.Length);
        }
        else if (top.Event.Token == JsonTokenType.String)
        {
            // The browser logs event as JSON text inside a string: decode the string, then parse that.
            var raw = json.Slice(top.Event.Start, top.Event.Length);
            if (_eventText.Length < raw.Length)
            {
                _eventText = new byte[Math.Max(raw.Length, _eventText.Length * 2)];
            }

            int n = top.Event.Escaped ? JsonStringDecoder.Decode(raw, _eventText) : Copy(raw, _eventText);
            eventJson = _eventText.AsSpan(0, n);
        }
        else
        {
            eventJson = default;
        }

        if (eventJson.IsEmpty || !ScanEvent(eventJson, ref body))
        {
            e.RejectReason = ClickRejectReason.EventUnreadable;
            return ClickLineOutcome.Rejected;
        }

        e.CodeSlot = StoreValue(e, eventJson, body.Code);
        var current = body.CurrentTime.Token is JsonTokenType.None or JsonTokenType.Null ? body.CurrentTimeSnake : body.CurrentTime;
        e.CurrentTimeSlot = StoreValue(e, eventJson, current);
        e.NewTimeSlot = StoreValue(e, eventJson, body.NewTime);
        e.OldTimeSlot = StoreValue(e, eventJson, body.OldTime);
        e.NewSpeedSlot = StoreValue(e, eventJson, body.NewSpeed);
        e.OldSpeedSlot = StoreValue(e, eventJson, body.OldSpeed);
        if (body.Id.Token == JsonTokenType.String)
        {
            e.EventIdSlot = Store(e, eventJson, body.Id, trim: true);
        }

        if (e.EventIdSlot.Length == 0)
        {
            e.RejectReason = ClickRejectReason.NoEventId;
            return ClickLineOutcome.Rejected;
        }

        if (!UtcDateTimeParser.TryParseTextMicroseconds(e.Time.Utf8, out var utc))
        {
            e.RejectReason = ClickRejectReason.NoTime;
            return ClickLineOutcome.Rejected;
        }

        e.TimeUtc = utc;
        var key = e.Reserve(e.EventIdSlot.Length + course.FallbackExtraBytes);
        int keyLength = course.WriteVideoKey(e.EventId.Utf8, key, out bool fallback);
        e.VideoKeySlot = e.Commit(0, keyLength, FieldKind.String);
        e.VideoNotInCourseStructure = fallback;
        StableEventId.Write(line, e.ObservedEventIdBuffer, endsWithLf);
        return ClickLineOutcome.Click;
    }

    private static int Copy(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        source.CopyTo(destination);
        return source.Length;
    }

    private static bool IsClickType(ReadOnlySpan<byte> json, RawSlot slot)
    {
        var raw = json.Slice(slot.Start, slot.Length);
        if (!slot.Escaped)
        {
            return ClickEventTypes.IsClickType(raw);
        }

        // Six bytes per escaped character at most: longer text cannot decode to a click type.
        if (raw.Length > 6 * ClickEventTypes.MaxLength)
        {
            return false;
        }

        Span<byte> decoded = stackalloc byte[6 * 32];
        return ClickEventTypes.IsClickType(decoded[..JsonStringDecoder.Decode(raw, decoded)]);
    }

    // A string value, decoded, optionally without surrounding whitespace.
    private static ValueSlot Store(ParsedClickEvent e, ReadOnlySpan<byte> json, RawSlot slot, bool trim)
    {
        var raw = json.Slice(slot.Start, slot.Length);
        var destination = e.Reserve(raw.Length);
        int n = slot.Escaped ? JsonStringDecoder.Decode(raw, destination) : Copy(raw, destination);
        if (!trim)
        {
            return e.Commit(0, n, FieldKind.String);
        }

        var (offset, length) = Utf8Whitespace.TrimRange(destination[..n]).GetOffsetAndLength(n);
        return e.Commit(offset, length, FieldKind.String);
    }

    // Any value: a string decoded, a number as written, null as absent, anything else as its JSON text.
    private static ValueSlot StoreValue(ParsedClickEvent e, ReadOnlySpan<byte> json, RawSlot slot) => slot.Token switch
    {
        JsonTokenType.None or JsonTokenType.Null => ValueSlot.Absent,
        JsonTokenType.String => Store(e, json, slot, trim: false),
        JsonTokenType.Number => e.Add(json.Slice(slot.Start, slot.Length), FieldKind.Number),
        _ => e.Add(json.Slice(slot.Start, slot.Length), FieldKind.Json),
    };

    private static bool ScanTop(ReadOnlySpan<byte> json, ref TopFields top)
    {
        top = default;
        var r = new Utf8JsonReader(json, isFinalBlock: true, new JsonReaderState(s_options));
        try
        {
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            // Python's json keeps the last of repeated members: so does every assignment below.
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                var key = TopKeyOf(ref r);
                r.Read();
                switch (key)
                {
                    case TopKey.Username:
                        top.Username = Capture(ref r);
                        break;
                    case TopKey.EventType:
                        top.EventType = Capture(ref r);
                        break;
                    case TopKey.Event:
                        top.Event = Capture(ref r);
                        break;
                    case TopKey.Time:
                        top.Time = Capture(ref r);
                        break;
                    case TopKey.Page:
                        top.Page = Capture(ref r);
                        break;
                    case TopKey.Context:
                        top.CourseId = default;
                        if (r.TokenType == JsonTokenType.StartObject)
                        {
                            ScanContext(ref r, ref top.CourseId);
                        }
                        else
                        {
                            r.Skip();
                        }

                        break;
                    default:
                        r.Skip();
                        break;
                }
            }

            // The object is complete; anything but whitespace after it throws here.
            return !r.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void ScanContext(ref Utf8JsonReader r, ref RawSlot courseId)
    {
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            bool isCourse = NameEquals(ref r, "course_id"u8);
            r.Read();
            if (isCourse)
            {
                courseId = Capture(ref r);
            }
            else
            {
                r.Skip();
            }
        }
    }

    private static bool ScanEvent(ReadOnlySpan<byte> json, ref EventFields body)
    {
        body = default;
        var r = new Utf8JsonReader(json, isFinalBlock: true, new JsonReaderState(s_options));
        try
        {
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                var key = EventKeyOf(ref r);
                r.Read();
                switch (key)
                {
                    case EventKey.Id:
                        body.Id = Capture(ref r);
                        break;
                    case EventKey.Code:
                        body.Code = Capture(ref r);
                        break;
                    case EventKey.CurrentTime:
                        body.CurrentTime = Capture(ref r);
                        break;
                    case EventKey.CurrentTimeSnake:
                        body.CurrentTimeSnake = Capture(ref r);
                        break;
                    case EventKey.NewTime:
                        body.NewTime = Capture(ref r);
                        break;
                    case EventKey.OldTime:
                        body.OldTime = Capture(ref r);
                        break;
                    case EventKey.NewSpeed:
                        body.NewSpeed = Capture(ref r);
                        break;
                    case EventKey.OldSpeed:
                        body.OldSpeed = Capture(ref r);
                        break;
                    default:
                        r.Skip();
                        break;
                }
            }

            return !r.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // Where the current value lies (a string without its quotes, still escaped); leaves the reader at its end.
    private static RawSlot Capture(ref Utf8JsonReader r)
    {
        int start = (int)r.TokenStartIndex;
        switch (r.TokenType)
        {
            case JsonTokenType.String:
                return new RawSlot(start + 1, r.ValueSpan.Length, JsonTokenType.String, r.ValueIsEscaped);
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                var token = r.TokenType;
                r.Skip();
                return new RawSlot(start, (int)r.BytesConsumed - start, token, false);
            default:
                return new RawSlot(start, r.ValueSpan.Length, r.TokenType, false);
        }
    }

    private static TopKey TopKeyOf(ref Utf8JsonReader r)
    {
        if (!r.ValueIsEscaped)
        {
            return TopKeyOf(r.ValueSpan);
        }

        Span<byte> buffer = stackalloc byte[MaxEscapedName];
        return r.ValueSpan.Length <= MaxEscapedName ? TopKeyOf(buffer[..JsonStringDecoder.Decode(r.ValueSpan, buffer)]) : TopKey.Other;
    }

    private static TopKey TopKeyOf(ReadOnlySpan<byte> name) => name.Length switch
    {
        4 when name.SequenceEqual("time"u8) => TopKey.Time,
        4 when name.SequenceEqual("page"u8) => TopKey.Page,
        5 when name.SequenceEqual("event"u8) => TopKey.Event,
        7 when name.SequenceEqual("context"u8) => TopKey.Context,
        8 when name.SequenceEqual("username"u8) => TopKey.Username,
        10 when name.SequenceEqual("event_type"u8) => TopKey.EventType,
        _ => TopKey.Other,
    };

    private static EventKey EventKeyOf(ref Utf8JsonReader r)
    {
        if (!r.ValueIsEscaped)
        {
            return EventKeyOf(r.ValueSpan);
        }

        Span<byte> buffer = stackalloc byte[MaxEscapedName];
        return r.ValueSpan.Length <= MaxEscapedName ? EventKeyOf(buffer[..JsonStringDecoder.Decode(r.ValueSpan, buffer)]) : EventKey.Other;
    }

    private static EventKey EventKeyOf(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 when name.SequenceEqual("id"u8) => EventKey.Id,
        4 when name.SequenceEqual("code"u8) => EventKey.Code,
        8 when name.SequenceEqual("new_time"u8) => EventKey.NewTime,
        8 when name.SequenceEqual("old_time"u8) => EventKey.OldTime,
        9 when name.SequenceEqual("new_speed"u8) => EventKey.NewSpeed,
        9 when name.SequenceEqual("old_speed"u8) => EventKey.OldSpeed,
        11 when name.SequenceEqual("currentTime"u8) => EventKey.CurrentTime,
        12 when name.SequenceEqual("current_time"u8) => EventKey.CurrentTimeSnake,
        _ => EventKey.Other,
    };

    private static bool NameEquals(ref Utf8JsonReader r, ReadOnlySpan<byte> expected)
    {
        if (!r.ValueIsEscaped)
        {
            return r.ValueSpan.SequenceEqual(expected);
        }

        Span<byte> buffer = stackalloc byte[MaxEscapedName];
        return r.ValueSpan.Length <= MaxEscapedName && buffer[..JsonStringDecoder.Decode(r.ValueSpan, buffer)].SequenceEqual(expected);
    }

    private enum TopKey
    {
        Other,
        Username,
        EventType,
        Event,
        Time,
        Page,
        Context,
    }

    private enum EventKey
    {
        Other,
        Id,
        Code,
        CurrentTime,
        CurrentTimeSnake,
        NewTime,
        OldTime,
        NewSpeed,
        OldSpeed,
    }

    private readonly record struct RawSlot(int Start, int Length, JsonTokenType Token, bool Escaped);

    private struct TopFields
    {
        public RawSlot Username;
        public RawSlot EventType;
        public RawSlot Event;
        public RawSlot Time;
        public RawSlot Page;
        public RawSlot CourseId;
    }

    private struct EventFields
    {
        public RawSlot Id;
        public RawSlot Code;
        public RawSlot CurrentTime;
        public RawSlot CurrentTimeSnake;
        public RawSlot NewTime;
        public RawSlot OldTime;
        public RawSlot NewSpeed;
        public RawSlot OldSpeed;
    }
}
