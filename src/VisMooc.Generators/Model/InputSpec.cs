namespace VisMooc.Generators.Model;

/// <summary>One valid <c>[EdxInput]</c> declaration, as the emitter sees it; enum values are member names.</summary>
internal sealed record InputSpec(
    string Namespace,
    string ClassName,
    string Name,
    string Token,
    string Extension,
    string Format,
    string Scope,
    string Description,
    EquatableArray<RawFieldSpec> RawFields = default);

/// <summary>A field of the input's raw records that its <c>[RawField]</c> names: personal (masked whole) or kept when it has the shape.</summary>
internal sealed record RawFieldSpec(string Name, bool Personal, string Keep);
