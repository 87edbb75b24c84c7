using System.Buffers;
using System.Text.Json;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.Sources.TrackingLog;

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
    private readonly RawSlot[] _slots = new RawSlot[(int)Field.Other];
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
        int brace = line[first] == (byte)'{' ? first : line.IndexOf((byte)'{');
        if (brace < 0 || !Scan(line[brace..], Scope.Line))
        {
            if (candidate && ClickEventTypes.Mentions(line))
            {
                e.RejectReason = ClickRejectReason.NotJsonObject;
                return ClickLineOutcome.MalformedClick;
            }

            return ClickLineOutcome.Malformed;
        }

        var json = line[brace..];
        if (!candidate || Slot(Field.EventType).Token != JsonTokenType.String || !IsClickType(json, Slot(Field.EventType)))
        {
            return ClickLineOutcome.NotClickEvent;
        }

        e.EventTypeSlot = Store(e, json, Slot(Field.EventType), trim: false);
        e.PageSlot = Slot(Field.Page).Token == JsonTokenType.String ? Store(e, json, Slot(Field.Page), trim: false) : ValueSlot.Absent;
        if (Slot(Field.CourseId).Token == JsonTokenType.String)
        {
            e.FoundCourseIdSlot = Store(e, json, Slot(Field.CourseId), trim: true);
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
        if (Slot(Field.Username).Token == JsonTokenType.String)
        {
            e.UsernameSlot = Store(e, json, Slot(Field.Username), trim: true);
        }

        if (e.UsernameSlot.Length == 0)
        {
            return ClickLineOutcome.NoUsername;
        }

        if (Slot(Field.Time).Token == JsonTokenType.String)
        {
            e.TimeSlot = Store(e, json, Slot(Field.Time), trim: false);
        }

        ReadOnlySpan<byte> eventJson;
        if (Slot(Field.Event).Token == JsonTokenType.StartObject)
        {
            eventJson = json.Slice(Slot(Field.Event).Start, Slot(Field.Event).Length);
        }
        else if (Slot(Field.Event).Token == JsonTokenType.String)
        {
            // The browser logs event as JSON text inside a string: decode the string, then parse that.
            var raw = json.Slice(Slot(Field.Event).Start, Slot(Field.Event).Length);
            if (_eventText.Length < raw.Length)
            {
                _eventText = new byte[Math.Max(raw.Length, _eventText.Length * 2)];
            }

            int n = Slot(Field.Event).Escaped ? JsonStringDecoder.Decode(raw, _eventText) : Copy(raw, _eventText);
            eventJson = _eventText.AsSpan(0, n);
        }
        else
        {
            eventJson = default;
        }

        if (eventJson.IsEmpty || !Scan(eventJson, Scope.Event))
        {
            e.RejectReason = ClickRejectReason.EventUnreadable;
            return ClickLineOutcome.Rejected;
        }

        e.CodeSlot = StoreValue(e, eventJson, Slot(Field.Code));
        var current = Slot(Field.CurrentTime).Token is JsonTokenType.None or JsonTokenType.Null ? Slot(Field.CurrentTimeSnake) : Slot(Field.CurrentTime);
        e.CurrentTimeSlot = StoreValue(e, eventJson, current);
        e.NewTimeSlot = StoreValue(e, eventJson, Slot(Field.NewTime));
        e.OldTimeSlot = StoreValue(e, eventJson, Slot(Field.OldTime));
        e.NewSpeedSlot = StoreValue(e, eventJson, Slot(Field.NewSpeed));
        e.OldSpeedSlot = StoreValue(e, eventJson, Slot(Field.OldSpeed));
        if (Slot(Field.Id).Token == JsonTokenType.String)
        {
            e.EventIdSlot = Store(e, eventJson, Slot(Field.Id), trim: true);
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

    private RawSlot Slot(Field field) => _slots[(int)field];

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

    // Reads a whole JSON object (the line, or its event) and notes where the fields the table uses
    // lie; false when the text is not exactly one JSON object.
    private bool Scan(ReadOnlySpan<byte> json, Scope scope)
    {
        var (first, last) = scope == Scope.Line ? (Field.Username, Field.CourseId) : (Field.Id, Field.OldSpeed);
        _slots.AsSpan((int)first, last - first + 1).Clear();
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
                var field = FieldOf(ref r, scope);
                r.Read();
                if (field == Field.Context)
                {
                    _slots[(int)Field.CourseId] = default;
                    if (r.TokenType != JsonTokenType.StartObject)
                    {
                        r.Skip();
                        continue;
                    }

                    while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
                    {
                        bool isCourse = FieldOf(ref r, Scope.Context) == Field.CourseId;
                        r.Read();
                        if (isCourse)
                        {
                            _slots[(int)Field.CourseId] = Capture(ref r);
                        }
                        else
                        {
                            r.Skip();
                        }
                    }
                }
                else if (field == Field.Other)
                {
                    r.Skip();
                }
                else
                {
                    _slots[(int)field] = Capture(ref r);
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

    // Which field a property name is, in the object being read (names may be escaped like values).
    private static Field FieldOf(ref Utf8JsonReader r, Scope scope)
    {
        if (!r.ValueIsEscaped)
        {
            return FieldOf(r.ValueSpan, scope);
        }

        Span<byte> buffer = stackalloc byte[MaxEscapedName];
        return r.ValueSpan.Length <= MaxEscapedName ? FieldOf(buffer[..JsonStringDecoder.Decode(r.ValueSpan, buffer)], scope) : Field.Other;
    }

    private static Field FieldOf(ReadOnlySpan<byte> name, Scope scope) => scope switch
    {
        Scope.Line => name.Length switch
        {
            4 when name.SequenceEqual("time"u8) => Field.Time,
            4 when name.SequenceEqual("page"u8) => Field.Page,
            5 when name.SequenceEqual("event"u8) => Field.Event,
            7 when name.SequenceEqual("context"u8) => Field.Context,
            8 when name.SequenceEqual("username"u8) => Field.Username,
            10 when name.SequenceEqual("event_type"u8) => Field.EventType,
            _ => Field.Other,
        },
        Scope.Context => name.SequenceEqual("course_id"u8) ? Field.CourseId : Field.Other,
        _ => name.Length switch
        {
            2 when name.SequenceEqual("id"u8) => Field.Id,
            4 when name.SequenceEqual("code"u8) => Field.Code,
            8 when name.SequenceEqual("new_time"u8) => Field.NewTime,
            8 when name.SequenceEqual("old_time"u8) => Field.OldTime,
            9 when name.SequenceEqual("new_speed"u8) => Field.NewSpeed,
            9 when name.SequenceEqual("old_speed"u8) => Field.OldSpeed,
            11 when name.SequenceEqual("currentTime"u8) => Field.CurrentTime,
            12 when name.SequenceEqual("current_time"u8) => Field.CurrentTimeSnake,
            _ => Field.Other,
        },
    };

    private enum Scope
    {
        Line,
        Context,
        Event,
    }

    // The fields the table reads: the line's, then its event's (indexes into _slots).
    private enum Field
    {
        Username,
        EventType,
        Event,
        Time,
        Page,
        CourseId,
        Id,
        Code,
        CurrentTime,
        CurrentTimeSnake,
        NewTime,
        OldTime,
        NewSpeed,
        OldSpeed,
        Other,
        Context,
    }

    private readonly record struct RawSlot(int Start, int Length, JsonTokenType Token, bool Escaped);
}
