namespace VisMooc.Modules.Schema;

/// <summary>A <see cref="RawFieldAttribute"/> as data, generated from an input's declaration.</summary>
/// <param name="Name">The field's name in the file: a header column or a JSON key.</param>
/// <param name="Keep">The shape a value must have to be kept; <see cref="RawShape.None"/> for a personal field.</param>
/// <param name="Personal">Whether the field is personal data, always masked whole.</param>
public sealed record RawFieldInfo(string Name, RawShape Keep, bool Personal);
