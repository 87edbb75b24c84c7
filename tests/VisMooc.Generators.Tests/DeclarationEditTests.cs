namespace VisMooc.Generators.Tests;

/// <summary>The schema is declared once: editing one attribute of a real declaration is all it takes to change the SQL.</summary>
public sealed class DeclarationEditTests
{
    [Fact]
    public void EditingOneAttributeChangesTheSql()
    {
        var files = RepoFiles.TableDeclarations()
            .Select(file => file.Path.EndsWith("/Users.cs", StringComparison.Ordinal) ? (file.Path, Edit(file.Text)) : file)
            .ToList();

        var run = GeneratorRunner.Run(GeneratorRunner.Compile(files));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.OutputErrors);
        Assert.Contains("username varchar(41)", run.Constant("VisMooc.Modules.Tables.Users", "MySqlCreate"));
        Assert.Contains("username varchar(41)", run.Constant("VisMooc.Generated.GeneratedTables", "MySqlScript"));
        Assert.DoesNotContain("username varchar(40)", run.Constant("VisMooc.Generated.GeneratedTables", "MySqlScript"));
    }

    private static string Edit(string users)
    {
        const string Before = "[Column(\"username\", SqlType.Varchar, 40,";
        Assert.Contains(Before, users);
        return users.Replace(Before, "[Column(\"username\", SqlType.Varchar, 41,", StringComparison.Ordinal);
    }
}
