using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using VisMooc.Generators.Model;

namespace VisMooc.Generators.Reading;

/// <summary>
/// Reads one <c>[VisMoocTable]</c> class and its <c>[Column]</c>s into a <see cref="DeclaredTable"/>: attribute data,
/// locations and the conversions the names resolve to. With <see cref="InputReader"/>, the only code that touches Roslyn symbols.
/// </summary>
internal static class TableReader
{
    public static DeclaredTable Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var symbol = (INamedTypeSymbol)context.TargetSymbol;
        var syntax = (TypeDeclarationSyntax)context.TargetNode;
        var attribute = context.Attributes[0];

        var args = attribute.ConstructorArguments;
        string tableName = args.Length > 0 ? args[0].Value as string ?? symbol.Name : symbol.Name;
        var input = args.Length > 1 ? args[1].Value as ITypeSymbol : null;
        int order = 0;
        string keyFields = "", records = "All", joinOn = "";
        ITypeSymbol? join = null;
        bool hasJoin = false;
        foreach (var named in attribute.NamedArguments)
        {
            switch (named.Key)
            {
                case "Order" when named.Value.Value is int o: order = o; break;
                case "KeyFields" when named.Value.Value is string k: keyFields = k; break;
                case "Records": records = Symbols.EnumMemberName(named.Value); break;
                case "Join": hasJoin = true; join = named.Value.Value as ITypeSymbol; break;
                case "JoinOn" when named.Value.Value is string on: joinOn = on; break;
            }
        }

        var reads = (hasJoin ? new[] { input, join } : new[] { input })
            .Select(type => new DeclaredRead(
                type is null ? "" : Symbols.QualifiedName(type),
                type?.ToDisplayString() ?? "nothing",
                type is INamedTypeSymbol named && Symbols.HasAttribute(named, Symbols.InputAttribute)))
            .ToImmutableArray();

        var compilation = context.SemanticModel.Compilation;
        var standard = compilation.GetTypeByMetadataName(Symbols.StandardConversions);
        var columns = ImmutableArray.CreateBuilder<DeclaredColumn>();
        foreach (var columnAttribute in symbol.GetAttributes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (columnAttribute.AttributeClass?.ToDisplayString() == Symbols.ColumnAttribute)
            {
                columns.Add(ReadColumn(columnAttribute, compilation, symbol, standard, cancellationToken));
            }
        }

        return new DeclaredTable(
            Symbols.NamespaceOf(symbol),
            symbol.Name,
            tableName,
            Symbols.IsExtendable(syntax, symbol),
            LocationInfo.From(syntax.Identifier.GetLocation()),
            LocationInfo.From(attribute.ApplicationSyntaxReference, cancellationToken),
            new EquatableArray<DeclaredRead>(reads),
            records,
            joinOn,
            order,
            Symbols.SplitList(keyFields),
            new EquatableArray<DeclaredColumn>(columns.ToImmutable()));
    }

    private static DeclaredColumn ReadColumn(
        AttributeData attribute, Compilation compilation, INamedTypeSymbol table, INamedTypeSymbol? standard, CancellationToken cancellationToken)
    {
        var args = attribute.ConstructorArguments;
        string name = args.Length > 0 ? args[0].Value as string ?? "" : "";
        int sqlType = args.Length > 1 && args[1].Value is int t ? t : 0;
        string typeName = args.Length > 1 ? Symbols.EnumMemberName(args[1]) : "";
        int size = args.Length > 2 && args[2].Value is int z ? z : 0;
        bool nullable = false, primaryKey = false, index = false;
        string from = "", convert = "Text", role = "None", references = "", finding = "";
        foreach (var named in attribute.NamedArguments)
        {
            switch (named.Key)
            {
                case "Nullable": nullable = named.Value.Value is true; break;
                case "PrimaryKey": primaryKey = named.Value.Value is true; break;
                case "Index": index = named.Value.Value is true; break;
                case "From": from = named.Value.Value as string ?? ""; break;
                case "Convert": convert = named.Value.Value as string ?? ""; break;
                case "Role": role = Symbols.EnumMemberName(named.Value); break;
                case "References": references = named.Value.Value as string ?? ""; break;
                case "Finding": finding = named.Value.Value as string ?? ""; break;
            }
        }

        var fields = Symbols.SplitList(from);
        var conversion = FindConversion(compilation, table, standard, convert, fields.Count, out bool anyNamed);
        return new DeclaredColumn(
            LocationInfo.From(attribute.ApplicationSyntaxReference, cancellationToken),
            name, sqlType, typeName, size, nullable, primaryKey, index, fields, convert,
            role.Length == 0 ? "None" : role, references, finding,
            conversion is not null ? ConversionMatch.Found : anyNamed ? ConversionMatch.WrongSignature : ConversionMatch.NoneNamed,
            conversion is null ? "" : Symbols.QualifiedName(conversion.ContainingType),
            conversion?.ContainingType.Name ?? "",
            conversion?.Name ?? "",
            conversion is null ? "" : Summary(conversion));
    }

    // The conversion's [Description("…")], which `describe` prints; empty when it has none.
    private static string Summary(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == "System.ComponentModel.DescriptionAttribute"
                && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string text)
            {
                return text;
            }
        }

        return "";
    }

    // The table class first, then ValueConversions: the first type with a method of that name decides.
    private static IMethodSymbol? FindConversion(Compilation compilation, INamedTypeSymbol table, INamedTypeSymbol? standard, string name, int fieldCount, out bool anyNamed)
    {
        anyNamed = false;
        foreach (var type in new[] { table, standard })
        {
            if (type is null)
            {
                continue;
            }

            foreach (var method in type.GetMembers(name).OfType<IMethodSymbol>())
            {
                anyNamed = true;
                if (IsConversion(compilation, table, method, fieldCount))
                {
                    return method;
                }
            }

            if (anyNamed)
            {
                return null;
            }
        }

        return null;
    }

    private static bool IsConversion(Compilation compilation, INamedTypeSymbol table, IMethodSymbol method, int fieldCount)
    {
        // The generated WriteRow is a member of the table class, so what matters is access from there:
        // a private conversion on the table class is fine, an internal one in another assembly is not.
        if (!method.IsStatic || !method.ReturnsVoid || method.IsGenericMethod
            || !compilation.IsSymbolAccessibleWithin(method, table)
            || method.Parameters.Length != fieldCount + 1)
        {
            return false;
        }

        if (method.Parameters[0].Type.ToDisplayString() != Symbols.CellWriterType || method.Parameters[0].RefKind != RefKind.None)
        {
            return false;
        }

        for (int i = 1; i < method.Parameters.Length; i++)
        {
            if (method.Parameters[i].Type.ToDisplayString() != Symbols.FieldValueType || method.Parameters[i].RefKind != RefKind.None)
            {
                return false;
            }
        }

        return true;
    }
}
