using VisMooc.Modules.Output;

namespace VisMooc.Modules.Schema;

/// <summary>Implemented by the source generator on every <see cref="VisMoocTableAttribute"/> class.</summary>
public interface IVisMoocTable
{
    /// <summary>The table's declaration as data.</summary>
    static abstract TableInfo Info { get; }

    /// <summary>Writes one CSV row from <paramref name="row"/> through the declared conversions.</summary>
    static abstract void WriteRow(IRowSource row, CellWriter writer);
}
