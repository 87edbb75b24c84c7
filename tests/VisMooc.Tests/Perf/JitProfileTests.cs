using VisMooc.Tests.Load;
using VisMooc.Tests.Safety;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Perf;

/// <summary>The multi-core JIT profile of start-up: kept in the user's data folder, and a folder that cannot be written changes nothing.</summary>
public sealed class JitProfileTests
{
    [Fact]
    public void AConversionKeepsItsJitProfileInTheUsersDataFolderAndConvertsTheSameWithIt()
    {
        using var temp = new LoadFixtures.TempFolder();
        var package = CoursePackage.Sample(Path.Combine(temp.Path, "in"));
        var data = new Dictionary<string, string?> { ["XDG_DATA_HOME"] = Path.Combine(temp.Path, "data") };

        var first = ToolRunner.Run(["convert", package.Root, "--out", Path.Combine(temp.Path, "first"), "--quiet"], data);
        var second = ToolRunner.Run(["convert", package.Root, "--out", Path.Combine(temp.Path, "second"), "--quiet"], data);

        Assert.Equal((0, "", ""), (first.ExitCode, first.StdOut, first.StdErr));
        Assert.Equal((0, "", ""), (second.ExitCode, second.StdOut, second.StdErr));
        Assert.True(new FileInfo(Path.Combine(temp.Path, "data", "vismooc", "jit-convert.profile")).Length > 0);
        Assert.Equal(CoursePackage.Files(Path.Combine(temp.Path, "first")), CoursePackage.Files(Path.Combine(temp.Path, "second")));
    }

    [Fact]
    public void ADataFolderThatCannotBeWrittenChangesNothing()
    {
        using var temp = new LoadFixtures.TempFolder();
        var package = CoursePackage.Sample(Path.Combine(temp.Path, "in"));
        string notAFolder = Path.Combine(temp.Path, "a-file");
        File.WriteAllText(notAFolder, "not a folder");

        var run = ToolRunner.Run(["convert", package.Root, "--out", Path.Combine(temp.Path, "out"), "--quiet"], new Dictionary<string, string?> { ["XDG_DATA_HOME"] = notAFolder });

        Assert.Equal((0, "", ""), (run.ExitCode, run.StdOut, run.StdErr));
        package.Convert(Path.Combine(temp.Path, "in-process"));
        Assert.Equal(CoursePackage.Files(Path.Combine(temp.Path, "in-process")), CoursePackage.Files(Path.Combine(temp.Path, "out")));
    }
}
