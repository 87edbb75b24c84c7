namespace VisMooc.Modules.Schema;

/// <summary>
/// Declares one column of a table. Columns are emitted in the order the attributes are written.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ColumnAttribute(string name, SqlType type, int size = 0) : Attribute
{
    /// <summary>The SQL column name.</summary>
    public string Name { get; } = name;

    /// <summary>The SQL type.</summary>
    public SqlType Type { get; } = type;

    /// <summary>Size for sized types (<c>varchar(n)</c>); 0 when the type has none.</summary>
    public int Size { get; } = size;

    /// <summary>Whether the column accepts SQL NULL.</summary>
    public bool Nullable { get; set; }

    /// <summary>Whether the column is the table's primary key.</summary>
    public bool PrimaryKey { get; set; }

    /// <summary>Whether the column gets a secondary (non-unique) index: <c>KEY (col)</c> in MySQL, <c>CREATE INDEX</c> in SQLite.</summary>
    public bool Index { get; set; }

    /// <summary>The source field(s) feeding the column, comma-separated, passed to the conversion in this order.</summary>
    public string From { get; set; } = "";

    /// <summary>
    /// Name of a static conversion method <c>void M(CellWriter cell, FieldValue a, …)</c> with one
    /// <see cref="Values.FieldValue"/> per source field, looked up on the declaring class, then on
    /// <c>VisMooc.Modules.Conversions.ValueConversions</c>.
    /// </summary>
    public string Convert { get; set; } = "Text";
}
