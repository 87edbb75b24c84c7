using VisMooc.Modules.Load;

namespace VisMooc.Tool.Commands;

/// <summary>A load that ran: into which target, from which folder, and its result or (when it failed) its one-line error.</summary>
internal sealed record LoadAttempt(string CsvFolder, LoadTarget Target, LoadMode Mode, LoadResult? Result, string? Error)
{
    /// <summary>True when Ctrl-C or SIGTERM stopped it (the line saying so is printed; the database is unchanged).</summary>
    public bool Interrupted { get; init; }
}
