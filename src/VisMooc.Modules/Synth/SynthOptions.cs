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

    /// <summary>Tracking-log lines per learner on average (<see cref="DefaultEventsPerLearner"/>; 0 writes no logs).</summary>
    public const int DefaultEventsPerLearner = 25;

    /// <summary>The most tracking-log lines per learner accepted.</summary>
    public const int MaxEventsPerLearner = 100_000;

    /// <summary>
    /// The folder to write the org's daily tracking logs into (<c>{org}/edx/events/{year}/</c> below it),
    /// or null for none: tracking logs live per org and day, outside course folders.
    /// </summary>
    public string? EventsOutput { get; init; }

    /// <summary>Tracking-log lines per learner on average; 0 writes no logs.</summary>
    public int EventsPerLearner { get; init; } = DefaultEventsPerLearner;

    /// <summary>Whether day files are gzip-compressed (<c>.log.gz</c>, as delivered) or plain <c>.log</c>.</summary>
    public bool EventsCompressed { get; init; } = true;
}
