using System.Text.RegularExpressions;

namespace VisMooc.Tool.Cli;

/// <summary>Command lines to print for a user to copy: each word quoted for a POSIX shell when it needs it.</summary>
internal static partial class ShellWords
{
    /// <summary>The words joined by spaces, those with characters a shell would read quoted in '…'.</summary>
    public static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(Quote));

    /// <summary>The word as is when it is plain, else in single quotes (a quote inside written '\'').</summary>
    public static string Quote(string word) => word.Length > 0 && Plain().IsMatch(word) ? word : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex("^[A-Za-z0-9_@%+=:,./-]+$")]
    private static partial Regex Plain();
}
