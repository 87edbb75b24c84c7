namespace VisMooc.Generators.Model;

/// <summary>One declared column, as plain equatable data.</summary>
internal sealed record ColumnModel(
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
    bool Index = false);
