namespace VisMooc.Modules.Load;

/// <summary>Quoting for a POSIX shell, so a printed command can be pasted and run as it is.</summary>
public static class ShellQuoting
{
    /// <summary>
    /// <paramref name="word"/> as is when it holds only characters no shell treats specially,
    /// otherwise in single quotes (a single quote inside written <c>'\''</c>).
    /// </summary>
    public static string Quote(string word)
    {
        if (word.Length > 0 && word.All(IsPlain))
        {
            return word;
        }

        return "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    private static bool IsPlain(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or ',' or '+' or '@' or '%' or ':';
}
