namespace VisMooc.Generators.Model;

/// <summary>One declared table, as plain equatable data: no symbols, syntax or locations.</summary>
internal sealed record TableModel(
    string Namespace,
    string ClassName,
    string TableName,
    string InputType,
    string Records,
    string JoinType,
    string JoinOn,
    int Order,
    EquatableArray<string> KeyFields,
    EquatableArray<ColumnModel> Columns);
