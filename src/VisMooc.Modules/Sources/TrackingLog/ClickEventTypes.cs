namespace VisMooc.Modules.Sources.TrackingLog;

/// <summary>
/// The <c>event_type</c>s that make a tracking-log line a <c>click_events</c> row: MLC's ten legacy
/// video types and the three newer ones (caption toggles, <c>complete_video</c>).
/// </summary>
public static class ClickEventTypes
{
    // An array, not the interface: a foreach over IReadOnlyList would allocate an enumerator per line.
    private static readonly byte[][] s_names =
    [
        "load_video"u8.ToArray(),
        "play_video"u8.ToArray(),
        "pause_video"u8.ToArray(),
        "stop_video"u8.ToArray(),
        "seek_video"u8.ToArray(),
        "speed_change_video"u8.ToArray(),
        "show_transcript"u8.ToArray(),
        "hide_transcript"u8.ToArray(),
        "video_show_cc_menu"u8.ToArray(),
        "video_hide_cc_menu"u8.ToArray(),
        "edx.video.closed_captions.shown"u8.ToArray(),
        "edx.video.closed_captions.hidden"u8.ToArray(),
        "complete_video"u8.ToArray(),
    ];

    /// <summary>The names, as logged (UTF-8).</summary>
    public static IReadOnlyList<byte[]> Names => s_names;

    /// <summary>The longest name, in bytes.</summary>
    public static readonly int MaxLength = s_names.Max(n => n.Length);

    // Each name with the offset of its anchor ("video" or "transcript"; every name holds one of them once).
    private static readonly (byte[] Name, int Offset)[] s_byVideo = [.. s_names.Where(n => n.AsSpan().IndexOf("video"u8) >= 0).Select(n => (n, n.AsSpan().IndexOf("video"u8)))];
    private static readonly (byte[] Name, int Offset)[] s_byTranscript = [.. s_names.Where(n => n.AsSpan().IndexOf("video"u8) < 0).Select(n => (n, n.AsSpan().IndexOf("transcript"u8)))];

    /// <summary>Whether <paramref name="value"/> (a decoded <c>event_type</c>) is one of the click types.</summary>
    public static bool IsClickType(ReadOnlySpan<byte> value)
    {
        if (value.Length < 10 || value.Length > MaxLength)
        {
            return false;
        }

        foreach (byte[] name in s_names)
        {
            if (value.SequenceEqual(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the bytes contain one of the click type names as they are (a malformed line "mentions" a click type).</summary>
    public static bool Mentions(ReadOnlySpan<byte> bytes) =>
        ContainsAnchored(bytes, "video"u8, s_byVideo) || ContainsAnchored(bytes, "transcript"u8, s_byTranscript);

    // Finds each occurrence of the anchor (a vectorised search) and checks the names around it.
    private static bool ContainsAnchored(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> anchor, (byte[] Name, int Offset)[] names)
    {
        int from = 0;
        while (true)
        {
            int i = bytes[from..].IndexOf(anchor);
            if (i < 0)
            {
                return false;
            }

            int at = from + i;
            foreach (var (name, offset) in names)
            {
                int start = at - offset;
                if (start >= 0 && start + name.Length <= bytes.Length && bytes.Slice(start, name.Length).SequenceEqual(name))
                {
                    return true;
                }
            }

            from = at + 1;
        }
    }
}
