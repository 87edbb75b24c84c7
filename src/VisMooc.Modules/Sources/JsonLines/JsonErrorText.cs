using System.Text;
using System.Text.RegularExpressions;

namespace VisMooc.Modules.Sources.JsonLines;

/// <summary>
/// The first sentence of a System.Text.Json error, without the input it quotes. Its messages quote
/// the text they choke on (<c>'nada' is an invalid JSON literal</c>), as many bytes as happen to be
/// buffered: that can be a username, a raw line break, and it differs with the read size. Its
/// advice to programmers ("Change the reader options.") is dropped too: it does not help fix a file.
/// </summary>
public static class JsonErrorText
{
    private static readonly Regex s_quoted = new("'[^']*'", RegexOptions.CultureInvariant);

    private static readonly HashSet<string> s_kept = new(StringComparer.Ordinal) { "'true'", "'false'", "'null'" };

    /// <summary>The message up to System.Text.Json's position suffix and without its advice, with quoted input longer than one character replaced by <c>'…'</c>.</summary>
    public static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        string text = (cut > 0 ? message[..cut] : message).Trim();
        const string Advice = "Change the reader options.";
        if (text.EndsWith(Advice, StringComparison.Ordinal))
        {
            text = text[..^Advice.Length].TrimEnd();
        }

        if (text.StartsWith('\''))
        {
            // "'<input>' is …": the input may itself hold quotes, so the description starts at the last "' is ".
            int end = text.LastIndexOf("' is ", StringComparison.Ordinal);
            if (end > 2)
            {
                text = "'…" + text[end..];
            }
        }

        text = s_quoted.Replace(text, m => m.Length <= 3 || s_kept.Contains(m.Value) ? m.Value : "'…'");
        var clean = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c < ' ')
            {
                clean.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }
}
