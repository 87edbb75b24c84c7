namespace VisMooc.Modules.Load;

/// <summary>A table already in the database that a load would write into, as the database describes it.</summary>
/// <param name="Name">Table name.</param>
/// <param name="IsView">A view, not a table.</param>
/// <param name="Engine">MySQL: its storage engine; null for SQLite.</param>
/// <param name="Transactional">Its engine can roll a transaction back (always true for SQLite).</param>
/// <param name="Columns">Columns in table order.</param>
/// <param name="PrimaryKey">Primary-key columns in key order (empty: none).</param>
/// <param name="UniqueKeys">Other unique indexes: name and columns.</param>
internal sealed record ExistingTable(
    string Name,
    bool IsView,
    string? Engine,
    bool Transactional,
    IReadOnlyList<ExistingColumn> Columns,
    IReadOnlyList<string> PrimaryKey,
    IReadOnlyList<(string Name, IReadOnlyList<string> Columns)> UniqueKeys);
