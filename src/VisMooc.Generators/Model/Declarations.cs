namespace VisMooc.Generators.Model;

// What the readers take from the attributes, as equatable data with the locations to report at. Nothing
// here is checked yet: the validators turn a declaration into a spec and diagnostics.

/// <summary>One <c>[VisMoocTable]</c> class as declared.</summary>
/// <param name="Extendable">Whether the class is a top-level, non-generic, non-static partial class the emitter can add to.</param>
/// <param name="Identifier">The class name's location.</param>
/// <param name="Attribute">The <c>[VisMoocTable]</c> attribute's location.</param>
/// <param name="Reads">The input, then the joined input when <c>Join</c> is set.</param>
/// <param name="Records">The <c>InputRecords</c> member name; empty when the value names none.</param>
internal sealed record DeclaredTable(
    string Namespace,
    string ClassName,
    string TableName,
    bool Extendable,
    LocationInfo? Identifier,
    LocationInfo? Attribute,
    EquatableArray<DeclaredRead> Reads,
    string Records,
    string JoinOn,
    int Order,
    EquatableArray<string> KeyFields,
    EquatableArray<DeclaredColumn> Columns);

/// <summary>A type a table reads: its qualified name, how to name it in a message, and whether it is an <c>[EdxInput]</c> class.</summary>
internal sealed record DeclaredRead(string TypeName, string Display, bool IsInput);

/// <summary>How a column's conversion name resolved.</summary>
internal enum ConversionMatch
{
    Found,
    NoneNamed,
    WrongSignature,
}

/// <summary>One <c>[Column]</c> as declared, with what its conversion name resolved to.</summary>
/// <param name="SqlTypeName">The <c>SqlType</c> member name; empty when the value names none.</param>
internal sealed record DeclaredColumn(
    LocationInfo? Location,
    string Name,
    int SqlType,
    string SqlTypeName,
    int Size,
    bool Nullable,
    bool PrimaryKey,
    bool Index,
    EquatableArray<string> From,
    string Convert,
    string Role,
    string References,
    string Finding,
    ConversionMatch Conversion,
    string ConversionType,
    string ConversionTypeShortName,
    string ConversionMethod,
    string ConversionSummary);

/// <summary>One <c>[EdxInput]</c> class as declared.</summary>
/// <param name="Format">The <c>InputFormat</c> member name; empty when unset or naming none.</param>
/// <param name="Scope">The <c>InputScope</c> member name; empty when the value names none.</param>
internal sealed record DeclaredInput(
    string Namespace,
    string ClassName,
    bool Extendable,
    LocationInfo? Identifier,
    LocationInfo? Attribute,
    string Name,
    string Token,
    string Extension,
    string Format,
    string Scope,
    string Description,
    EquatableArray<DeclaredRawField> RawFields);

/// <summary>One <c>[RawField]</c> on an input as declared.</summary>
/// <param name="Keep">The <c>RawShape</c> member name; <c>None</c> when unset, empty when the value names no member.</param>
internal sealed record DeclaredRawField(LocationInfo? Location, string Name, bool Personal, string Keep);

/// <summary>A valid table's name and where its class is declared, to report a name declared twice (VMG011).</summary>
internal sealed record TableSite(string TableName, string ClassName, LocationInfo? Identifier);
