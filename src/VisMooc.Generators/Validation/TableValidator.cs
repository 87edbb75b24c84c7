using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using VisMooc.Generators.Model;

namespace VisMooc.Generators.Validation;

/// <summary>
/// Checks table declarations and turns a valid one into a <see cref="TableSpec"/>. Pure functions of the
/// declarations; each diagnostic is located at the attribute or class it is about.
/// </summary>
internal static class TableValidator
{
    public static ValidatedTable Validate(DeclaredTable table, System.Threading.CancellationToken cancellationToken = default)
    {
        var diagnostics = new List<DiagnosticInfo>();
        string tableName = table.TableName;
        if (!table.Extendable)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotPartial, table.Identifier, table.ClassName));
        }

        // The input (and a joined one) must be a declared [EdxInput] class: the emitter refers to its generated Descriptor.
        foreach (var read in table.Reads.Where(r => !r.IsInput))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownSource, table.Attribute, tableName, read.Display));
        }

        if (table.Records.Length == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.UnknownSource, table.Attribute, tableName, "records that VisMooc.Modules.Schema.InputRecords does not name"));
        }

        var columns = new List<ColumnSpec>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        string? primaryKey = null;
        foreach (var column in table.Columns)
        {
            if (!seen.Add(column.Name))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateColumn, column.Location, tableName, column.Name));
                continue;
            }

            if (column.PrimaryKey)
            {
                if (primaryKey is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MultiplePrimaryKeys, column.Location, tableName, primaryKey, column.Name));
                }
                else
                {
                    primaryKey = column.Name;
                }
            }

            if (SqlTypeProblem(column, tableName) is { } problem)
            {
                diagnostics.Add(problem);
            }

            if (column.Conversion != ConversionMatch.Found)
            {
                diagnostics.Add(ConversionProblem(column, table));
                continue;
            }

            columns.Add(new ColumnSpec(
                column.Name, column.SqlType, column.SqlTypeName, column.Size, column.Nullable, column.PrimaryKey, column.From,
                column.ConversionType, column.ConversionTypeShortName, column.ConversionMethod, column.ConversionSummary,
                column.Index, column.Role, column.References, column.Finding));
        }

        if (primaryKey is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoPrimaryKey, table.Identifier, tableName));
        }

        foreach (var key in table.KeyFields.Where(key => !columns.Any(c => c.From.Contains(key))))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownKeyField, table.Identifier, tableName, key));
        }

        var found = new EquatableArray<DiagnosticInfo>(diagnostics.ToImmutableArray());
        if (diagnostics.Count > 0)
        {
            return new ValidatedTable(null, null, found);
        }

        var spec = new TableSpec(
            table.Namespace,
            table.ClassName,
            tableName,
            table.Reads[0].TypeName,
            table.Records,
            table.Reads.Count > 1 ? table.Reads[1].TypeName : "",
            table.JoinOn,
            table.Order,
            table.KeyFields,
            new EquatableArray<ColumnSpec>(columns.ToImmutableArray()));
        return new ValidatedTable(spec, new TableSite(tableName, table.ClassName, table.Identifier), found);
    }

    /// <summary>A table name declared by more than one class, reported at every declaration after the first (by file and position).</summary>
    public static IEnumerable<DiagnosticInfo> DuplicateNames(ImmutableArray<TableSite> sites)
    {
        foreach (var group in sites.GroupBy(s => s.TableName).Where(g => g.Count() > 1))
        {
            string classes = string.Join(", ", group.Select(s => s.ClassName).OrderBy(n => n, System.StringComparer.Ordinal));
            var byPosition = group
                .OrderBy(s => s.Identifier?.FilePath ?? "", System.StringComparer.Ordinal)
                .ThenBy(s => s.Identifier?.Span.Start ?? 0);
            foreach (var duplicate in byPosition.Skip(1))
            {
                yield return DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateTable, duplicate.Identifier, group.Key, classes);
            }
        }
    }

    private static DiagnosticInfo? SqlTypeProblem(DeclaredColumn column, string tableName)
    {
        string size = column.Size.ToString(CultureInfo.InvariantCulture);
        return column.SqlTypeName switch
        {
            "" => DiagnosticInfo.Create(
                DiagnosticDescriptors.UnknownSqlType, column.Location, column.Name, tableName, column.SqlType.ToString(CultureInfo.InvariantCulture)),
            "Varchar" when column.Size <= 0 => DiagnosticInfo.Create(
                DiagnosticDescriptors.UnsizedSqlType, column.Location, column.Name, tableName, column.SqlTypeName),
            not "Varchar" when column.Size != 0 => DiagnosticInfo.Create(
                DiagnosticDescriptors.SizeNotAllowed, column.Location, column.Name, tableName, column.SqlTypeName, size),
            _ => null,
        };
    }

    private static DiagnosticInfo ConversionProblem(DeclaredColumn column, DeclaredTable table)
    {
        if (column.Conversion == ConversionMatch.NoneNamed)
        {
            return DiagnosticInfo.Create(DiagnosticDescriptors.ConversionNotFound, column.Location, column.Name, table.TableName, column.Convert, table.ClassName);
        }

        string expected = "CellWriter cell" + string.Concat(Enumerable.Range(0, column.From.Count).Select(i => ", FieldValue f" + i));
        return DiagnosticInfo.Create(
            DiagnosticDescriptors.ConversionWrongSignature, column.Location, column.Convert, column.Name, table.TableName, expected,
            column.From.Count.ToString(CultureInfo.InvariantCulture));
    }
}
