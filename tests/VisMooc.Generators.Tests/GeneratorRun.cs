using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace VisMooc.Generators.Tests;

/// <summary>One run of the table generator: the driver (to run again), the compilations and what was generated.</summary>
internal sealed record GeneratorRun(
    GeneratorDriver Driver,
    Compilation Input,
    Compilation Output,
    ImmutableArray<Diagnostic> Diagnostics,
    GeneratorRunResult Result)
{
    /// <summary>Generated sources by hint name.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; } =
        Result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

    /// <summary>The generated source with this hint name; fails the test with the hints there are when missing.</summary>
    public string Source(string hintName) =>
        Sources.TryGetValue(hintName, out var text)
            ? text
            : throw new KeyNotFoundException($"No generated source '{hintName}'; generated: {string.Join(", ", Sources.Keys.Order(StringComparer.Ordinal))}");

    /// <summary>Errors of the compilation after generation (the generated code must compile).</summary>
    public IReadOnlyList<Diagnostic> OutputErrors =>
        Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    /// <summary>The value of a string constant declared in the compiled sources (not in referenced assemblies).</summary>
    public string Constant(string typeMetadataName, string constantName)
    {
        var type = Output.Assembly.GetTypeByMetadataName(typeMetadataName)
            ?? throw new KeyNotFoundException($"Type {typeMetadataName} is not declared in the compilation.");
        var field = type.GetMembers(constantName).OfType<IFieldSymbol>().SingleOrDefault(f => f.HasConstantValue)
            ?? throw new KeyNotFoundException($"{typeMetadataName} has no constant {constantName}.");
        return (string)field.ConstantValue!;
    }

    /// <summary>The reasons recorded for every output of a tracked pipeline step.</summary>
    public IReadOnlyList<IncrementalStepRunReason> StepReasons(string trackingName) =>
        Result.TrackedSteps.TryGetValue(trackingName, out var steps)
            ? steps.SelectMany(step => step.Outputs).Select(output => output.Reason).ToList()
            : throw new KeyNotFoundException($"No tracked step '{trackingName}'; tracked: {string.Join(", ", Result.TrackedSteps.Keys)}");
}
