using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using VisMooc.Generators.Model;

namespace VisMooc.Generators;

/// <summary>Emits each input's <c>Descriptor</c> and the <c>GeneratedSources</c> registry from input models.</summary>
internal static class InputEmitter
{
    private const string Schema = "global::VisMooc.Modules.Schema";

    public static string HintName(InputModel input) =>
        (input.Namespace.Length > 0 ? input.Namespace + "." : "") + input.ClassName + ".g.cs";

    public static string EmitInput(InputModel input)
    {
        var w = SourceWriter.File(input.Namespace);

        w.Line("/// <summary>Generated from the declaration of input <c>" + input.Name + "</c>.</summary>");
        w.Open("partial class " + input.ClassName);
        w.Line("/// <summary>The input's declaration as data.</summary>");
        w.Line(Generated.Attribute);
        w.Line("public static " + Schema + ".InputDescriptor Descriptor { get; } = new(");
        w.Line("    " + Literal(input.Name) + ", " + Literal(input.Token) + ", " + Literal(input.Extension) + ",");
        w.Line("    " + Schema + ".InputFormat." + input.Format + ", " + Schema + ".InputScope." + input.Scope + ", " + Literal(input.Description) + ");");
        w.Close();
        return w.ToString();
    }

    public static string EmitRegistry(ImmutableArray<InputModel> inputs)
    {
        var w = SourceWriter.File("VisMooc.Generated");
        w.Line("/// <summary>Every edX input declared in this assembly.</summary>");
        w.Line(Generated.Attribute);
        w.Open("public static class GeneratedSources");
        w.Line("/// <summary>The inputs, by name.</summary>");
        w.Line("public static global::System.Collections.Generic.IReadOnlyList<" + Schema + ".InputDescriptor> All { get; } = new " + Schema + ".InputDescriptor[]");
        w.Line("{");
        foreach (var input in Ordered(inputs))
        {
            w.Line("    global::" + (input.Namespace.Length > 0 ? input.Namespace + "." : "") + input.ClassName + ".Descriptor,");
        }

        w.Line("};");
        w.Close();
        return w.ToString();
    }

    public static List<InputModel> Ordered(IEnumerable<InputModel> inputs) =>
        inputs.OrderBy(i => i.Name, System.StringComparer.Ordinal).ThenBy(i => i.ClassName, System.StringComparer.Ordinal).ToList();

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
}
