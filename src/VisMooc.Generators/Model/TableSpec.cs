namespace VisMooc.Generators.Model;

/// <summary>
/// One valid table declaration, as the emitters see it: plain equatable data (strings, ints, bools, equatable
/// arrays), no symbols, syntax or locations, so an edit that moves a declaration does not regenerate it.
/// Enum values are member names; type names are fully qualified (<c>global::…</c>).
/// </summary>
internal sealed record TableSpec(
    string Namespace,
    string ClassName,
    string TableName,
    string InputType,
    string Records,
    string JoinType,
    string JoinOn,
    int Order,
    EquatableArray<string> KeyFields,
    EquatableArray<ColumnSpec> Columns);
