using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using VisMooc.Generators.Model;

namespace VisMooc.Generators;

/// <summary>
/// Emits, from each <c>[VisMoocTable]</c> declaration, its field-to-function map, CSV row writer and
/// SQL, plus one registry with the whole MySQL and SQLite scripts.
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
    }

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                TableParser.TableAttribute,
                predicate: static (node, _) => node is TypeDeclarationSyntax,
                transform: static (ctx, ct) => TableParser.Parse(ctx, ct))
            .WithTrackingName(TrackingNames.Tables);

        var models = parsed
            .Where(static r => r.Table is not null)
            .Select(static (r, _) => r.Table!)
            .WithTrackingName(TrackingNames.Models);

        var all = models.Collect().WithTrackingName(TrackingNames.AllModels);

        // A table name declared twice is reported at every declaration after the first (by file and position).
        var declarations = parsed.Where(static r => r.Declaration is not null).Select(static (r, _) => r.Declaration!).Collect();
        context.RegisterSourceOutput(declarations, static (spc, found) =>
        {
            foreach (var group in found.GroupBy(d => d.TableName).Where(g => g.Count() > 1))
            {
                string classes = string.Join(", ", group.Select(d => d.ClassName).OrderBy(n => n, System.StringComparer.Ordinal));
                foreach (var duplicate in group.OrderBy(d => d.FilePath ?? "", System.StringComparer.Ordinal).ThenBy(d => d.Span.Start).Skip(1))
                {
                    spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateTable, duplicate.ToLocation(), group.Key, classes));
                }
            }
        });

        var inputs = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                TableParser.InputAttribute,
                predicate: static (node, _) => node is TypeDeclarationSyntax,
                transform: static (ctx, ct) => InputParser.Parse(ctx, ct))
            .WithTrackingName(TrackingNames.Inputs);
        var inputModels = inputs.Where(static r => r.Input is not null).Select(static (r, _) => r.Input!);

        context.RegisterSourceOutput(inputs, static (spc, result) =>
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        context.RegisterSourceOutput(inputModels, static (spc, input) =>
            spc.AddSource(InputEmitter.HintName(input), SourceText.From(InputEmitter.EmitInput(input), System.Text.Encoding.UTF8)));

        // Only an assembly that declares inputs gets a registry of them, so a table-only assembly has none to clash with.
        context.RegisterSourceOutput(inputModels.Collect(), static (spc, models) =>
        {
            if (models.Length > 0)
            {
                spc.AddSource("VisMooc.Generated.GeneratedSources.g.cs", SourceText.From(InputEmitter.EmitRegistry(models), System.Text.Encoding.UTF8));
            }
        });

        context.RegisterSourceOutput(parsed, static (spc, result) =>
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        context.RegisterSourceOutput(models, static (spc, table) =>
            spc.AddSource(TableEmitter.HintName(table), SourceText.From(TableEmitter.EmitTable(table), System.Text.Encoding.UTF8)));

        context.RegisterSourceOutput(all, static (spc, tables) =>
        {
            spc.AddSource("VisMooc.Generated.GeneratedTables.g.cs", SourceText.From(TableEmitter.EmitRegistry(tables), System.Text.Encoding.UTF8));
        });
    }
}
