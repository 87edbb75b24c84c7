namespace VisMooc.Modules.Schema;

/// <summary>A declared edX input (<see cref="EdxInputAttribute"/>) as data, generated from its declaration.</summary>
/// <param name="Name">The input's name in messages and reports.</param>
/// <param name="Token">The word that names the file between dashes; empty when the extension alone names it.</param>
/// <param name="Extension">The file name's extension, before any <c>.gz</c>.</param>
/// <param name="Format">How the file is laid out.</param>
/// <param name="Scope">Where its files are found.</param>
/// <param name="Description">What the file is, in words, when its name does not say it; empty otherwise.</param>
public sealed record InputDescriptor(string Name, string Token, string Extension, InputFormat Format, InputScope Scope, string Description)
{
    /// <summary>What a rejects file may show of its raw records' fields (<see cref="RawFieldAttribute"/>); empty when it declares none.</summary>
    public IReadOnlyList<RawFieldInfo> RawFields { get; init; } = [];

    /// <summary>How the file is named, for messages: <c>*-auth_user-*.sql</c>, <c>*.mongo</c>.</summary>
    public string Pattern => Token.Length == 0 ? "*" + Extension : "*-" + Token + "-*" + Extension;

    /// <summary>What the file is called in help: its name, or "the {description}" when it has one.</summary>
    public string Title => Description.Length == 0 ? Name : "the " + Description;

    /// <summary>
    /// True when <paramref name="name"/> (a file name without its <c>.gz</c>) is this input's: it ends in the
    /// extension and holds the token anchored on dashes (<c>-auth_user-</c> never matches <c>-auth_userprofile-</c>).
    /// </summary>
    public bool Matches(string name) =>
        name.EndsWith(Extension, StringComparison.Ordinal)
        && (Token.Length == 0 || name.StartsWith(Token + "-", StringComparison.Ordinal) || name.Contains("-" + Token + "-", StringComparison.Ordinal));

    /// <inheritdoc/>
    public override string ToString() => Name;
}
