using VisMooc.Modules.Values;

namespace VisMooc.Modules.Schema;

/// <summary>
/// One input record as a table's conversions see it: field <c>k</c> is the table's k-th source
/// field (<see cref="TableInfo.SourceFields"/>), already bound by the reader.
/// </summary>
public interface IRowSource
{
    /// <summary>The value of the table's k-th source field for the current record.</summary>
    FieldValue Get(int sourceField);
}
