namespace VisMooc.Generators.Model;

/// <summary>What the parser made of one declaration: a model (when usable) and its diagnostics.</summary>
internal sealed record ParseResult(TableModel? Table, EquatableArray<DiagnosticInfo> Diagnostics, TableDeclaration? Declaration = null);
