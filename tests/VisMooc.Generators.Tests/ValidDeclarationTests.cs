namespace VisMooc.Generators.Tests;

/// <summary>Valid declarations generate code that compiles, calling the conversions the declaration names.</summary>
public sealed class ValidDeclarationTests
{
    private const string Usings = """
        using VisMooc.Modules.Inputs;
        using VisMooc.Modules.Output;
        using VisMooc.Modules.Schema;
        using VisMooc.Modules.Values;

        namespace Sample.Tables;

        """;

    [Fact]
    public void ValidDeclarationCompilesWithoutErrors()
    {
        var run = GeneratorRunner.Run(Usings + """
            [VisMoocTable("pets", typeof(ForumInput), Order = 2, KeyFields = "id")]
            [Column("_id", SqlType.Varchar, 255, PrimaryKey = true, From = "id", Convert = "StableId")]
            [Column("born", SqlType.Datetime, Nullable = true, From = "born", Convert = "DateTimeUtc")]
            [Column("legs", SqlType.TinyInt, From = "legs")]
            [Column("owner", SqlType.Varchar, 255, From = "owner.id, id", Convert = "ProfileIdOrUserKey")]
            [Column("notes", SqlType.LongText, Convert = "Empty")]
            public sealed partial class Pets;
            """);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.OutputErrors);
        Assert.Equal(["Sample.Tables.Pets.g.cs", "VisMooc.Generated.GeneratedTables.g.cs"], run.Sources.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("global::VisMooc.Modules.Conversions.ValueConversions.ProfileIdOrUserKey(writer, row.Get(3), row.Get(0));", run.Source("Sample.Tables.Pets.g.cs"));
    }

    [Fact]
    public void ConversionOnTheTableClassIsUsedBeforeValueConversions()
    {
        // "Text" also exists on ValueConversions; the declaring class comes first.
        var run = GeneratorRunner.Run(Usings + """
            [VisMoocTable("pets", typeof(ForumInput))]
            [Column("_id", SqlType.Varchar, 255, PrimaryKey = true, From = "id")]
            [Column("name", SqlType.Varchar, 40, From = "name", Convert = "Text")]
            public sealed partial class Pets
            {
                public static void Text(CellWriter cell, FieldValue value) => cell.WriteText(value.Utf8);
            }
            """);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.OutputErrors);
        string source = run.Source("Sample.Tables.Pets.g.cs");
        Assert.Contains("global::Sample.Tables.Pets.Text(writer, row.Get(0));", source);
        Assert.Contains("global::Sample.Tables.Pets.Text(writer, row.Get(1));", source);
        Assert.Contains("\"Pets.Text\"", source);
        Assert.DoesNotContain("ValueConversions", source);
    }

    [Fact]
    public void PrivateConversionOnTheTableClassIsAccepted()
    {
        // The generated WriteRow is a member of the class, so it can call private helpers; this used to be VMG007.
        var run = GeneratorRunner.Run(Usings + """
            [VisMoocTable("pets", typeof(ForumInput))]
            [Column("_id", SqlType.Varchar, 255, PrimaryKey = true, From = "id", Convert = "Shout")]
            public sealed partial class Pets
            {
                private static void Shout(CellWriter cell, FieldValue value) => cell.WriteText(value.Utf8);
            }
            """);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.OutputErrors);
        Assert.Contains("global::Sample.Tables.Pets.Shout(writer, row.Get(0));", run.Source("Sample.Tables.Pets.g.cs"));
    }

    public static TheoryData<string> DeclaredInputs() => new(typeof(VisMooc.Modules.Schema.EdxInputAttribute).Assembly.GetTypes()
        .Where(t => t.IsDefined(typeof(VisMooc.Modules.Schema.EdxInputAttribute), inherit: false)).Select(t => t.Name).Order(StringComparer.Ordinal));

    public static TheoryData<string> SqlTypes() => new(Enum.GetNames<VisMooc.Modules.Schema.SqlType>());

    [Theory]
    [MemberData(nameof(DeclaredInputs))]
    public void EveryDeclaredInputGeneratesCompilingCode(string input)
    {
        // A table may read any declared input; one the parser did not recognise would be reported as VMG012.
        var run = GeneratorRunner.Run(Usings + $$"""
            [VisMoocTable("pets", typeof({{input}}))]
            [Column("_id", SqlType.Varchar, 255, PrimaryKey = true, From = "id")]
            public sealed partial class Pets;
            """);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.OutputErrors);
        Assert.Contains("global::VisMooc.Modules.Inputs." + input + ".Descriptor,", run.Source("Sample.Tables.Pets.g.cs"));
    }

    [Theory]
    [MemberData(nameof(SqlTypes))]
    public void EverySqlTypeGeneratesCompilingCode(string sqlType)
    {
        // Likewise for SqlType: a member the reader lacks would be VMG004, one SqlEmitter lacks would print '?'.
        string size = sqlType == "Varchar" ? ", 10" : "";
        var run = GeneratorRunner.Run(Usings + $$"""
            [VisMoocTable("pets", typeof(ForumInput))]
            [Column("_id", SqlType.Varchar, 255, PrimaryKey = true, From = "id")]
            [Column("value", SqlType.{{sqlType}}{{size}}, Nullable = true, From = "value")]
            public sealed partial class Pets;
            """);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.OutputErrors);
        string create = run.Constant("Sample.Tables.Pets", "MySqlCreate");
        Assert.Matches(@"\n    value [A-Za-z]+(\((10|6)\))? NULL,\n", create);
        Assert.DoesNotContain("?", create);
    }

    [Fact]
    public void IndexedColumnsGetAKeyInMySqlAndAnIndexInSqlite()
    {
        var run = GeneratorRunner.Run(Usings + """
            [VisMoocTable("pets", typeof(ForumInput))]
            [Column("_id", SqlType.Varchar, 255, PrimaryKey = true, From = "id")]
            [Column("owner", SqlType.Varchar, 50, Index = true, From = "owner")]
            [Column("seen", SqlType.DateTime6, From = "seen")]
            [Column("weight", SqlType.Double, Nullable = true, Index = true, From = "weight")]
            public sealed partial class Pets;
            """);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.OutputErrors);
        Assert.Equal(
            "CREATE TABLE IF NOT EXISTS pets (\n    _id varchar(255) NOT NULL,\n    owner varchar(50) NOT NULL,\n    seen datetime(6) NOT NULL,\n"
            + "    weight double NULL,\n    PRIMARY KEY (_id),\n    KEY (owner),\n    KEY (weight)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;",
            run.Constant("Sample.Tables.Pets", "MySqlCreate"));
        Assert.Equal(
            "CREATE TABLE IF NOT EXISTS pets (\n    _id TEXT NOT NULL,\n    owner TEXT NOT NULL,\n    seen TEXT NOT NULL,\n    weight REAL NULL,\n    PRIMARY KEY (_id)\n);"
            + "\nCREATE INDEX IF NOT EXISTS pets_owner ON pets (owner);\nCREATE INDEX IF NOT EXISTS pets_weight ON pets (weight);",
            run.Constant("Sample.Tables.Pets", "SqliteCreate"));
        Assert.Matches("\"double\", \"[^\"]*\", Index: true\\),", run.Source("Sample.Tables.Pets.g.cs"));
    }

    [Fact]
    public void TwoTablesAreRegisteredInScriptOrder()
    {
        var run = GeneratorRunner.Run(Usings + """
            [VisMoocTable("zebras", typeof(ForumInput), Order = 1)]
            [Column("_id", SqlType.Varchar, 255, PrimaryKey = true, From = "id")]
            public sealed partial class Zebras;

            [VisMoocTable("ants", typeof(ForumInput), Order = 2)]
            [Column("_id", SqlType.Varchar, 255, PrimaryKey = true, From = "id")]
            public sealed partial class Ants;
            """);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.OutputErrors);
        string script = run.Constant("VisMooc.Generated.GeneratedTables", "MySqlScript");
        Assert.True(script.IndexOf("TABLE IF NOT EXISTS zebras", StringComparison.Ordinal) < script.IndexOf("TABLE IF NOT EXISTS ants", StringComparison.Ordinal));
    }

    [Fact]
    public void NoTablesStillGivesACompilingRegistry()
    {
        var run = GeneratorRunner.Run("namespace Sample; public sealed class NotATable;");

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.OutputErrors);
        Assert.EndsWith("SET @@global.local_infile = 1;\n\n\n", run.Constant("VisMooc.Generated.GeneratedTables", "MySqlScript"));
    }

    [Fact]
    public void AnInputDeclarationGetsADescriptorInTheRegistryAndTablesReadIt()
    {
        // A new edX file is one [EdxInput] class: no list in the generator or the pipeline names it.
        var run = GeneratorRunner.Run(Usings + """
            [EdxInput("pets_file", Token = "pets_file", Extension = ".sql", Format = InputFormat.EdxTsv)]
            public sealed partial class PetsInput;

            [VisMoocTable("pets", typeof(PetsInput))]
            [Column("_id", SqlType.Varchar, 255, PrimaryKey = true, From = "id")]
            public sealed partial class Pets;
            """);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.OutputErrors);
        Assert.Contains("global::Sample.Tables.PetsInput.Descriptor,", run.Source("Sample.Tables.Pets.g.cs"));
        Assert.Contains("\"pets_file\", \"pets_file\", \".sql\",", run.Source("Sample.Tables.PetsInput.g.cs"));
        Assert.Contains("global::VisMooc.Modules.Schema.InputFormat.EdxTsv, global::VisMooc.Modules.Schema.InputScope.Course,", run.Source("Sample.Tables.PetsInput.g.cs"));
        Assert.Contains("global::Sample.Tables.PetsInput.Descriptor,", run.Source("VisMooc.Generated.GeneratedSources.g.cs"));
    }

    [Fact]
    public void RawFieldsOfAnInputGoIntoItsDescriptor()
    {
        // What the rejects masker may show of a new file is declared with it, in the order declared.
        var run = GeneratorRunner.Run(Usings + """
            [EdxInput("pets_file", Token = "pets_file", Extension = ".sql", Format = InputFormat.EdxTsv)]
            [RawField("id", Keep = RawShape.Id)]
            [RawField("owner_email", Personal = true)]
            [RawField("born", Keep = RawShape.DateLike)]
            public sealed partial class PetsInput;
            """);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.OutputErrors);
        string source = run.Source("Sample.Tables.PetsInput.g.cs");
        string[] fields =
        [
            "new(\"id\", global::VisMooc.Modules.Schema.RawShape.Id, Personal: false),",
            "new(\"owner_email\", global::VisMooc.Modules.Schema.RawShape.None, Personal: true),",
            "new(\"born\", global::VisMooc.Modules.Schema.RawShape.DateLike, Personal: false),",
        ];
        Assert.Contains("RawFields = new global::VisMooc.Modules.Schema.RawFieldInfo[]", source);
        Assert.Equal(fields, source.Split('\n').Select(line => line.Trim()).Where(line => line.StartsWith("new(\"", StringComparison.Ordinal)));
    }

    [Fact]
    public void AnInputWithoutRawFieldsGetsNoInitializer() =>
        Assert.DoesNotContain("RawFields", GeneratorRunner.Run(Usings + """
            [EdxInput("pets_file", Token = "pets_file", Extension = ".sql", Format = InputFormat.EdxTsv)]
            public sealed partial class PetsInput;
            """).Source("Sample.Tables.PetsInput.g.cs"));

    [Fact]
    public void TableInTheGlobalNamespaceCompiles()
    {
        var run = GeneratorRunner.Run("""
            using VisMooc.Modules.Inputs;
            using VisMooc.Modules.Schema;

            [VisMoocTable("pets", typeof(ForumInput))]
            [Column("_id", SqlType.Varchar, 255, PrimaryKey = true, From = "id")]
            public sealed partial class Pets;
            """);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.OutputErrors);
        Assert.Contains("Pets.g.cs", run.Sources.Keys);
    }
}
