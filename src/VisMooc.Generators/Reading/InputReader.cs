using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using VisMooc.Generators.Model;

namespace VisMooc.Generators.Reading;

/// <summary>Reads one <c>[EdxInput]</c> class and its <c>[RawField]</c>s into a <see cref="DeclaredInput"/> (attribute data, no list of inputs here).</summary>
internal static class InputReader
{
    public static DeclaredInput Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var symbol = (INamedTypeSymbol)context.TargetSymbol;
        var syntax = (TypeDeclarationSyntax)context.TargetNode;
        var attribute = context.Attributes[0];

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

        var rawFields = ImmutableArray.CreateBuilder<DeclaredRawField>();
        foreach (var field in symbol.GetAttributes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (field.AttributeClass?.ToDisplayString() == Symbols.RawFieldAttribute)
            {
                rawFields.Add(ReadRawField(field, cancellationToken));
            }
        }

        return new DeclaredInput(
            Symbols.NamespaceOf(symbol),
            symbol.Name,
            Symbols.IsExtendable(syntax, symbol),
            LocationInfo.From(syntax.Identifier.GetLocation()),
            LocationInfo.From(attribute.ApplicationSyntaxReference, cancellationToken),
            name, token, extension, format, scope, description,
            new EquatableArray<DeclaredRawField>(rawFields.ToImmutable()));
    }

    private static DeclaredRawField ReadRawField(AttributeData attribute, CancellationToken cancellationToken)
    {
        string name = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string ?? "" : "";
        bool personal = false;
        string keep = "None";
        foreach (var named in attribute.NamedArguments)
        {
            switch (named.Key)
            {
                case "Personal": personal = named.Value.Value is true; break;
                case "Keep": keep = named.Value.Value is 0 ? "None" : Symbols.EnumMemberName(named.Value); break;
            }
        }

        return new DeclaredRawField(LocationInfo.From(attribute.ApplicationSyntaxReference, cancellationToken), name, personal, keep);
    }
}
