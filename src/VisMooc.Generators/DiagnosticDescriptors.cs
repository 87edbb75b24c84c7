using Microsoft.CodeAnalysis;

namespace VisMooc.Generators;

/// <summary>Every diagnostic the table generator reports, in one place.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "VisMooc.Schema";

    public static readonly DiagnosticDescriptor NotPartial = new(
        "VMG001", "Table declaration must be a top-level partial class",
        "Table class '{0}' must be a 'partial' class that is not nested, generic, static or a record, so the generator can add its map, writer and SQL",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateColumn = new(
        "VMG002", "Duplicate column name",
        "Table '{0}' declares column '{1}' more than once",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NoPrimaryKey = new(
        "VMG003", "Table has no primary key",
        "Table '{0}' has no column with PrimaryKey = true, and every vismooc table needs one",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnknownSqlType = new(
        "VMG004", "Unknown SQL type",
        "Column '{0}' of table '{1}' has unknown SQL type value {2}, use a member of VisMooc.Modules.Schema.SqlType",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsizedSqlType = new(
        "VMG005", "SQL type needs a size",
        "Column '{0}' of table '{1}' is {2} but has no size, give one as in [Column(\"{0}\", SqlType.{2}, 255)]",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ConversionNotFound = new(
        "VMG006", "Conversion method not found",
        "Column '{0}' of table '{1}' names conversion '{2}', but neither '{3}' nor ValueConversions has a method of that name",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ConversionWrongSignature = new(
        "VMG007", "Conversion method has the wrong signature",
        "Conversion '{0}' for column '{1}' of table '{2}' must be a 'static void {0}({3})' that the table class can call, to take its {4} source field(s)",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MultiplePrimaryKeys = new(
        "VMG008", "More than one primary key",
        "Table '{0}' marks both '{1}' and '{2}' as PrimaryKey, declare exactly one",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnknownKeyField = new(
        "VMG009", "Key field is not a source field",
        "Table '{0}' lists key field '{1}', but no column reads it (From = ...)",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SizeNotAllowed = new(
        "VMG010", "SQL type takes no size",
        "Column '{0}' of table '{1}' is {2}, which takes no size, so remove the size {3}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateTable = new(
        "VMG011", "Duplicate table name",
        "Table name '{0}' is declared by more than one class ({1})",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnknownSource = new(
        "VMG012", "Unknown edX input",
        "Table '{0}' reads {1}, which is not a class declared with [EdxInput] (VisMooc.Modules.Schema.EdxInputAttribute)",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidInput = new(
        "VMG013", "Invalid edX input declaration",
        "Input '{0}' {1}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidRawField = new(
        "VMG014", "Invalid raw field declaration",
        "Input '{0}' raw field '{1}' {2}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
