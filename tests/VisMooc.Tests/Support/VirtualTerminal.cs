using System.Text;

namespace VisMooc.Tests.Support;

/// <summary>
/// A screen that understands what the progress display writes: text, LF, CR, cursor up (ESC[nA),
/// erase to end of line (ESC[K) and to end of screen (ESC[J). Enough to show, deterministically,
/// what a terminal would show; any other escape sequence fails the test.
/// </summary>
public sealed class VirtualTerminal
{
    private readonly List<StringBuilder> _lines = [new()];
    private int _row;
    private int _column;

    /// <summary>Applies <paramref name="output"/> as a terminal would.</summary>
    public void Write(string output)
    {
        for (int i = 0; i < output.Length; i++)
        {
            char c = output[i];
            switch (c)
            {
                case '\n':
                    _row++;
                    _column = 0;
                    while (_lines.Count <= _row)
                    {
                        _lines.Add(new StringBuilder());
                    }

                    break;
                case '\r':
                    _column = 0;
                    break;
                case '\u001b':
                    i = Escape(output, i);
                    break;
                default:
                    var line = _lines[_row];
                    if (line.Length < _column)
                    {
                        line.Append(' ', _column - line.Length);
                    }

                    if (_column < line.Length)
                    {
                        line[_column] = c;
                    }
                    else
                    {
                        line.Append(c);
                    }

                    _column++;
                    break;
            }
        }
    }

    /// <summary>The screen: its lines without trailing blanks, and no empty lines at the end.</summary>
    public string Screen()
    {
        var lines = _lines.Select(l => l.ToString().TrimEnd()).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return string.Join('\n', lines);
    }

    // ESC [ digits letter; returns the index of the letter.
    private int Escape(string output, int start)
    {
        Assert.True(start + 1 < output.Length && output[start + 1] == '[', "only CSI sequences are expected");
        int i = start + 2;
        int n = 0;
        bool digits = false;
        while (char.IsAsciiDigit(output[i]))
        {
            n = (n * 10) + (output[i] - '0');
            digits = true;
            i++;
        }

        switch (output[i])
        {
            case 'A':
                _row = Math.Max(0, _row - (digits ? n : 1));
                break;
            case 'K':
                var line = _lines[_row];
                if (line.Length > _column)
                {
                    line.Length = _column;
                }

                break;
            case 'J':
                if (_lines[_row].Length > _column)
                {
                    _lines[_row].Length = _column;
                }

                _lines.RemoveRange(_row + 1, _lines.Count - _row - 1);
                break;
            default:
                Assert.Fail($"unexpected escape sequence ESC[{output[(start + 2)..(i + 1)]}");
                break;
        }

        return i;
    }
}
