namespace VisMooc.Generators.Model;

/// <summary>One declared table, as plain equatable data: no symbols, syntax or locations.</summary>
internal sealed record TableModel(
    string Namespace,
    string ClassName,
    string TableName,
    int Source,
    string SourceName,
    int Order,
    EquatableArray<string> KeyFields,
    EquatableArray<ColumnModel> Columns);
