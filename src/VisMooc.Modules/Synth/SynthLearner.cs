namespace VisMooc.Modules.Synth;

/// <summary>
/// One learner, derived from <c>(seed, index)</c> alone: every file that mentions the learner
/// derives the same values, so nothing per learner is kept while writing.
/// </summary>
public readonly record struct SynthLearner(long Index, long UserId, string Username, string Email, string? Name, DateTime Joined, DateTime? LastLogin, bool HasProfile)
{
    /// <summary>Learner <paramref name="index"/> of a package.</summary>
    public static SynthLearner Of(ulong seed, SynthCourse course, long index)
    {
        var r = new SynthRandom(seed, SynthStream.Learner, index);
        long userId = NextUserId(course.Style, index, ref r);
        string ascii = r.Pick(SynthPools.AsciiFirst);
        string username = r.Below(4) switch
        {
            0 => ascii + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            1 => ascii + "_" + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            2 => ascii + "." + r.Pick(SynthPools.AsciiFirst) + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => "learner-" + index.ToString("x", System.Globalization.CultureInfo.InvariantCulture),
        };
        string email = username + "@" + r.Pick(SynthPools.Domains);
        int kind = r.Below(100);
        string? name = kind switch
        {
            < 2 => "",
            < 3 => null,
            < 70 => r.Pick(SynthPools.LatinFirst) + " " + r.Pick(SynthPools.LatinLast),
            _ => r.Pick(SynthPools.OtherScripts),
        };
        var earliest = course.Start.AddDays(-800);
        var joined = earliest.AddSeconds(r.BelowLong((long)(course.End - earliest).TotalSeconds)).AddTicks(r.Chance(60) ? r.Below(1_000_000) * 10 : 0);
        DateTime? lastLogin = r.Chance(6) ? null : joined.AddSeconds(r.BelowLong(200L * 86400));
        return new SynthLearner(index, userId, username, email, name, joined, lastLogin, !r.Chance(0.2));
    }

    /// <summary>Only the user id of learner <paramref name="index"/> (cheap: forum authors need no more).</summary>
    public static long UserIdOf(ulong seed, SynthStyle style, long index)
    {
        var r = new SynthRandom(seed, SynthStream.Learner, index);
        return NextUserId(style, index, ref r);
    }

    /// <summary>Learner ids rise with the index, with gaps (deleted accounts, other courses' users).</summary>
    private static long NextUserId(SynthStyle style, long index, ref SynthRandom r) => (style == SynthStyle.Old ? 100_000 : 7_000_000) + (index * 3) + r.Below(3);
}
