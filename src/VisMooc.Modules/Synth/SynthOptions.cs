namespace VisMooc.Modules.Synth;

/// <summary>What package to generate.</summary>
public sealed record SynthOptions
{
    /// <summary>Learners (auth_user rows); the other files scale with it.</summary>
    public required long Learners { get; init; }

    /// <summary>The course folder to write the six files into (created when missing).</summary>
    public required string Output { get; init; }

    /// <summary>The era to imitate.</summary>
    public SynthStyle Style { get; init; } = SynthStyle.New;

    /// <summary>Same seed, same bytes.</summary>
    public ulong Seed { get; init; } = 1;
}
