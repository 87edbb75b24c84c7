using VisMooc.Tests.Shared;

namespace VisMooc.Generators.Tests;

/// <summary>
/// Snapshots of what the generator makes of the real declarations: one file per table and the registry. The two
/// SQL scripts have one snapshot each, the committed schema/*.sql (<see cref="SchemaFileTests"/>).
/// </summary>
public sealed class GeneratorSnapshotTests
{
    public static TheoryData<string> RealTableNames() => new(RealTables.HintsByTable.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void RealDeclarationsGenerateOneCompilingSourcePerFile()
    {
        Assert.Empty(RealTables.Run.Diagnostics);
        Assert.Empty(RealTables.Run.OutputErrors);
        Assert.Equal(RepoFiles.TableDeclarations().Count, RealTables.HintsByTable.Count);
    }

    [Theory]
    [MemberData(nameof(RealTableNames))]
    public void RealTable(string table) =>
        Snapshot.Verify(RealTables.Run.Source(RealTables.HintsByTable[table]), "cs", table);

    [Fact]
    public void Registry() =>
        Snapshot.Verify(RealTables.Run.Source(RealTables.RegistryHint), "cs", "GeneratedTables");
}
