namespace VisMooc.Generators.Model;

/// <summary>One declared edX input, as plain equatable data; enum values are member names.</summary>
internal sealed record InputModel(
    string Namespace,
    string ClassName,
    string Name,
    string Token,
    string Extension,
    string Format,
    string Scope,
    string Description);
