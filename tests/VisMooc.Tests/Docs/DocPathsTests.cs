using System.Text.RegularExpressions;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Docs;

/// <summary>
/// Every source path the README and the module guide name in backticks exists, so the "Layout" and
/// "Where the code is" a newcomer follows cannot drift from the tree. The one exception is a file a
/// walk-through has you create: copied from <c>docs/examples/</c>, into a folder that exists.
/// </summary>
public sealed partial class DocPathsTests
{
    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/adding-a-module.md")]
    public void EverySourcePathADocumentNamesExists(string document)
    {
        var paths = SourcePaths(File.ReadAllText(Path.Combine(RepoPaths.Root, document)));

        Assert.NotEmpty(paths);
        Assert.DoesNotContain(paths, p => !Exists(p));
    }

    [Fact]
    public void AWrongPathIsFound()
    {
        var paths = SourcePaths("the jobs are in `src/VisMooc.Modules/Pipeline/`, the readers in `src/VisMooc.Modules/Sources/<format>/`, the splitter in `src/VisMooc.Modules/Sources/LfLines.cs`; copy to `src/VisMooc.Modules/Tables/Nothing.cs`");

        Assert.Equal(["src/VisMooc.Modules/Sources/<format>/", "src/VisMooc.Modules/Sources/LfLines.cs", "src/VisMooc.Modules/Tables/Nothing.cs"], paths.Where(p => !Exists(p)));
    }

    private static List<string> SourcePaths(string markdown) =>
        [.. BacktickedSourcePath().Matches(markdown).Select(m => m.Groups[1].Value).Distinct()];

    private static bool Exists(string path)
    {
        string full = Path.Combine(RepoPaths.Root, path);
        if (File.Exists(full) || Directory.Exists(full))
        {
            return true;
        }

        // A file a walk-through creates: the copy of an example, in a folder of the tree.
        return File.Exists(Path.Combine(RepoPaths.Root, "docs", "examples", Path.GetFileName(path)))
            && Directory.Exists(Path.GetDirectoryName(full));
    }

    [GeneratedRegex("`(src/[^`]*)`")]
    private static partial Regex BacktickedSourcePath();
}
