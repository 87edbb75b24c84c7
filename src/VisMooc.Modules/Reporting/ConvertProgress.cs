namespace VisMooc.Modules.Reporting;

/// <summary>A snapshot of a running conversion, for progress output; reported a few times a second and once at the end.</summary>
public sealed record ConvertProgress(TimeSpan Elapsed, IReadOnlyList<TableProgress> Tables, bool Finished);
