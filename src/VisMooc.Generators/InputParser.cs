using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using VisMooc.Generators.Model;

namespace VisMooc.Generators;

/// <summary>Turns one <c>[EdxInput]</c> class into an <see cref="InputModel"/>, reading the attribute's data (no list of inputs here).</summary>
internal static class InputParser
{
    public static InputParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var symbol = (INamedTypeSymbol)context.TargetSymbol;
        var syntax = (TypeDeclarationSyntax)context.TargetNode;
        var attribute = context.Attributes[0];
        var location = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();

        string name = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string ?? "" : "";
        string token = "", extension = "", format = "", scope = "Course", description = "";
        foreach (var named in attribute.NamedArguments)
        {
            switch (named.Key)
            {
                case "Token": token = named.Value.Value as string ?? ""; break;
                case "Extension": extension = named.Value.Value as string ?? ""; break;
                case "Format": format = Symbols.EnumMemberName(named.Value); break;
                case "Scope": scope = Symbols.EnumMemberName(named.Value); break;
                case "Description": description = named.Value.Value as string ?? ""; break;
            }
        }

        if (syntax is not ClassDeclarationSyntax || !syntax.Modifiers.Any(SyntaxKind.PartialKeyword)
            || symbol.ContainingType is not null || symbol.IsGenericType || symbol.IsStatic)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidInput, syntax.Identifier.GetLocation(), name,
                "must be declared by a 'partial' class that is not nested, generic or static, so the generator can add its Descriptor"));
        }

        if (name.Length == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidInput, location, symbol.Name, "has no name"));
        }

        if (format.Length == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidInput, location, name, "needs Format, a member of VisMooc.Modules.Schema.InputFormat"));
        }

        if (scope.Length == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidInput, location, name, "has a Scope that VisMooc.Modules.Schema.InputScope does not name"));
        }

        if (!extension.StartsWith(".", System.StringComparison.Ordinal) || extension.Length < 2 || extension == ".gz")
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidInput, location, name, "needs Extension, the file name's extension before any .gz (e.g. \".sql\")"));
        }

        if (token.Length > 0 && (token.Contains("-") || token.Contains("*")))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidInput, location, name, "has a Token with '-' or '*': give the word between the dashes (e.g. \"auth_user\")"));
        }

        InputModel? model = diagnostics.Count > 0
            ? null
            : new InputModel(
                symbol.ContainingNamespace.IsGlobalNamespace ? "" : symbol.ContainingNamespace.ToDisplayString(),
                symbol.Name, name, token, extension, format, scope, description);
        return new InputParseResult(model, new EquatableArray<DiagnosticInfo>(diagnostics.ToImmutableArray()));
    }
}
