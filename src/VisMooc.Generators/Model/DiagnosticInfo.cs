using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace VisMooc.Generators.Model;

/// <summary>A diagnostic with an equatable location, so it can travel through cached pipeline steps.</summary>
internal sealed record DiagnosticInfo(
    DiagnosticDescriptor Descriptor,
    string? FilePath,
    TextSpan Span,
    LinePositionSpan LineSpan,
    EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] arguments)
    {
        var lineSpan = location?.GetLineSpan();
        return new DiagnosticInfo(
            descriptor,
            location?.SourceTree?.FilePath,
            location?.SourceSpan ?? default,
            lineSpan?.Span ?? default,
            new EquatableArray<string>(System.Collections.Immutable.ImmutableArray.Create(arguments)));
    }

    public Diagnostic ToDiagnostic()
    {
        var location = FilePath is null ? Location.None : Location.Create(FilePath, Span, LineSpan);
        object[] args = new object[Arguments.Count];
        for (int i = 0; i < args.Length; i++)
        {
            args[i] = Arguments[i];
        }

        return Diagnostic.Create(Descriptor, location, args);
    }
}
