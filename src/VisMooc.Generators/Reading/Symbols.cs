using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using VisMooc.Generators.Model;

namespace VisMooc.Generators.Reading;

/// <summary>The metadata names the readers look for, and small readings of symbols and attribute data they share.</summary>
internal static class Symbols
{
    public const string TableAttribute = "VisMooc.Modules.Schema.VisMoocTableAttribute";
    public const string ColumnAttribute = "VisMooc.Modules.Schema.ColumnAttribute";
    public const string InputAttribute = "VisMooc.Modules.Schema.EdxInputAttribute";
    public const string RawFieldAttribute = "VisMooc.Modules.Schema.RawFieldAttribute";
    public const string StandardConversions = "VisMooc.Modules.Conversions.ValueConversions";
    public const string CellWriterType = "VisMooc.Modules.Output.CellWriter";
    public const string FieldValueType = "VisMooc.Modules.Values.FieldValue";

    /// <summary>
    /// The name of the enum member an attribute argument holds, read from the enum's own members (so no
    /// list here can drift from it); empty when the value names no member (e.g. <c>(SqlType)99</c>) or names <c>None</c>.
    /// </summary>
    public static string EnumMemberName(TypedConstant constant)
    {
        if (constant.Type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } type || constant.Value is null)
        {
            return "";
        }

        return type.GetMembers().OfType<IFieldSymbol>()
            .FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, constant.Value) && f.Name != "None")?.Name ?? "";
    }

    /// <summary>
    /// Whether the emitter can add members to the class: it writes <c>partial class Name</c> at namespace level,
    /// so any other shape (a record, nested, generic, static, not partial) would not merge with the declaration.
    /// </summary>
    public static bool IsExtendable(TypeDeclarationSyntax syntax, INamedTypeSymbol symbol) =>
        syntax is ClassDeclarationSyntax && syntax.Modifiers.Any(SyntaxKind.PartialKeyword)
        && symbol.ContainingType is null && !symbol.IsGenericType && !symbol.IsStatic;

    public static bool HasAttribute(INamedTypeSymbol type, string attribute) =>
        type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == attribute);

    public static string NamespaceOf(INamedTypeSymbol symbol) =>
        symbol.ContainingNamespace.IsGlobalNamespace ? "" : symbol.ContainingNamespace.ToDisplayString();

    /// <summary>The type's name as generated code writes it: <c>global::Namespace.Type</c>.</summary>
    public static string QualifiedName(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    /// <summary>The items of a comma-separated list, trimmed, empty ones left out.</summary>
    public static EquatableArray<string> SplitList(string text) =>
        new(text.Split(',').Select(f => f.Trim()).Where(f => f.Length > 0).ToImmutableArray());
}
