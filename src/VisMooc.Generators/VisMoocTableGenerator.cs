using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using VisMooc.Generators.Emit;
using VisMooc.Generators.Model;
using VisMooc.Generators.Reading;
using VisMooc.Generators.Validation;

namespace VisMooc.Generators;

/// <summary>
/// From each <c>[VisMoocTable]</c> declaration, its field-to-function map, CSV row writer and SQL, plus one registry with
/// the whole MySQL, SQLite and DuckDB scripts; from each <c>[EdxInput]</c>, its descriptor and the registry of inputs.
/// Each declaration is read (<see cref="TableReader"/>, <see cref="InputReader"/>), validated into a spec and
/// diagnostics (<see cref="TableValidator"/>, <see cref="InputValidator"/>), and emitted (<see cref="TableEmitter"/>,
/// <see cref="SqlEmitter"/>, <see cref="DuckDbEmitter"/>, <see cref="InputEmitter"/>). Diagnostics have their own outputs, so code stays cached.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class VisMoocTableGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for caching tests.</summary>
    public static class TrackingNames
    {
        public const string Tables = nameof(Tables);
        public const string Models = nameof(Models);
        public const string AllModels = nameof(AllModels);
        public const string Inputs = nameof(Inputs);
        public const string InputModels = nameof(InputModels);
    }

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Tables: read, validate, emit one file each and the registry.
        var tables = context.SyntaxProvider
            .ForAttributeWithMetadataName(Symbols.TableAttribute, static (node, _) => node is TypeDeclarationSyntax, TableReader.Read)
            .WithTrackingName(TrackingNames.Tables)
            .Select(TableValidator.Validate);
        var tableSpecs = tables.Where(static t => t.Spec is not null).Select(static (t, _) => t.Spec!).WithTrackingName(TrackingNames.Models);
        var allTableSpecs = tableSpecs.Collect().WithTrackingName(TrackingNames.AllModels);
        var tableSites = tables.Where(static t => t.Site is not null).Select(static (t, _) => t.Site!).Collect();

        context.RegisterSourceOutput(tables, static (spc, table) => Report(spc, table.Diagnostics));
        context.RegisterSourceOutput(tableSites, static (spc, sites) => Report(spc, TableValidator.DuplicateNames(sites)));
        context.RegisterSourceOutput(tableSpecs, static (spc, table) => Add(spc, TableEmitter.HintName(table), TableEmitter.EmitTable(table)));
        context.RegisterSourceOutput(allTableSpecs, static (spc, all) => Add(spc, "VisMooc.Generated.GeneratedTables.g.cs", TableEmitter.EmitRegistry(all)));

        // Inputs: read, validate, emit each descriptor and, only in an assembly that declares inputs, their registry
        // (so a table-only assembly has none to clash with).
        var inputs = context.SyntaxProvider
            .ForAttributeWithMetadataName(Symbols.InputAttribute, static (node, _) => node is TypeDeclarationSyntax, InputReader.Read)
            .WithTrackingName(TrackingNames.Inputs)
            .Select(InputValidator.Validate);
        var inputSpecs = inputs.Where(static i => i.Spec is not null).Select(static (i, _) => i.Spec!).WithTrackingName(TrackingNames.InputModels);

        context.RegisterSourceOutput(inputs, static (spc, input) => Report(spc, input.Diagnostics));
        context.RegisterSourceOutput(inputSpecs, static (spc, input) => Add(spc, InputEmitter.HintName(input), InputEmitter.EmitInput(input)));
        context.RegisterSourceOutput(inputSpecs.Collect(), static (spc, all) =>
        {
            if (all.Length > 0)
            {
                Add(spc, "VisMooc.Generated.GeneratedSources.g.cs", InputEmitter.EmitRegistry(all));
            }
        });
    }

    private static void Report(SourceProductionContext context, System.Collections.Generic.IEnumerable<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }

    private static void Add(SourceProductionContext context, string hintName, string text) =>
        context.AddSource(hintName, SourceText.From(text, System.Text.Encoding.UTF8));
}
