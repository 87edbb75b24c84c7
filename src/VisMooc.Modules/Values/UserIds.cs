using System.Buffers.Text;

namespace VisMooc.Modules.Values;

/// <summary>
/// What a user id is, wherever one is read (<c>auth_user.id</c>, a profile's <c>user_id</c>, the
/// <c>user_id</c> of enrollments and certificates): an integer as MySQL exports one, digits
/// without a sign or a leading zero. One rule, so a value is either a user in every file or in
/// none; anything else is a value in the wrong place (a shifted column, possibly a username).
/// </summary>
public static class UserIds
{
    /// <summary>Reads a user id; false when <paramref name="text"/> is not one.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out long id)
    {
        id = 0;
        return text.Length > 0 && (text[0] != '0' || text.Length == 1) && SafeText.IsDigits(text)
            && Utf8Parser.TryParse(text, out id, out int consumed) && consumed == text.Length;
    }

    /// <summary>Whether <paramref name="text"/> is a user id.</summary>
    public static bool IsValid(ReadOnlySpan<byte> text) => TryParse(text, out _);

    /// <summary>Why a value is not a user id, for a reject reason (the value quoted only when it is a number).</summary>
    public static string Problem(FieldValue value) => SafeText.Describe(value) + " is not a user id (digits without a leading zero)";
}
