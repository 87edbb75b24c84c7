namespace VisMooc.Modules.Schema;

/// <summary>One column as declared: the field-to-function map entry that <c>describe</c> prints.</summary>
/// <param name="Name">SQL column name.</param>
/// <param name="Type">SQL type.</param>
/// <param name="Size">Declared size (0 if unsized).</param>
/// <param name="Nullable">Whether SQL NULL is allowed.</param>
/// <param name="PrimaryKey">Whether this is the primary key.</param>
/// <param name="SourceFields">Source fields passed to the conversion, in order.</param>
/// <param name="Conversion">The conversion method, as <c>Type.Method</c>.</param>
/// <param name="MySqlType">The MySQL type text, e.g. <c>varchar(255)</c>.</param>
/// <param name="ConversionSummary">What the conversion does, from its <c>[Description]</c>.</param>
/// <param name="Index">Whether the column has a secondary (non-unique) index.</param>
public sealed record ColumnInfo(
    string Name,
    SqlType Type,
    int Size,
    bool Nullable,
    bool PrimaryKey,
    IReadOnlyList<string> SourceFields,
    string Conversion,
    string MySqlType,
    string ConversionSummary,
    bool Index = false);
