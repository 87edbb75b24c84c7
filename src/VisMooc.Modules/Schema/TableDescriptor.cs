namespace VisMooc.Modules.Schema;

/// <summary>Writes one CSV row of a table from a bound source record.</summary>
public delegate void RowWriter(IRowSource row, Output.CellWriter writer);

/// <summary>A generated table: its declaration as data and its compiled row writer.</summary>
/// <param name="Info">The declaration as data.</param>
/// <param name="WriteRow">The generated row writer.</param>
public sealed record TableDescriptor(TableInfo Info, RowWriter WriteRow);
