using System.Text;
using VisMooc.Modules.Reporting;

namespace VisMooc.Tool.Progress;

/// <summary>
/// Draws the progress frame of one phase on a terminal, in place: each drawing moves the cursor
/// back to the frame's first line and overwrites it (ANSI cursor-up and erase sequences, which
/// every terminal emulator in use understands). Disposing erases the frame, so what is printed
/// next (the summary) starts where the frame was. Lines are cut to the terminal's width, since a
/// wrapped line would break the cursor arithmetic.
/// </summary>
internal sealed class TerminalFrame(TextWriter terminal, string phase, int width, bool unicode) : IDisposable
{
    private const string Escape = "\u001b[";

    private readonly TableRates _rates = new();
    private readonly Lock _lock = new();
    private IReadOnlyList<string> _drawn = [];
    private bool _closed;

    /// <summary>Draws the phase's name alone, until the first snapshot comes (a quarter of a second later).</summary>
    public void Begin()
    {
        lock (_lock)
        {
            Draw([ProgressText.Cut(phase, width)]);
        }
    }

    /// <summary>The progress callback: draws the frame for <paramref name="progress"/>.</summary>
    public void Show(ConvertProgress progress)
    {
        lock (_lock)
        {
            if (_closed)
            {
                return;
            }

            _rates.Observe(progress);
            Draw(ProgressText.Frame(phase, progress, _rates, width, unicode));
        }
    }

    private void Draw(IReadOnlyList<string> lines)
    {
        if (!lines.SequenceEqual(_drawn))
        {
            var text = new StringBuilder();
            BackToTop(text);
            foreach (string line in lines)
            {
                text.Append(line).Append(Escape).Append("K\n");
            }

            // A shorter frame than the last leaves lines below: erase them.
            text.Append(Escape).Append('J');
            terminal.Write(text.ToString());
            terminal.Flush();
            _drawn = lines;
        }
    }

    /// <summary>Erases the frame (whatever ended the phase: success, error or exception).</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            if (_drawn.Count > 0)
            {
                var text = new StringBuilder();
                BackToTop(text);
                text.Append(Escape).Append('J');
                terminal.Write(text.ToString());
                terminal.Flush();
            }
        }
    }

    private void BackToTop(StringBuilder text)
    {
        text.Append('\r');
        if (_drawn.Count > 0)
        {
            text.Append(Escape).Append(_drawn.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('A');
        }
    }
}
