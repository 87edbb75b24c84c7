using Microsoft.CodeAnalysis;

namespace VisMooc.Generators.Tests;

/// <summary>One failing declaration per VMG diagnostic: the id, and a message that names the table or column at fault.</summary>
public sealed class DiagnosticTests
{
    private const string Usings = """
        using VisMooc.Modules.Inputs;
        using VisMooc.Modules.Output;
        using VisMooc.Modules.Schema;
        using VisMooc.Modules.Values;

        namespace Sample.Tables;

        """;

    [Fact]
    public void VMG001_ClassIsNotPartial()
    {
        string source = Usings + """
            [VisMoocTable("things", typeof(ForumInput))]
            [Column("_id", SqlType.Varchar, 255, PrimaryKey = true, From = "id")]
            public sealed class Things;
            """;

        AssertDiagnostic(source, "VMG001", "public sealed class Things", "'Things'");
    }

    [Fact]
    public void VMG001_ClassIsNested()
    {
        string source = Usings + """
            public static partial class Outer
            {
                [VisMoocTable("things", typeof(ForumInput))]
                [Column("_id", SqlType.Varchar, 255, PrimaryKey = true, From = "id")]
                public sealed partial class Inner;
            }
            """;

        AssertDiagnostic(source, "VMG001", "public sealed partial class Inner", "'Inner'");
    }

    [Theory]
    [InlineData("public sealed partial record Things;")]
    [InlineData("public static partial class Things;")]
    [InlineData("public sealed partial class Things<T>;")]
    public void VMG001_ShapeTheEmitterCannotExtend(string declaration)
    {
        // A record used to be skipped without a word, and static or generic classes got generated code that does not compile or merge.
        string source = Usings + $$"""
            [VisMoocTable("things", typeof(ForumInput))]
            [Column("_id", SqlType.Varchar, 255, PrimaryKey = true, From = "id")]
            {{declaration}}
            """;

        AssertDiagnostic(source, "VMG001", declaration, "'Things'");
    }

    [Fact]
    public void VMG002_DuplicateColumn()
    {
        string source = Usings + """
            [VisMoocTable("things", typeof(ForumInput))]
            [Column("_id", SqlType.Varchar, 255, PrimaryKey = true, From = "id")]
            [Column("title", SqlType.Varchar, 255, From = "title")]
            [Column("title", SqlType.Varchar, 255, From = "name")]
            public sealed partial class Things;
            """;

        AssertDiagnostic(source, "VMG002", "From = \"name\"", "'things'", "'title'");
    }

    [Fact]
    public void VMG003_NoPrimaryKey()
    {
        string source = Usings + """
            [VisMoocTable("things", typeof(ForumInput))]
            [Column("_id", SqlType.Varchar, 255, From = "id")]
            public sealed partial class Things;
            """;

        AssertDiagnostic(source, "VMG003", "partial class Things", "'things'");
    }

    [Fact]
    public void VMG004_UnknownSqlType()
    {
        string source = Usings + """
            [VisMoocTable("things", typeof(ForumInput))]
            [Column("_id", SqlType.Varchar, 255, PrimaryKey = true, From = "id")]
            [Column("score", (SqlType)42, From = "score")]
            public sealed partial class Things;
            """;

        AssertDiagnostic(source, "VMG004", "\"score\"", "'score'", "'things'", "42");
    }

    [Fact]
    public void VMG005_VarcharWithoutSize()
    {
        string source = Usings + """
            [VisMoocTable("things", typeof(ForumInput))]
            [Column("_id", SqlType.Varchar, 255, PrimaryKey = true, From = "id")]
            [Column("title", SqlType.Varchar, From = "title")]
            public sealed partial class Things;
            """;

        AssertDiagnostic(source, "VMG005", "\"title\"", "'title'", "'things'", "Varchar");
    }

    [Fact]
    public void VMG006_ConversionNotFound()
    {
        string source = Usings + """
            [VisMoocTable("things", typeof(ForumInput))]
            [Column("_id", SqlType.Varchar, 255, PrimaryKey = true, From = "id")]
            [Column("title", SqlType.Varchar, 255, From = "title", Convert = "NoSuchConversion")]
            public sealed partial class Things;
            """;

        AssertDiagnostic(source, "VMG006", "NoSuchConversion", "'title'", "'things'", "'NoSuchConversion'", "'Things'");
    }

    [Fact]
    public void VMG007_ConversionTakesTooFewFields()
    {
        // ValueConversions.Text takes one field; this column feeds it two.
        string source = Usings + """
            [VisMoocTable("things", typeof(ForumInput))]
            [Column("_id", SqlType.Varchar, 255, PrimaryKey = true, From = "id")]
            [Column("title", SqlType.Varchar, 255, From = "title, name", Convert = "Text")]
            public sealed partial class Things;
            """;

        AssertDiagnostic(source, "VMG007", "\"title, name\"", "'Text'", "'title'", "'things'", "CellWriter cell, FieldValue f0, FieldValue f1");
    }

    [Fact]
    public void VMG007_ConversionOnTableClassReturnsAValue()
    {
        string source = Usings + """
            [VisMoocTable("things", typeof(ForumInput))]
            [Column("_id", SqlType.Varchar, 255, PrimaryKey = true, From = "id")]
            [Column("title", SqlType.Varchar, 255, From = "title", Convert = "Shout")]
            public sealed partial class Things
            {
                public static int Shout(CellWriter cell, FieldValue value) => 0;
            }
            """;

        AssertDiagnostic(source, "VMG007", "Convert = \"Shout\"", "'Shout'", "'title'", "'things'");
    }

    [Fact]
    public void VMG008_TwoPrimaryKeys()
    {
        string source = Usings + """
            [VisMoocTable("things", typeof(ForumInput))]
            [Column("_id", SqlType.Varchar, 255, PrimaryKey = true, From = "id")]
            [Column("other_id", SqlType.Varchar, 255, PrimaryKey = true, From = "other")]
            public sealed partial class Things;
            """;

        AssertDiagnostic(source, "VMG008", "\"other_id\"", "'things'", "'_id'", "'other_id'");
    }

    [Fact]
    public void VMG009_KeyFieldIsNotASourceField()
    {
        string source = Usings + """
            [VisMoocTable("things", typeof(ForumInput), KeyFields = "id, missing_field")]
            [Column("_id", SqlType.Varchar, 255, PrimaryKey = true, From = "id")]
            public sealed partial class Things;
            """;

        AssertDiagnostic(source, "VMG009", "partial class Things", "'things'", "'missing_field'");
    }

    [Fact]
    public void VMG010_SizeOnUnsizedType()
    {
        string source = Usings + """
            [VisMoocTable("things", typeof(ForumInput))]
            [Column("_id", SqlType.Varchar, 255, PrimaryKey = true, From = "id")]
            [Column("votes", SqlType.Int, 11, From = "votes")]
            public sealed partial class Things;
            """;

        AssertDiagnostic(source, "VMG010", "\"votes\"", "'votes'", "'things'", "Int", "11");
    }

    [Fact]
    public void VMG011_TwoClassesDeclareTheSameTable()
    {
        string second = Usings + """
            [VisMoocTable("things", typeof(ForumInput))]
            [Column("_id", SqlType.Varchar, 255, PrimaryKey = true, From = "id")]
            public sealed partial class MoreThings;
            """;
        var diagnostic = SingleDiagnostic(
            Usings + """
            [VisMoocTable("things", typeof(ForumInput))]
            [Column("_id", SqlType.Varchar, 255, PrimaryKey = true, From = "id")]
            public sealed partial class Things;
            """,
            second);

        Assert.Equal("VMG011", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        string message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("'things'", message);
        Assert.Contains("MoreThings, Things", message);

        // At the second declaration, not nowhere.
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("Input1.cs", span.Path);
        Assert.Contains("class MoreThings", second.Split('\n')[span.StartLinePosition.Line]);
    }

    [Fact]
    public void VMG012_UnknownEdxInput()
    {
        // A table reading a class that is not an [EdxInput] would generate 'string.Descriptor': a syntax error inside generated code instead of a diagnostic.
        string source = Usings + """
            [VisMoocTable("things", typeof(string))]
            [Column("_id", SqlType.Varchar, 255, PrimaryKey = true, From = "id")]
            public sealed partial class Things;
            """;

        AssertDiagnostic(source, "VMG012", "typeof(string)", "'things'", "string");
    }

    [Fact]
    public void VMG013_InputWithoutFormat()
    {
        string source = Usings + """
            [EdxInput("pets_file", Token = "pets_file", Extension = ".sql")]
            public sealed partial class PetsInput;
            """;

        AssertDiagnostic(source, "VMG013", "EdxInput(", "'pets_file'", "Format");
    }

    [Fact]
    public void VMG013_InputTokenWithDashes()
    {
        string source = Usings + """
            [EdxInput("pets_file", Token = "-pets_file-", Extension = ".sql", Format = InputFormat.EdxTsv)]
            public sealed partial class PetsInput;
            """;

        AssertDiagnostic(source, "VMG013", "EdxInput(", "'pets_file'", "word between the dashes");
    }

    [Theory]
    [InlineData("[RawField(\"\", Personal = true)]", "has no name")]
    [InlineData("[RawField(\" \", Keep = RawShape.Id)]", "has no name")]
    [InlineData("[RawField(\"email\", Personal = true, Keep = RawShape.Id)]", "both Personal and kept")]
    [InlineData("[RawField(\"email\")]", "needs Personal = true or a Keep shape")]
    [InlineData("[RawField(\"email\", Keep = (RawShape)99)]", "RawShape does not name")]
    public void VMG014_InvalidRawField(string field, string problem)
    {
        string source = Usings + $$"""
            [EdxInput("pets_file", Token = "pets_file", Extension = ".sql", Format = InputFormat.EdxTsv)]
            [RawField("id", Keep = RawShape.Id)]
            {{field}}
            public sealed partial class PetsInput;
            """;

        AssertDiagnostic(source, "VMG014", field, "'pets_file'", problem);
    }

    [Fact]
    public void VMG014_RawFieldDeclaredTwice()
    {
        // At the second declaration of the name, naming it.
        string source = Usings + """
            [EdxInput("pets_file", Token = "pets_file", Extension = ".sql", Format = InputFormat.EdxTsv)]
            [RawField("owner_email", Personal = true)]
            [RawField("id", Keep = RawShape.Id)]
            [RawField("owner_email", Keep = RawShape.Id)]
            public sealed partial class PetsInput;
            """;

        AssertDiagnostic(source, "VMG014", "[RawField(\"owner_email\", Keep", "'pets_file'", "'owner_email'", "more than once");
    }

    [Fact]
    public void InvalidDeclarationGetsNoGeneratedSource()
    {
        var run = GeneratorRunner.Run(Usings + """
            [VisMoocTable("things", typeof(ForumInput))]
            [Column("_id", SqlType.Varchar, 255, From = "id")]
            public sealed partial class Things;
            """);

        Assert.Equal(["VisMooc.Generated.GeneratedTables.g.cs"], run.Sources.Keys);
        Assert.Empty(run.OutputErrors);
    }

    private static Diagnostic SingleDiagnostic(params string[] sources)
    {
        var run = GeneratorRunner.Run(sources);
        return Assert.Single(run.Diagnostics);
    }

    // Exactly one diagnostic, with this id, on the line of `source` holding `lineMarker`, naming everything in `named`.
    private static void AssertDiagnostic(string source, string id, string lineMarker, params string[] named)
    {
        var diagnostic = SingleDiagnostic(source);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);

        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("Input0.cs", span.Path);
        Assert.Contains(lineMarker, source.Split('\n')[span.StartLinePosition.Line]);

        string message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        foreach (string name in named)
        {
            Assert.Contains(name, message);
        }
    }
}
