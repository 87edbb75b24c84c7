namespace VisMooc.Generators.Model;

/// <summary>One valid column of a <see cref="TableSpec"/>, its conversion resolved.</summary>
internal sealed record ColumnSpec(
    string Name,
    int SqlType,
    string SqlTypeName,
    int Size,
    bool Nullable,
    bool PrimaryKey,
    EquatableArray<string> From,
    string ConversionType,
    string ConversionTypeShortName,
    string ConversionMethod,
    string ConversionSummary,
    bool Index = false,
    string Role = "None",
    string References = "",
    string Finding = "");
