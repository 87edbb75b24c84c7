namespace VisMooc.Modules.Schema;

/// <summary>
/// Says what a rejects file may show of one field of an input's raw records (a TSV header column, a JSON key): its
/// value when it has the shape <see cref="Keep"/> names, or never (<see cref="Personal"/>). A field that no
/// declaration names is masked. The generator puts these in the input's <see cref="InputDescriptor.RawFields"/>,
/// from which the rejects masker builds its tables; a name given twice, empty, or both personal and kept is an error (VMG014).
/// </summary>
/// <param name="name">The field's name in the file: a header column or a JSON key.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class RawFieldAttribute(string name) : Attribute
{
    /// <summary>The field's name in the file.</summary>
    public string Name { get; } = name;

    /// <summary>
    /// Personal data (a name, an email, a username): always masked, and in a JSON record its whole value (an object
    /// or array included) goes, while the key stays to show the record's shape.
    /// </summary>
    public bool Personal { get; set; }

    /// <summary>The shape a value must have to be kept.</summary>
    public RawShape Keep { get; set; }
}
