using System.Globalization;
using System.Text;

namespace VisMooc.Modules.Sources.TrackingLog;

/// <summary>
/// What the video player logs as <c>event.id</c> for a block: opaque-keys' <c>BlockUsageLocator.html_id</c>.
/// For an <c>i4x://</c> key, <c>i4x</c>, org, course, category and block id joined by <c>-</c>, every
/// character that is neither a Unicode word character nor <c>-</c> replaced by <c>_</c>, and runs of
/// <c>_</c> collapsed; for a <c>block-v1:</c> key, the block id. Lossy for i4x keys
/// (<c>Stat_2.1x</c> and <c>Stat_2_1x</c> give the same id), so ids are looked up, never parsed back.
/// </summary>
public static class HtmlId
{
    /// <summary>The html id of a block key, or null when the key is of neither era.</summary>
    public static string? Of(string blockKey)
    {
        if (blockKey.StartsWith("i4x://", StringComparison.Ordinal))
        {
            // i4x://org/course/category/name[@revision]; the revision (a branch) is not part of the id.
            string[] parts = blockKey["i4x://".Length..].Split('/');
            if (parts.Length != 4 || parts.Any(p => p.Length == 0))
            {
                return null;
            }

            string name = parts[3];
            int at = name.IndexOf('@', StringComparison.Ordinal);
            if (at == 0)
            {
                return null;
            }

            if (at > 0)
            {
                name = name[..at];
            }

            return Clean($"i4x-{parts[0]}-{parts[1]}-{parts[2]}-{name}");
        }

        if (blockKey.StartsWith("block-v1:", StringComparison.Ordinal))
        {
            foreach (string part in blockKey["block-v1:".Length..].Split('+'))
            {
                if (part.StartsWith("block@", StringComparison.Ordinal) && part.Length > "block@".Length)
                {
                    return part["block@".Length..];
                }
            }
        }

        return null;
    }

    /// <summary>
    /// opaque-keys' <c>clean_for_html</c>: <c>re.sub('_+', '_', re.sub(r'[^\w-]', '_', value, re.UNICODE))</c>.
    /// Python's <c>\w</c> is a letter or number of any script (categories L* and N*) or <c>_</c>.
    /// </summary>
    public static string Clean(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var rune in value.EnumerateRunes())
        {
            bool keep = rune.Value == '-' || rune.Value == '_' || IsWordCategory(Rune.GetUnicodeCategory(rune));
            if (keep && rune.Value != '_')
            {
                text.Append(rune.ToString());
            }
            else if (text.Length == 0 || text[^1] != '_')
            {
                text.Append('_');
            }
        }

        return text.ToString();
    }

    private static bool IsWordCategory(UnicodeCategory category) => category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
        or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
        or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
}
