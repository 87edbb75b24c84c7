using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace VisMooc.Generators.Model;

/// <summary>
/// Where a table is declared, kept apart from its <see cref="TableModel"/> so that a declaration that only
/// moves (an edit above it) does not regenerate its code; used to report a duplicate table name at its declaration.
/// </summary>
internal sealed record TableDeclaration(string TableName, string ClassName, string? FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static TableDeclaration Create(string tableName, string className, Location location) =>
        new(tableName, className, location.SourceTree?.FilePath, location.SourceSpan, location.GetLineSpan().Span);

    public Location ToLocation() => FilePath is null ? Location.None : Location.Create(FilePath, Span, LineSpan);
}
