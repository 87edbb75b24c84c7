using VisMooc.Generated;
using VisMooc.Modules.Schema;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Docs;

public sealed class MappingDocTests
{
    [Fact]
    public void DocsMappingIsWhatDescribePrintsForTheDeclaredTables()
    {
        string expected = MappingDescriber.Markdown(GeneratedTables.All.Select(t => t.Info));
        string committed = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "mapping.md")).ReplaceLineEndings("\n");

        Assert.True(expected == committed,
            "docs/mapping.md is stale: run 'dotnet run --project src/VisMooc.Tool -- describe --format markdown > docs/mapping.md' and commit it");
    }

    [Fact]
    public void DescribeNamesTheSourceFieldAndConversionOfEveryColumn()
    {
        var result = ToolRunner.Run(["describe", "enrollments"]);

        Assert.Equal(0, result.ExitCode);
        var line = result.StdOut.Split('\n').Single(l => l.TrimStart().StartsWith("timestamp", StringComparison.Ordinal));
        Assert.Contains("created", line, StringComparison.Ordinal);
        Assert.Contains("ValueConversions.DateTimeUtc", line, StringComparison.Ordinal);
        Assert.Contains("student_courseenrollment", result.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("users", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void DescribeOfAnUnknownTableIsAUsageError()
    {
        var result = ToolRunner.Run(["describe", "nope"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no table 'nope'", result.StdErr, StringComparison.Ordinal);
    }
}
