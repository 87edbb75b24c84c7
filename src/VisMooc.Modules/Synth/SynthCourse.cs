namespace VisMooc.Modules.Synth;

/// <summary>The generated course's names, ids, keys and dates, spelled as the chosen era spelled them.</summary>
public sealed class SynthCourse
{
    /// <summary>The course of a style.</summary>
    public SynthCourse(SynthStyle style)
    {
        Style = style;
        Run = style == SynthStyle.Old ? "3T2014" : "2T2016";
        Start = style == SynthStyle.Old ? new DateTime(2014, 9, 15, 8, 0, 0, DateTimeKind.Utc) : new DateTime(2016, 4, 12, 15, 0, 0, DateTimeKind.Utc);
        End = Start.AddDays(98);
        CourseId = style == SynthStyle.Old ? $"{Org}/{Number}/{Run}" : $"course-v1:{Org}+{Number}+{Run}";
        RootKey = style == SynthStyle.Old ? $"i4x://{Org}/{Number}/course/{Run}" : $"block-v1:{Org}+{Number}+{Run}+type@course+block@course";
    }

    /// <summary>The organisation.</summary>
    public string Org => "SynthX";

    /// <summary>The course number.</summary>
    public string Number => "STAT201x";

    /// <summary>The run.</summary>
    public string Run { get; }

    /// <summary>The era.</summary>
    public SynthStyle Style { get; }

    /// <summary>The course id as the TSV files spell it.</summary>
    public string CourseId { get; }

    /// <summary>The course root block key.</summary>
    public string RootKey { get; }

    /// <summary><c>{org}-{course}-{run}</c>: the folder and file name prefix the exporter used.</summary>
    public string FilePrefix => $"{Org}-{Number}-{Run}";

    /// <summary>Course start (UTC).</summary>
    public DateTime Start { get; }

    /// <summary>Course end (UTC).</summary>
    public DateTime End { get; }

    /// <summary>A block key of this era.</summary>
    public string BlockKey(string category, string name) =>
        Style == SynthStyle.Old ? $"i4x://{Org}/{Number}/{category}/{name}" : $"block-v1:{Org}+{Number}+{Run}+type@{category}+block@{name}";

    /// <summary>32 lowercase hex digits from two random words (block names, uuids).</summary>
    public static string Hex32(ref SynthRandom random) => random.Next().ToString("x16", System.Globalization.CultureInfo.InvariantCulture)
        + random.Next().ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
}
