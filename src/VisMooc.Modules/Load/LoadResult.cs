namespace VisMooc.Modules.Load;

/// <summary>What a load did to one table.</summary>
/// <param name="Table">The table.</param>
/// <param name="Rows">Rows in the CSV.</param>
/// <param name="Inserted">Rows new to the table.</param>
/// <param name="Replaced">Existing rows replaced (replace mode).</param>
/// <param name="Kept">Rows not loaded because their <c>_id</c> was already there (ignore mode).</param>
public sealed record TableLoadResult(string Table, long Rows, long Inserted, long Replaced, long Kept);

/// <summary>What a whole load did.</summary>
/// <param name="Target">Where it loaded.</param>
/// <param name="Tables">Per table.</param>
/// <param name="ServerWarnings">Warnings the server raised (none is ignored: any fails the load before commit).</param>
/// <param name="Elapsed">Wall time.</param>
public sealed record LoadResult(LoadTarget Target, IReadOnlyList<TableLoadResult> Tables, IReadOnlyList<string> ServerWarnings, TimeSpan Elapsed);
