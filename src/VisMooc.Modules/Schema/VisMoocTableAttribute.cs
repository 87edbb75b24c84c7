namespace VisMooc.Modules.Schema;

/// <summary>Declares a vismooc_extensions table; the source generator emits its map, writer and SQL.</summary>
/// <param name="name">The SQL table name, also the CSV file name.</param>
/// <param name="input">The <see cref="EdxInputAttribute"/> class of the edX input that feeds the table.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class VisMoocTableAttribute(string name, Type input) : Attribute
{
    /// <summary>The SQL table name, also the CSV file name (<c>{name}.csv</c>).</summary>
    public string Name { get; } = name;

    /// <summary>The <see cref="EdxInputAttribute"/> class of the edX input that feeds the table.</summary>
    public Type Input { get; } = input;

    /// <summary>Which records of the input make a row (every record unless said otherwise).</summary>
    public InputRecords Records { get; set; }

    /// <summary>A second input joined to each record (<c>auth_userprofile</c> for <c>users</c>), or null.</summary>
    public Type? Join { get; set; }

    /// <summary>How records of <see cref="Join"/> match, in words for <c>describe</c> (<c>auth_user.id = auth_userprofile.user_id</c>).</summary>
    public string JoinOn { get; set; } = "";

    /// <summary>Position of the table in the generated SQL script (ascending, then by name).</summary>
    public int Order { get; set; }

    /// <summary>Source fields that must be present and non-empty, comma-separated; a row lacking one is rejected.</summary>
    public string KeyFields { get; set; } = "";
}
