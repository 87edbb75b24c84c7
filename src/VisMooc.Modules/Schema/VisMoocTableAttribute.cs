namespace VisMooc.Modules.Schema;

/// <summary>Declares a vismooc_extensions table; the source generator emits its map, writer and SQL.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class VisMoocTableAttribute(string name, EdxSource source) : Attribute
{
    /// <summary>The SQL table name, also the CSV file name (<c>{name}.csv</c>).</summary>
    public string Name { get; } = name;

    /// <summary>The edX input that feeds the table.</summary>
    public EdxSource Source { get; } = source;

    /// <summary>Position of the table in the generated SQL script (ascending, then by name).</summary>
    public int Order { get; set; }

    /// <summary>Source fields that must be present and non-empty, comma-separated; a row lacking one is rejected.</summary>
    public string KeyFields { get; set; } = "";
}
