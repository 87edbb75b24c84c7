namespace VisMooc.Modules.Synth;

/// <summary>What <see cref="PackageSynthesizer.Run"/> wrote: the course's files, then the tracking-log day files (named relative to <see cref="EventsFolder"/>).</summary>
public sealed record SynthResult(string Folder, string CourseId, SynthOptions Options, IReadOnlyList<SynthFile> Files, TimeSpan Elapsed)
{
    /// <summary>Where the tracking logs went, or null when none were written.</summary>
    public string? EventsFolder { get; init; }

    /// <summary>What the tracking logs hold, trap by trap, or null when none were written.</summary>
    public SynthEventCounts? Events { get; init; }

    /// <summary>Bytes of all files.</summary>
    public long Bytes => Files.Sum(f => f.Bytes);
}
