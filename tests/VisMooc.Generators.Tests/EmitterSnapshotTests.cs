using System.Collections.Immutable;
using VisMooc.Generators.Emit;
using VisMooc.Generators.Model;
using VisMooc.Tests.Shared;

namespace VisMooc.Generators.Tests;

/// <summary>The emitter driven by a hand-built model, without Roslyn: fast, and pins emitter changes on their own.</summary>
public sealed class EmitterSnapshotTests
{
    private const string Conversions = "global::VisMooc.Modules.Conversions.ValueConversions";

    private static readonly TableSpec s_pets = new(
        Namespace: "Sample.Tables",
        ClassName: "Pets",
        TableName: "pets",
        InputType: "global::VisMooc.Modules.Inputs.ForumInput",
        Records: "All",
        JoinType: "",
        JoinOn: "",
        Order: 3,
        KeyFields: Strings("id"),
        Columns: new EquatableArray<ColumnSpec>(
        [
            new ColumnSpec("_id", 1, "Varchar", 64, Nullable: false, PrimaryKey: true, Strings("id"), Conversions, "ValueConversions", "StableId", "H(value) in decimal"),
            new ColumnSpec("born", 2, "Datetime", 0, Nullable: true, PrimaryKey: false, Strings("born"), Conversions, "ValueConversions", "DateTimeUtc", "UTC datetime"),
        ]));

    [Fact]
    public void TwoColumnTable() => Snapshot.Verify(TableEmitter.EmitTable(s_pets), "cs");

    [Fact]
    public void TwoColumnTableRegistry() => Snapshot.Verify(TableEmitter.EmitRegistry([s_pets]), "cs");

    [Fact]
    public void HintNameIsTheQualifiedClassName() =>
        Assert.Equal("Sample.Tables.Pets.g.cs", TableEmitter.HintName(s_pets));

    [Fact]
    public void SqlOfTwoColumnTable() =>
        Snapshot.Verify(SqlEmitter.MySqlCreate(s_pets) + "\n\n" + SqlEmitter.MySqlLoadHead(s_pets) + "\n" + SqlEmitter.SqliteCreate(s_pets), "sql");

    [Fact]
    public void InputWithRawFields() => Snapshot.Verify(InputEmitter.EmitInput(new InputSpec(
        "Sample.Inputs", "PetsInput", "pets_file", "pets_file", ".sql", "EdxTsv", "Course", "",
        new EquatableArray<RawFieldSpec>([new("id", Personal: false, Keep: "Id"), new("owner_email", Personal: true, Keep: "None")]))), "cs");

    private static EquatableArray<string> Strings(params string[] items) => new(ImmutableArray.Create(items));
}
