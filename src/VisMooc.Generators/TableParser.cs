using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using VisMooc.Generators.Model;

namespace VisMooc.Generators;

/// <summary>Turns one attributed class into a <see cref="TableModel"/>; the only place that touches Roslyn semantics.</summary>
internal static class TableParser
{
    public const string TableAttribute = "VisMooc.Modules.Schema.VisMoocTableAttribute";
    public const string ColumnAttribute = "VisMooc.Modules.Schema.ColumnAttribute";
    public const string StandardConversions = "VisMooc.Modules.Conversions.ValueConversions";
    public const string CellWriterType = "VisMooc.Modules.Output.CellWriter";
    public const string FieldValueType = "VisMooc.Modules.Values.FieldValue";

    // Keep in step with VisMooc.Modules.Schema.SqlType.
    private static readonly string[] s_sqlTypeNames = { "", "Varchar", "Datetime", "TinyInt", "Int", "BigInt", "MediumText", "LongText", "Text", "DateTime6", "Double" };
    private static readonly string[] s_sourceNames =
    {
        "", "CourseStructureRoot", "CourseStructureVideos", "AuthUserWithProfile", "StudentCourseEnrollment",
        "CertificatesGeneratedCertificate", "Forum", "AuthUser", "AuthUserProfile", "TrackingLog",
    };

    public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var symbol = (INamedTypeSymbol)context.TargetSymbol;
        var syntax = (TypeDeclarationSyntax)context.TargetNode;
        var attribute = context.Attributes[0];

        string tableName = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string ?? symbol.Name : symbol.Name;
        int source = attribute.ConstructorArguments.Length > 1 && attribute.ConstructorArguments[1].Value is int s ? s : 0;
        int order = 0;
        string keyFieldsText = "";
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == "Order" && named.Value.Value is int o)
            {
                order = o;
            }
            else if (named.Key == "KeyFields" && named.Value.Value is string k)
            {
                keyFieldsText = k;
            }
        }

        // The emitter writes 'partial class Name' at namespace level: any other shape would not merge with the declaration.
        if (syntax is not ClassDeclarationSyntax || !syntax.Modifiers.Any(SyntaxKind.PartialKeyword)
            || symbol.ContainingType is not null || symbol.IsGenericType || symbol.IsStatic)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotPartial, syntax.Identifier.GetLocation(), symbol.Name));
        }

        // Without this the emitter would write 'EdxSource.' with no member name: a syntax error in generated code.
        if (source <= 0 || source >= s_sourceNames.Length)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.UnknownSource, attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation(),
                tableName, source.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var compilation = context.SemanticModel.Compilation;
        var standard = compilation.GetTypeByMetadataName(StandardConversions);
        var columns = new List<ColumnModel>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        string? primaryKey = null;

        foreach (var columnAttribute in symbol.GetAttributes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (columnAttribute.AttributeClass?.ToDisplayString() != ColumnAttribute)
            {
                continue;
            }

            var location = columnAttribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();
            var args = columnAttribute.ConstructorArguments;
            string name = args.Length > 0 ? args[0].Value as string ?? "" : "";
            int sqlType = args.Length > 1 && args[1].Value is int t ? t : 0;
            int size = args.Length > 2 && args[2].Value is int z ? z : 0;
            bool nullable = false, isKey = false, index = false;
            string from = "", convert = "Text";
            foreach (var named in columnAttribute.NamedArguments)
            {
                switch (named.Key)
                {
                    case "Nullable": nullable = named.Value.Value is true; break;
                    case "PrimaryKey": isKey = named.Value.Value is true; break;
                    case "Index": index = named.Value.Value is true; break;
                    case "From": from = named.Value.Value as string ?? ""; break;
                    case "Convert": convert = named.Value.Value as string ?? ""; break;
                }
            }

            if (!seen.Add(name))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateColumn, location, tableName, name));
                continue;
            }

            if (isKey)
            {
                if (primaryKey is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MultiplePrimaryKeys, location, tableName, primaryKey, name));
                }
                else
                {
                    primaryKey = name;
                }
            }

            string typeName = sqlType > 0 && sqlType < s_sqlTypeNames.Length ? s_sqlTypeNames[sqlType] : "";
            if (typeName.Length == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownSqlType, location, name, tableName, sqlType.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            else if (typeName == "Varchar" && size <= 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsizedSqlType, location, name, tableName, typeName));
            }
            else if (typeName != "Varchar" && size != 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SizeNotAllowed, location, name, tableName, typeName, size.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            var fields = SplitList(from);
            var conversion = FindConversion(compilation, symbol, standard, convert, fields.Length, out bool anyNamed);
            if (conversion is null)
            {
                if (!anyNamed)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConversionNotFound, location, name, tableName, convert, symbol.Name));
                }
                else
                {
                    string expected = "CellWriter cell" + string.Concat(Enumerable.Range(0, fields.Length).Select(i => ", FieldValue f" + i));
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.ConversionWrongSignature, location, convert, name, tableName, expected,
                        fields.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }

                continue;
            }

            columns.Add(new ColumnModel(
                name, sqlType, typeName, size, nullable, isKey,
                new EquatableArray<string>(fields),
                conversion.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                conversion.ContainingType.Name,
                conversion.Name,
                Summary(conversion),
                index));
        }

        if (primaryKey is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoPrimaryKey, syntax.Identifier.GetLocation(), tableName));
        }

        var keyFields = SplitList(keyFieldsText);
        foreach (var key in keyFields)
        {
            if (!columns.Any(c => c.From.Contains(key)))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownKeyField, syntax.Identifier.GetLocation(), tableName, key));
            }
        }

        TableModel? model = diagnostics.Count > 0
            ? null
            : new TableModel(
                symbol.ContainingNamespace.IsGlobalNamespace ? "" : symbol.ContainingNamespace.ToDisplayString(),
                symbol.Name,
                tableName,
                source,
                s_sourceNames[source],
                order,
                new EquatableArray<string>(keyFields),
                new EquatableArray<ColumnModel>(columns.ToImmutableArray()));
        return new ParseResult(model, new EquatableArray<DiagnosticInfo>(diagnostics.ToImmutableArray()));
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

    private static ImmutableArray<string> SplitList(string text) =>
        text.Split(',').Select(f => f.Trim()).Where(f => f.Length > 0).ToImmutableArray();

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

        if (method.Parameters[0].Type.ToDisplayString() != CellWriterType || method.Parameters[0].RefKind != RefKind.None)
        {
            return false;
        }

        for (int i = 1; i < method.Parameters.Length; i++)
        {
            if (method.Parameters[i].Type.ToDisplayString() != FieldValueType || method.Parameters[i].RefKind != RefKind.None)
            {
                return false;
            }
        }

        return true;
    }
}
