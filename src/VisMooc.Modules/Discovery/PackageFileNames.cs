using VisMooc.Generated;
using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Discovery;

/// <summary>
/// Names that look like package files but are not read as they are: a <c>.gpg</c> (still
/// encrypted), another compression or an archive (<c>.xz</c>, <c>.bz2</c>, <c>.zip</c>…), or a near
/// miss (<c>auth_user.sql</c>, <c>X-Auth_User-prod-analytics.sql</c>, <c>X-auth_user-prod-analytics.csv</c>),
/// each with what to do; so that input discovery can say what is wrong instead of "no such file".
/// </summary>
public static class PackageFileNames
{
    // Extensions a table export gets from people and tools: only these make a near miss (not auth_user.py).
    private static readonly string[] s_tableExtensions = ["", ".sql", ".tsv", ".csv", ".txt", ".tab"];
    private static readonly string[] s_jsonExtensions = ["", ".json", ".txt"];

    private static readonly (string Suffix, string What, string Todo)[] s_packed =
    [
        (".tar.gz", "a tar archive", "extract it first (tar -xzf {0})"),
        (".tgz", "a tar archive", "extract it first (tar -xzf {0})"),
        (".tar", "a tar archive", "extract it first (tar -xf {0})"),
        (".zip", "a zip archive", "unzip it first (unzip {0})"),
        (".7z", "a 7z archive", "extract it first (7z x {0})"),
        (".rar", "a rar archive", "extract it first (unrar x {0})"),
        (".xz", "xz-compressed", "decompress it first (xz -dk {0}), or compress it with gzip instead"),
        (".bz2", "bzip2-compressed", "decompress it first (bunzip2 -k {0}), or compress it with gzip instead"),
        (".zst", "zstd-compressed", "decompress it first (zstd -d {0}), or compress it with gzip instead"),
        (".lz4", "lz4-compressed", "decompress it first (lz4 -d {0}), or compress it with gzip instead"),
        (".lzma", "lzma-compressed", "decompress it first (xz -dk {0}), or compress it with gzip instead"),
        (".Z", "compress(1)-compressed", "decompress it first (uncompress {0}), or compress it with gzip instead"),
    ];

    /// <summary>True for a <c>.gpg</c> (or <c>.pgp</c>/<c>.asc</c>) file: still encrypted.</summary>
    public static bool IsEncrypted(string name) =>
        name.EndsWith(".gpg", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".pgp", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".asc", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for an archive or a compression VisMooc does not read (anything but <c>.gz</c>).</summary>
    public static bool IsPacked(string name) => Packed(name) is not null;

    /// <summary>
    /// Why a file name that VisMooc does not read looks like a package file of some kind, and what
    /// to do; null when it does not look like one. <paramref name="course"/> names the course, for
    /// the suggested name.
    /// </summary>
    public static (InputDescriptor Kind, string Problem)? Diagnose(string name, string course, IReadOnlyList<InputDescriptor>? inputs = null)
    {
        inputs ??= GeneratedSources.All;
        if (InputDiscovery.KindOf(name, inputs) is not null || name.EndsWith(".failed", StringComparison.Ordinal))
        {
            return null;
        }

        if (IsEncrypted(name))
        {
            string inner = name[..^4];
            var kind = InputDiscovery.KindOf(inner, inputs) ?? NearMiss(inner, course, inputs)?.Kind;
            return kind is null ? null : (kind, $"is encrypted: decrypt it first (gpg --decrypt-files {name})");
        }

        if (Packed(name) is var (suffix, _, _))
        {
            string inner = name[..^suffix.Length];
            var kind = InputDiscovery.KindOf(inner, inputs) ?? NearMiss(inner, course, inputs)?.Kind;
            return kind is null ? null : (kind, PackedProblem(name)!);
        }

        return NearMiss(name, course, inputs);
    }

    /// <summary>For an archive or a compression VisMooc does not read: what it is and what to do (e.g. "is a zip archive, which VisMooc does not read: unzip it first (unzip X.zip)"); else null.</summary>
    public static string? PackedProblem(string name) =>
        Packed(name) is var (_, what, todo) ? $"is {what}, which VisMooc does not read: {string.Format(System.Globalization.CultureInfo.InvariantCulture, todo, name)}" : null;

    /// <summary>The name a diagnosed encrypted or packed file has once decrypted or unpacked (to tell whether that copy is there already).</summary>
    public static string Unwrapped(string name) =>
        IsEncrypted(name) ? name[..^4] : Packed(name) is var (suffix, _, _) ? name[..^suffix.Length] : name;

    private static (string Suffix, string What, string Todo)? Packed(string name)
    {
        foreach (var packed in s_packed)
        {
            if (name.EndsWith(packed.Suffix, packed.Suffix == ".Z" ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
            {
                return packed;
            }
        }

        return null;
    }

    private static (InputDescriptor Kind, string Problem)? NearMiss(string name, string course, IReadOnlyList<InputDescriptor> inputs)
    {
        bool gz = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        string bare = gz ? name[..^3] : name;
        string gzSuffix = gz ? ".gz" : "";
        string lower = bare.ToLowerInvariant();

        // An input named by its extension alone (*.mongo): a near miss has it in another case, or more after it.
        foreach (var kind in inputs.Where(i => i.Token.Length == 0 && i.Scope == InputScope.Course))
        {
            string extension = kind.Extension;
            int at = lower.LastIndexOf(extension, StringComparison.Ordinal);
            if (at > 0 && (at + extension.Length == lower.Length || lower[at + extension.Length] == '.'))
            {
                string fixedName = bare[..at] + extension + gzSuffix;
                return (kind, $"looks like {Article(kind.Name)} {kind.Name} file but {kind.Name} files end in {extension}, as typed: rename it to {fixedName}");
            }
        }

        // Longest token first, so that auth_user never matches inside auth_userprofile.
        foreach (var kind in inputs.Where(i => i.Token.Length > 0 && i.Scope == InputScope.Course).OrderByDescending(i => i.Token.Length).ThenBy(i => i.Token, StringComparer.Ordinal))
        {
            string token = kind.Token, extension = kind.Extension;
            int at = FindWord(lower, token);
            if (at < 0)
            {
                continue;
            }

            int dot = bare.LastIndexOf('.');
            string ext = dot >= at + token.Length ? bare[dot..] : "";
            if (!(kind.Format == InputFormat.EdxTsv ? s_tableExtensions : s_jsonExtensions).Contains(ext.ToLowerInvariant()))
            {
                return null;
            }

            string stem = ext.Length > 0 ? bare[..dot] : bare;
            string prefix = stem[..at].TrimEnd('-', '_', '.', ' ');
            string rest = stem[(at + token.Length)..].TrimStart('-', '_', '.', ' ');
            string suggestion = (prefix.Length > 0 ? prefix : course) + "-" + token + "-" + (rest.Length > 0 ? rest : "prod-analytics") + extension + gzSuffix;
            string caseFixed = stem[..at] + token + stem[(at + token.Length)..] + extension + gzSuffix;
            string what = $"looks like {Article(token)} {token} file but ";
            bool extensionCaseOnly = string.Equals(ext, extension, StringComparison.OrdinalIgnoreCase);
            if (extensionCaseOnly && InputDiscovery.KindOf(caseFixed, inputs) == kind)
            {
                return (kind, what + $"names are case-sensitive: rename it to {caseFixed}");
            }

            if (!extensionCaseOnly)
            {
                string renamed = InputDiscovery.KindOf(stem + extension + gzSuffix, inputs) == kind ? stem + extension + gzSuffix : suggestion;
                return (kind, what + $"{token} files end in {extension}: if it is edX's {(kind.Format == InputFormat.EdxTsv ? "tab-separated export" : "JSON export")}, rename it to {renamed}");
            }

            return (kind, what + $"needs the -{token}- token: rename it to {suggestion}");
        }

        return null;
    }

    private static string Article(string token) => token[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an" : "a";

    /// <summary>Where <paramref name="word"/> stands in <paramref name="text"/> as a word (no letter or digit on either side), or -1.</summary>
    private static int FindWord(string text, string word)
    {
        for (int at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            bool before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            int end = at + word.Length;
            bool after = end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (before && after)
            {
                return at;
            }
        }

        return -1;
    }
}
