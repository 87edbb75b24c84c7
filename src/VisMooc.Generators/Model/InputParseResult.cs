namespace VisMooc.Generators.Model;

/// <summary>What the parser made of one input declaration: a model (when usable) and its diagnostics.</summary>
internal sealed record InputParseResult(InputModel? Input, EquatableArray<DiagnosticInfo> Diagnostics);
