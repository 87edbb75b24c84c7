using System.Text;
using VisMooc.Modules.Schema;
using VisMooc.Modules.Values;

namespace VisMooc.Benchmarks;

/// <summary>A row source with fixed text values, one per source field, for the row-writer benchmarks.</summary>
internal sealed class FixedRow(params string[] values) : IRowSource
{
    private readonly byte[][] _values = values.Select(Encoding.UTF8.GetBytes).ToArray();

    public FieldValue Get(int sourceField) => FieldValue.Text(_values[sourceField]);
}
