namespace VisMooc.Modules.Load;

/// <summary>A column of a table already in the database, as the database describes it.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Type">Declared type as the engine spells it (<c>varchar(255)</c>, <c>TEXT</c>).</param>
/// <param name="Nullable">False when the column is <c>NOT NULL</c>.</param>
/// <param name="CharacterSet">MySQL: the character set of a text column; null otherwise.</param>
/// <param name="Collation">MySQL: the collation of a text column; null otherwise.</param>
internal sealed record ExistingColumn(string Name, string Type, bool Nullable, string? CharacterSet = null, string? Collation = null);
