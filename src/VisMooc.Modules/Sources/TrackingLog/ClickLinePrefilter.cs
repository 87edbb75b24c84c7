namespace VisMooc.Modules.Sources.TrackingLog;

/// <summary>
/// Decides from a line's raw bytes, before any JSON parsing, whether it can be a click event. Most
/// lines of a tracking log are not video events; this lets them pass at the speed of a vectorised
/// substring search. It never drops a click event: see <see cref="CanBeClickEvent"/>.
/// </summary>
public static class ClickLinePrefilter
{
    /// <summary>
    /// False only when the line cannot be a click event, nor a malformed line that mentions a click
    /// type (which is rejected, so it must reach the parser too).
    /// </summary>
    /// <remarks>
    /// Why this is exact: a JSON string whose decoded text is a click type name holds that name as
    /// plain bytes unless it uses an escape. Of JSON's escapes only <c>\uXXXX</c> can spell a character
    /// of a name (<c>a</c>–<c>z</c>, <c>_</c>, <c>.</c>, all ASCII), and an ASCII character is spelled
    /// <c>\u00</c> followed by <c>2</c>, <c>5</c>, <c>6</c> or <c>7</c> (upper- or lower-case hex digits
    /// after that). So: a name as plain bytes, or such an escape, or the line is no click event.
    /// Python's <c>ensure_ascii</c> output never escapes printable ASCII, so the escape test costs a
    /// parse only on deliberately escaped lines (or for non-ASCII text <c>\u00e9</c>, it does not).
    /// </remarks>
    public static bool CanBeClickEvent(ReadOnlySpan<byte> line) => ClickEventTypes.Mentions(line) || HasAsciiEscape(line);

    private static bool HasAsciiEscape(ReadOnlySpan<byte> line)
    {
        int from = 0;
        while (true)
        {
            int i = line[from..].IndexOf("\\u00"u8);
            if (i < 0)
            {
                return false;
            }

            int next = from + i + 4;
            if (next < line.Length && line[next] is (byte)'2' or (byte)'5' or (byte)'6' or (byte)'7')
            {
                return true;
            }

            from = from + i + 1;
        }
    }
}
