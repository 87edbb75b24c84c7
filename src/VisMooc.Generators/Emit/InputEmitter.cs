using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using VisMooc.Generators.Model;

namespace VisMooc.Generators.Emit;

/// <summary>Emits each input's <c>Descriptor</c> and the <c>GeneratedSources</c> registry from input specs.</summary>
internal static class InputEmitter
{
    private const string Schema = "global::VisMooc.Modules.Schema";

    public static string HintName(InputSpec input) =>
        (input.Namespace.Length > 0 ? input.Namespace + "." : "") + input.ClassName + ".g.cs";

    public static string EmitInput(InputSpec input)
    {
        var w = SourceWriter.File(input.Namespace);
        w.Line($"/// <summary>Generated from the declaration of input <c>{input.Name}</c>.</summary>");
        w.Open($"partial class {input.ClassName}");
        w.Block($$"""
            /// <summary>The input's declaration as data.</summary>
            {{Generated.Attribute}}
            public static {{Schema}}.InputDescriptor Descriptor { get; } = new(
                {{Literal(input.Name)}}, {{Literal(input.Token)}}, {{Literal(input.Extension)}},
                {{Schema}}.InputFormat.{{input.Format}}, {{Schema}}.InputScope.{{input.Scope}}, {{Literal(input.Description)}}){{RawFields(input)}};
            """);
        w.Close();
        return w.ToString();
    }

    public static string EmitRegistry(ImmutableArray<InputSpec> inputs)
    {
        var w = SourceWriter.File("VisMooc.Generated");
        w.Block($$"""
            /// <summary>Every edX input declared in this assembly.</summary>
            {{Generated.Attribute}}
            """);
        w.Open("public static class GeneratedSources");
        w.Block($$"""
            /// <summary>The inputs, by name.</summary>
            public static global::System.Collections.Generic.IReadOnlyList<{{Schema}}.InputDescriptor> All { get; } = new {{Schema}}.InputDescriptor[]
            {
            {{string.Join("\n", Ordered(inputs).Select(i => $"    global::{(i.Namespace.Length > 0 ? i.Namespace + "." : "")}{i.ClassName}.Descriptor,"))}}
            };
            """);
        w.Close();
        return w.ToString();
    }

    public static List<InputSpec> Ordered(IEnumerable<InputSpec> inputs) =>
        inputs.OrderBy(i => i.Name, System.StringComparer.Ordinal).ThenBy(i => i.ClassName, System.StringComparer.Ordinal).ToList();

    // Only an input that declares raw fields gets an initializer, so the others read as before.
    private static string RawFields(InputSpec input)
    {
        if (input.RawFields.Count == 0)
        {
            return "";
        }

        var fields = input.RawFields.Select(f =>
            $"        new({Literal(f.Name)}, {Schema}.RawShape.{(f.Personal ? "None" : f.Keep)}, Personal: {(f.Personal ? "true" : "false")}),");
        return "\n{\n    RawFields = new " + Schema + ".RawFieldInfo[]\n    {\n" + string.Join("\n", fields) + "\n    },\n}";
    }

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
}
