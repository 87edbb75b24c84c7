namespace VisMooc.Modules.Schema;

/// <summary>A declared table as data: columns, sources and SQL, generated from its declaration.</summary>
/// <param name="Name">SQL table name and CSV file stem.</param>
/// <param name="Input">The edX input that feeds it.</param>
/// <param name="Records">Which records of <paramref name="Input"/> make a row.</param>
/// <param name="Join">A second input joined to each record, or null.</param>
/// <param name="JoinOn">How <paramref name="Join"/>'s records match, in words.</param>
/// <param name="Order">Position in the generated script.</param>
/// <param name="Columns">Columns in output order.</param>
/// <param name="SourceFields">Distinct source fields, in first-use order; index k is <see cref="IRowSource.Get"/>'s k.</param>
/// <param name="KeyFields">Indexes into <paramref name="SourceFields"/> that must be non-empty.</param>
/// <param name="PrimaryKeyColumn">Index of the primary-key column.</param>
/// <param name="MySqlCreate">MySQL <c>CREATE TABLE</c> statement.</param>
/// <param name="MySqlLoad">MySQL <c>LOAD DATA</c> statement with the <c>MOOCDB_DIR</c> placeholder.</param>
/// <param name="MySqlBulkLoad">The same load as <paramref name="MySqlLoad"/>, as settings for the loader.</param>
/// <param name="SqliteCreate">SQLite <c>CREATE TABLE</c> statement.</param>
/// <param name="SqliteInsert">SQLite insert of one row, parameters <c>$p0</c>… in column order, keeping an existing key's row.</param>
/// <param name="SqliteUpsert">SQLite insert of one row that replaces an existing key's other columns.</param>
/// <param name="DuckDbCreate">DuckDB <c>CREATE TABLE</c> statement and its <c>CREATE INDEX</c> statements.</param>
public sealed record TableInfo(
    string Name,
    InputDescriptor Input,
    InputRecords Records,
    InputDescriptor? Join,
    string JoinOn,
    int Order,
    IReadOnlyList<ColumnInfo> Columns,
    IReadOnlyList<string> SourceFields,
    IReadOnlyList<int> KeyFields,
    int PrimaryKeyColumn,
    string MySqlCreate,
    string MySqlLoad,
    MySqlLoadDescription MySqlBulkLoad,
    string SqliteCreate,
    string SqliteInsert,
    string SqliteUpsert,
    string DuckDbCreate)
{
    /// <summary>The CSV file name, <c>{Name}.csv</c>.</summary>
    public string CsvFileName => Name + ".csv";

    /// <summary>The inputs the table reads: its input, then the joined one.</summary>
    public IEnumerable<InputDescriptor> Inputs => Join is null ? [Input] : [Input, Join];
}
