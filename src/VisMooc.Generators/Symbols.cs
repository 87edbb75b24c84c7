using System.Linq;
using Microsoft.CodeAnalysis;

namespace VisMooc.Generators;

/// <summary>Small readings of attribute data that the parsers share.</summary>
internal static class Symbols
{
    /// <summary>
    /// The name of the enum member an attribute argument holds, read from the enum's own members (so no
    /// list here can drift from it); empty when the value names no member (e.g. <c>(SqlType)99</c>).
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
}
