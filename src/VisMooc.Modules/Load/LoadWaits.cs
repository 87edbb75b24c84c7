namespace VisMooc.Modules.Load;

/// <summary>How long a load waits for what it does not control: another load, and the server.</summary>
public sealed record LoadWaits
{
    /// <summary>The waits the tool uses.</summary>
    public static LoadWaits Default { get; } = new();

    /// <summary>
    /// How long a load waits for another load into the same SQLite file or MySQL database to finish
    /// (it says so when it starts waiting) before it gives up with a one-line error.
    /// </summary>
    public TimeSpan OtherLoad { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a MySQL/MariaDB server may take to answer a connection.</summary>
    public TimeSpan Connect { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>A duration as a person reads it: "10 min", "90 s", "0.5 s".</summary>
    internal static string Describe(TimeSpan span) =>
        span.TotalMinutes >= 1 && span.TotalSeconds % 60 == 0
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{span.TotalMinutes:0} min")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###} s");
}
