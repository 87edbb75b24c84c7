using VisMooc.Modules.Values;

namespace VisMooc.Modules.Sources.TrackingLog;

/// <summary>
/// The fields of the last line a <see cref="TrackingLogLineParser"/> parsed, decoded (JSON escapes
/// resolved, lone surrogates as U+FFFD) into one reused buffer: valid until the next line. After
/// <see cref="ClickLineOutcome.Click"/> every field is set; after other outcomes, those read so far.
/// </summary>
public sealed class ParsedClickEvent
{
    private byte[] _data = new byte[2048];
    private int _used;
    private readonly byte[] _observedId = new byte[StableEventId.Length];

    internal ValueSlot EventTypeSlot { get; set; }
    internal ValueSlot FoundCourseIdSlot { get; set; }
    internal ValueSlot UsernameSlot { get; set; }
    internal ValueSlot PageSlot { get; set; }
    internal ValueSlot TimeSlot { get; set; }
    internal ValueSlot EventIdSlot { get; set; }
    internal ValueSlot CodeSlot { get; set; }
    internal ValueSlot CurrentTimeSlot { get; set; }
    internal ValueSlot NewTimeSlot { get; set; }
    internal ValueSlot OldTimeSlot { get; set; }
    internal ValueSlot NewSpeedSlot { get; set; }
    internal ValueSlot OldSpeedSlot { get; set; }
    internal ValueSlot VideoKeySlot { get; set; }

    /// <summary><c>event_type</c>.</summary>
    public FieldValue EventType => Get(EventTypeSlot);

    /// <summary>The course id the event names (<c>context.course_id</c> stripped, else from <c>page</c>); empty when none.</summary>
    public FieldValue FoundCourseId => Get(FoundCourseIdSlot);

    /// <summary>The converted course the event belongs to (set from <see cref="ClickLineOutcome.NoUsername"/> on).</summary>
    public ClickCourse? Course { get; internal set; }

    /// <summary><c>username</c> without surrounding whitespace.</summary>
    public FieldValue Username => Get(UsernameSlot);

    /// <summary><c>page</c> (NULL when absent, null or not a string).</summary>
    public FieldValue Page => Get(PageSlot);

    /// <summary><c>time</c> as logged.</summary>
    public FieldValue Time => Get(TimeSlot);

    /// <summary><c>time</c> in UTC, to the microsecond.</summary>
    public DateTime TimeUtc { get; internal set; }

    /// <summary><c>event.id</c> without surrounding whitespace.</summary>
    public FieldValue EventId => Get(EventIdSlot);

    /// <summary><c>event.code</c> (a non-string value as its JSON text; NULL when absent or null).</summary>
    public FieldValue Code => Get(CodeSlot);

    /// <summary><c>event.currentTime</c>, or <c>event.current_time</c> when that is absent or null.</summary>
    public FieldValue CurrentTime => Get(CurrentTimeSlot);

    /// <summary><c>event.new_time</c>.</summary>
    public FieldValue NewTime => Get(NewTimeSlot);

    /// <summary><c>event.old_time</c>.</summary>
    public FieldValue OldTime => Get(OldTimeSlot);

    /// <summary><c>event.new_speed</c>.</summary>
    public FieldValue NewSpeed => Get(NewSpeedSlot);

    /// <summary><c>event.old_speed</c>.</summary>
    public FieldValue OldSpeed => Get(OldSpeedSlot);

    /// <summary>The course-structure key of the video (or the contract's fallback key).</summary>
    public FieldValue VideoKey => Get(VideoKeySlot);

    /// <summary>True when <see cref="VideoKey"/> is the fallback: the course structure has no such video.</summary>
    public bool VideoNotInCourseStructure { get; internal set; }

    /// <summary><c>observed_event_id</c>: 32 lowercase hex digits.</summary>
    public ReadOnlySpan<byte> ObservedEventId => _observedId;

    internal Span<byte> ObservedEventIdBuffer => _observedId;

    /// <summary>Why the line is rejected (<see cref="ClickLineOutcome.Rejected"/>, <see cref="ClickLineOutcome.MalformedClick"/>).</summary>
    public ClickRejectReason RejectReason { get; internal set; }

    internal void Reset()
    {
        _used = 0;
        EventTypeSlot = FoundCourseIdSlot = UsernameSlot = PageSlot = TimeSlot = EventIdSlot = CodeSlot = default;
        CurrentTimeSlot = NewTimeSlot = OldTimeSlot = NewSpeedSlot = OldSpeedSlot = VideoKeySlot = default;
        Course = null;
        TimeUtc = default;
        VideoNotInCourseStructure = false;
        RejectReason = ClickRejectReason.None;
    }

    /// <summary>Room for <paramref name="count"/> more bytes; write them, then <see cref="Commit"/> what was used.</summary>
    internal Span<byte> Reserve(int count)
    {
        if (_data.Length - _used < count)
        {
            Array.Resize(ref _data, Math.Max(_data.Length * 2, _used + count));
        }

        return _data.AsSpan(_used, count);
    }

    /// <summary>Keeps <paramref name="length"/> bytes written into the last <see cref="Reserve"/> from <paramref name="offset"/> on.</summary>
    internal ValueSlot Commit(int offset, int length, FieldKind kind)
    {
        var slot = new ValueSlot(_used + offset, length, kind);
        _used += offset + length;
        return slot;
    }

    /// <summary>Copies bytes in.</summary>
    internal ValueSlot Add(ReadOnlySpan<byte> bytes, FieldKind kind)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        return Commit(0, bytes.Length, kind);
    }

    internal FieldValue Get(ValueSlot slot) => new(_data.AsSpan(slot.Start, slot.Length), slot.Kind);
}
