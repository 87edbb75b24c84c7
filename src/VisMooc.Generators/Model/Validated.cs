namespace VisMooc.Generators.Model;

/// <summary>What validation made of one table declaration: its spec and site when it is usable, and its diagnostics.</summary>
internal sealed record ValidatedTable(TableSpec? Spec, TableSite? Site, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>What validation made of one input declaration: its spec when it is usable, and its diagnostics.</summary>
internal sealed record ValidatedInput(InputSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
