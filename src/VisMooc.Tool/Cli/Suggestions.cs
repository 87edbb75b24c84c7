namespace VisMooc.Tool.Cli;

/// <summary>The nearest of a few names to a mistyped one, for "did you mean …?".</summary>
internal static class Suggestions
{
    /// <summary>
    /// The candidate closest to <paramref name="typed"/>, or null when none is close: within an
    /// edit distance (insertions, deletions, substitutions and swaps of neighbours) of one per three
    /// characters (at least one, at most three), or one of the two a prefix of the other
    /// (<c>--thread</c>, <c>--output</c>). Ties go to the earlier candidate. Case is ignored.
    /// </summary>
    public static string? Nearest(string typed, IEnumerable<string> candidates)
    {
        string lower = typed.ToLowerInvariant();
        if (Stem(lower).Length < 2)
        {
            // One letter ("-x") is as near to every short option as to any: no guess.
            return null;
        }

        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in candidates)
        {
            string c = candidate.ToLowerInvariant();
            int distance = Distance(lower, c);
            int allowed = Math.Clamp(Math.Max(lower.Length, c.Length) / 3, 1, 3);
            bool prefix = Stem(c).Length >= 2
                && (c.StartsWith(lower, StringComparison.Ordinal) || lower.StartsWith(c, StringComparison.Ordinal));
            if ((distance <= allowed || prefix) && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    // The part after the dashes: "--" alone is a prefix of every option and suggests nothing.
    private static string Stem(string name) => name.TrimStart('-');

    /// <summary>Optimal string alignment distance: edits plus swaps of two neighbouring characters.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
