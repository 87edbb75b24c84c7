using VisMooc.Modules.Output;

namespace VisMooc.Modules.Schema;

/// <summary>Implemented by the source generator on every <see cref="VisMoocTableAttribute"/> class.</summary>
public interface IVisMoocTable
{
    /// <summary>The table's declaration as data.</summary>
    static abstract TableInfo Info { get; }

    /// <summary>Writes one CSV row from <paramref name="row"/> through the declared conversions.</summary>
    static abstract void WriteRow(IRowSource row, CellWriter writer);

    /// <summary>Checks the values of <paramref name="row"/> for the writer's <see cref="CellWriter.CheckedColumns"/> alone, as <see cref="WriteRow"/> would, writing nothing.</summary>
    static abstract void CheckRow(IRowSource row, CellWriter writer);
}
