using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace VisMooc.Generators.Tests;

/// <summary>Builds compilations against the real Modules types and runs the table generator on them with step tracking.</summary>
internal static class GeneratorRunner
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly CSharpCompilationOptions s_options = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        deterministic: true);

    // The runtime's own assemblies plus VisMooc.Modules, so declarations compile against the real attributes and conversions.
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
    {
        string runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => Path.GetDirectoryName(path) == runtimeDirectory);
        return trusted
            .Append(typeof(VisMooc.Modules.Schema.ColumnAttribute).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    });

    /// <summary>Parses a source file; the path is what diagnostics report.</summary>
    public static SyntaxTree Parse(string text, string path) =>
        CSharpSyntaxTree.ParseText(text, ParseOptions, path, System.Text.Encoding.UTF8);

    /// <summary>A library compilation of the given (path, text) files.</summary>
    public static CSharpCompilation Compile(IEnumerable<(string Path, string Text)> files) =>
        CSharpCompilation.Create("VisMooc.Generators.TestInput", files.Select(f => Parse(f.Text, f.Path)), s_references.Value, s_options);

    /// <summary>A library compilation of the given sources, named Input0.cs, Input1.cs, ….</summary>
    public static CSharpCompilation Compile(params string[] sources) =>
        Compile(sources.Select((text, i) => ($"Input{i}.cs", text)));

    /// <summary>A driver for the table generator that records every tracked step.</summary>
    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            [new VisMoocTableGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator on the sources with a new driver.</summary>
    public static GeneratorRun Run(params string[] sources) => Run(Compile(sources));

    /// <summary>Runs the generator on a compilation, continuing <paramref name="driver"/> when given (for caching tests).</summary>
    public static GeneratorRun Run(Compilation compilation, GeneratorDriver? driver = null)
    {
        driver = (driver ?? CreateDriver()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(driver, compilation, output, diagnostics, driver.GetRunResult().Results.Single());
    }
}
