using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace VisMooc.Generators.Model;

/// <summary>Where something is declared, as equatable data (a <see cref="Location"/> holds its syntax tree, so it cannot be cached).</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(Location? location) =>
        location?.SourceTree is null ? null : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);

    public static LocationInfo? From(SyntaxReference? reference, System.Threading.CancellationToken cancellationToken) =>
        reference is null ? null : From(reference.GetSyntax(cancellationToken).GetLocation());

    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}
