namespace VisMooc.Modules.Schema;

/// <summary>Writes one CSV row of a table from a bound source record.</summary>
public delegate void RowWriter(IRowSource row, Output.CellWriter writer);

/// <summary>A generated table: its declaration as data, its compiled row writer and row check.</summary>
/// <param name="Info">The declaration as data.</param>
/// <param name="WriteRow">The generated row writer.</param>
/// <param name="CheckRow">The generated check of a row's checked columns (see <see cref="IVisMoocTable.CheckRow"/>), which writes nothing.</param>
public sealed record TableDescriptor(TableInfo Info, RowWriter WriteRow, RowWriter CheckRow);
