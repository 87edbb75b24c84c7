namespace VisMooc.Modules.Input;

/// <summary>The part of a <see cref="System.Text.Json.JsonException"/> message that helps someone fix the file.</summary>
public static class JsonErrorText
{
    /// <summary>
    /// The message without the position System.Text.Json appends (callers name line and column
    /// themselves) and without its advice to programmers ("Change the reader options.").
    /// </summary>
    public static string Of(string message)
    {
        int at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        string text = (at > 0 ? message[..at] : message).Trim();
        const string Advice = "Change the reader options.";
        return text.EndsWith(Advice, StringComparison.Ordinal) ? text[..^Advice.Length].TrimEnd() : text;
    }
}
