using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace VisMooc.Generators.Tests;

/// <summary>
/// The pipeline must be incremental: a second run over an unchanged or unrelated-edited compilation reuses every
/// step (asked of the driver, not inferred from equal output), and a real edit flows through to the SQL.
/// </summary>
public sealed class IncrementalityTests
{
    private static readonly string[] s_trackedSteps =
    [
        VisMoocTableGenerator.TrackingNames.Tables,
        VisMoocTableGenerator.TrackingNames.Models,
        VisMoocTableGenerator.TrackingNames.AllModels,
    ];

    [Fact]
    public void SecondRunOnTheSameCompilationIsCached()
    {
        var compilation = GeneratorRunner.Compile(RepoFiles.TableDeclarations());
        var first = GeneratorRunner.Run(compilation);

        var second = GeneratorRunner.Run(compilation.Clone(), first.Driver);

        AssertEverythingReused(second);
        Assert.Equal(first.Sources, second.Sources);
    }

    [Fact]
    public void UnrelatedEditIsCached()
    {
        var compilation = GeneratorRunner.Compile(RepoFiles.TableDeclarations());
        var first = GeneratorRunner.Run(compilation);

        var edited = compilation.AddSyntaxTrees(GeneratorRunner.Parse("namespace Sample; internal static class Unrelated { public const int Answer = 42; }", "Unrelated.cs"));
        var second = GeneratorRunner.Run(edited, first.Driver);

        AssertEverythingReused(second);
    }

    [Fact]
    public void ChangingAColumnSizeModifiesOnlyThatTable()
    {
        var compilation = GeneratorRunner.Compile(RepoFiles.TableDeclarations());
        var first = GeneratorRunner.Run(compilation);
        var grades = compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("/Grades.cs", StringComparison.Ordinal));
        string text = grades.ToString();
        string edit = text.Replace("[Column(\"grade\", SqlType.Varchar, 32,", "[Column(\"grade\", SqlType.Varchar, 33,", StringComparison.Ordinal);
        Assert.NotEqual(text, edit);

        var second = GeneratorRunner.Run(compilation.ReplaceSyntaxTree(grades, GeneratorRunner.Parse(edit, grades.FilePath)), first.Driver);

        var models = second.StepReasons(VisMoocTableGenerator.TrackingNames.Models);
        Assert.Equal(1, models.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.All(models.Where(r => r != IncrementalStepRunReason.Modified), AssertReused);
        Assert.Contains(IncrementalStepRunReason.Modified, second.StepReasons(VisMoocTableGenerator.TrackingNames.AllModels));

        Assert.Contains("    grade varchar(32) NOT NULL,\n", first.Constant("VisMooc.Modules.Tables.Grades", "MySqlCreate"));
        Assert.Contains("    grade varchar(33) NOT NULL,\n", second.Constant("VisMooc.Modules.Tables.Grades", "MySqlCreate"));
        Assert.Contains("    grade varchar(33) NOT NULL,\n", second.Constant("VisMooc.Generated.GeneratedTables", "MySqlScript"));
        Assert.Equal(first.Source("VisMooc.Modules.Tables.Users.g.cs"), second.Source("VisMooc.Modules.Tables.Users.g.cs"));
    }

    [Fact]
    public void StepOutputsHoldNoRoslynObjects()
    {
        // A symbol, syntax node or compilation in a model defeats caching and keeps whole compilations alive.
        var run = GeneratorRunner.Run(GeneratorRunner.Compile(RepoFiles.TableDeclarations()));

        foreach (string name in s_trackedSteps)
        {
            foreach (var (value, _) in run.Result.TrackedSteps[name].SelectMany(step => step.Outputs))
            {
                AssertNoRoslynObjects(value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static void AssertEverythingReused(GeneratorRun run)
    {
        foreach (string name in s_trackedSteps)
        {
            var reasons = run.StepReasons(name);
            Assert.NotEmpty(reasons);
            Assert.All(reasons, AssertReused);
        }

        var outputs = run.Result.TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(step => step.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    private static void AssertReused(IncrementalStepRunReason reason) =>
        Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"step output was {reason}");

    private static void AssertNoRoslynObjects(object? value, string path, HashSet<object> seen)
    {
        if (value is null or string or Enum || value.GetType().IsPrimitive)
        {
            return;
        }

        Assert.False(
            value is ISymbol or Compilation or SemanticModel or SyntaxNode or SyntaxTree or Location,
            $"{path} holds a {value.GetType().FullName}");
        if (value is DiagnosticDescriptor || (!value.GetType().IsValueType && !seen.Add(value)))
        {
            return;
        }

        if (value is IEnumerable items)
        {
            int i = 0;
            foreach (object? item in items)
            {
                AssertNoRoslynObjects(item, $"{path}[{i++}]", seen);
            }

            return;
        }

        for (var type = value.GetType(); type is not null; type = type.BaseType)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                AssertNoRoslynObjects(field.GetValue(value), $"{path}.{field.Name}", seen);
            }
        }
    }
}
