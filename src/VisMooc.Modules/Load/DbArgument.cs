using System.Globalization;
using System.Text;

namespace VisMooc.Modules.Load;

/// <summary>
/// The one way a <c>--db</c> value is quoted in a message: whatever its shape (a mistyped scheme, a
/// password where the port goes, a password holding <c>@</c> or <c>/</c>), nothing after a <c>:</c>
/// in its authority is shown.
/// </summary>
public static class DbArgument
{
    /// <summary>What masks a hidden part.</summary>
    public const string Mask = "***";

    private static readonly string[] s_schemes = ["sqlite", "duckdb", "mysql", "mariadb"];

    /// <summary>
    /// <paramref name="value"/> with every part of its authority after a <c>:</c> replaced by
    /// <see cref="Mask"/>, anything from a <c>?</c>, <c>#</c>, <c>;</c>, <c>&amp;</c> or <c>=</c> on
    /// (parameters, where other tools put a password) replaced too, and control characters escaped:
    /// safe to print in any message.
    /// </summary>
    /// <remarks>
    /// The authority is found generously, because a mistyped value is exactly the one that gets
    /// quoted: after the first <c>://</c> when only scheme names precede it (<c>jdbc:mysql://</c>
    /// too), else after a known scheme (any case) and any slashes (<c>mysql:/user:…</c>), else from
    /// the start (<c>user:secret@host</c>, <c>mysq:user:secret@host</c>). It runs to the first
    /// <c>/</c> after the last <c>@</c>, so a password holding <c>/</c> or <c>@</c> stays inside it.
    /// Its user part keeps what comes before its first <c>:</c> (or <c>%3A</c>), its host part
    /// likewise: a port is hidden too, as a password typed where the port goes must not come back as
    /// "not a port number".
    /// </remarks>
    public static string Redact(string value)
    {
        int cut = value.AsSpan().IndexOfAny("?#;&=");
        string shown = cut < 0 ? value : value[..cut];
        return Printable(RedactAuthority(shown) + (cut < 0 ? "" : Mask));
    }

    /// <summary>
    /// True when <paramref name="text"/>, given somewhere else (a folder, an unknown option), may be
    /// a database URL: it names a scheme this tool knows or holds an <c>@</c>. Quote such text only
    /// through <see cref="Redact"/>.
    /// </summary>
    public static bool LooksLikeOne(string text) =>
        text.Contains('@', StringComparison.Ordinal) || s_schemes.Any(s => text.Contains(s + ":", StringComparison.OrdinalIgnoreCase));

    private static string RedactAuthority(string value)
    {
        int start = AuthorityStart(value);
        int at = value.LastIndexOf('@');

        // A user part holding '/' means the last '@' is not the authority's (mysql://u@h/db@x, or a
        // password holding '/'): the authority then ends at the first '/', and the rest is masked.
        if (at > start && value.IndexOf('/', start, at - start) >= 0)
        {
            at = -1;
        }

        int end = value.IndexOf('/', Math.Max(start, at + 1));
        if (end < 0)
        {
            end = value.Length;
        }

        var text = new StringBuilder(value.Length);
        text.Append(value, 0, start);
        if (at >= start && at < end)
        {
            AppendUpToColon(text, value[start..at]);
            text.Append('@');
            AppendUpToColon(text, value[(at + 1)..end]);
        }
        else
        {
            AppendUpToColon(text, value[start..end]);
        }

        // The rest is the database part: a malformed value may hold a password there too (a
        // password holding '/' without an '@' after it, a database typed as db:secret), so only
        // whether it is there is shown. A sqlite:PATH keeps its path.
        if (end < value.Length && value[end] == '/' && end + 1 < value.Length && !IsSqlitePath(value))
        {
            text.Append('/').Append(Mask);
        }
        else
        {
            text.Append(value, end, value.Length - end);
        }

        return text.ToString();
    }

    private static bool IsSqlitePath(string value) =>
        value.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) && !value.AsSpan(7).StartsWith("//", StringComparison.Ordinal);

    /// <summary>
    /// A word of a command line shown in a usage message: a possible database URL through
    /// <see cref="Redact"/>, and a password typed by habit as the mysql client takes one
    /// (<c>-pSECRET</c>, <c>--password=SECRET</c>) without what follows <c>-p</c> or <c>=</c>;
    /// any other word as it is. Null when it is neither (shown as it is).
    /// </summary>
    public static string? RedactWord(string word)
    {
        if (word.Length > 2 && word[0] == '-' && word[1] == 'p')
        {
            return "-p" + Mask;
        }

        int equals = word.IndexOf('=', StringComparison.Ordinal);
        if (word.StartsWith("--", StringComparison.Ordinal) && equals > 0
            && (word.AsSpan(0, equals).Contains("pass", StringComparison.OrdinalIgnoreCase) || word.AsSpan(0, equals).Contains("pwd", StringComparison.OrdinalIgnoreCase)))
        {
            return word[..(equals + 1)] + Mask;
        }

        return LooksLikeOne(word) ? Redact(word) : null;
    }

    private static int AuthorityStart(string value)
    {
        int start;
        int slashes = value.IndexOf("://", StringComparison.Ordinal);
        int colon = value.IndexOf(':', StringComparison.Ordinal);
        string[] chain = slashes > 0 ? value[..slashes].Split(':') : [];
        if (chain.Length > 0 && chain.All(IsSchemeName) && (chain.Length == 1 || IsKnown(chain[^1])))
        {
            start = slashes + 1;
        }
        else if (colon > 0 && IsKnown(value[..colon]))
        {
            start = colon + 1;
        }
        else
        {
            return 0;
        }

        while (start < value.Length && value[start] == '/')
        {
            start++;
        }

        return start;
    }

    private static bool IsKnown(string scheme) => s_schemes.Any(s => s.Equals(scheme, StringComparison.OrdinalIgnoreCase));

    // RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ).
    private static bool IsSchemeName(string name)
    {
        if (name.Length == 0 || !char.IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    // A colon typed as %3A is a colon too: the loader decodes the user name, so a password can hide there.
    private static void AppendUpToColon(StringBuilder text, string part)
    {
        int colon = part.IndexOf(':', StringComparison.Ordinal);
        int encoded = part.IndexOf("%3a", StringComparison.OrdinalIgnoreCase);
        if (encoded >= 0 && (colon < 0 || encoded < colon))
        {
            text.Append(part, 0, encoded + 3).Append(Mask);
            return;
        }

        text.Append(colon < 0 ? part : part[..(colon + 1)] + Mask);
    }

    // One line, whatever was typed: a pasted value may hold a newline or a terminal escape.
    private static string Printable(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            if (char.IsControl(c))
            {
                escaped.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }
}
