using VisMooc.Modules.Folders;
using VisMooc.Modules.Staging;
using VisMooc.Tests.Load;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Safety;

/// <summary>Issue 11, smaller items: a symbolic link in the output folder never makes a run delete or replace files where it points.</summary>
public sealed class OutputLinkTests
{
    private static readonly string s_withRejects = Path.Combine(ConvertHarness.FixturePackages, ConvertHarness.OldCourse);

    private static string Refusal(string link, string target) =>
        $"vismooc: error: {link}: is a symbolic link (to {target}); vismooc never writes or deletes through a link in its output folder: remove the link (what it points to is left alone) or use another output folder";

    [Fact]
    public void ALinkedRejectsFolderIsRefusedAndTheFolderItPointsToIsLeftAlone()
    {
        using var temp = new LoadFixtures.TempFolder();
        string output = Path.Combine(temp.Path, "out");
        Assert.Equal(3, ToolRunner.Run(["convert", s_withRejects, "--out", output, "--quiet"]).ExitCode);
        Directory.Delete(Path.Combine(output, "rejects"), recursive: true);
        string elsewhere = Path.Combine(temp.Path, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        File.WriteAllText(Path.Combine(elsewhere, "users.tsv"), "a researcher's own file");
        File.WriteAllText(Path.Combine(elsewhere, "grades.tsv"), "another one");
        File.WriteAllText(Path.Combine(elsewhere, TableOutput.PartialPrefix + "notes.txt"), "named like a partial file, and not ours");
        Directory.CreateSymbolicLink(Path.Combine(output, "rejects"), elsewhere);
        var there = CoursePackage.Files(elsewhere);
        var before = CoursePackage.Files(output, withReport: true);

        // One run that rejects rows (it would write rejects/users.tsv there), one that rejects none (it would remove it).
        var rejecting = ToolRunner.Run(["convert", s_withRejects, "--out", output]);
        var clean = ToolRunner.Run(["convert", Path.Combine(RepoPaths.Root, "samples", "HKUSTx-COMP102x-2T2014"), "--out", output]);

        Assert.Equal((1, Refusal(Path.Combine(output, "rejects"), elsewhere)), (rejecting.ExitCode, rejecting.StdErr.TrimEnd('\n')));
        Assert.Equal((1, Refusal(Path.Combine(output, "rejects"), elsewhere)), (clean.ExitCode, clean.StdErr.TrimEnd('\n')));
        Assert.Equal(there, CoursePackage.Files(elsewhere));
        Assert.Equal(before, CoursePackage.Files(output, withReport: true));
    }

    [Theory]
    [InlineData("users.csv")]
    [InlineData("report.json")]
    [InlineData("rejects/users.tsv")]
    [InlineData(".vismooc-commit-in-progress")]
    [InlineData(".vismooc-lock")]
    public void AnOutputNameThatIsALinkIsRefusedAndTheFileItPointsToIsLeftAlone(string name)
    {
        using var temp = new LoadFixtures.TempFolder();
        string output = Path.Combine(temp.Path, "out");
        Assert.Equal(3, ToolRunner.Run(["convert", s_withRejects, "--out", output, "--quiet"]).ExitCode);
        string target = Path.Combine(temp.Path, "thesis.tex");
        File.WriteAllText(target, "a researcher's own file");
        string link = Path.Combine(output, name);
        File.Delete(link);
        File.CreateSymbolicLink(link, target);
        var before = CoursePackage.Files(output, withReport: true);

        var run = ToolRunner.Run(["convert", s_withRejects, "--out", output]);

        Assert.Equal((1, Refusal(link, target)), (run.ExitCode, run.StdErr.TrimEnd('\n')));
        Assert.Equal("a researcher's own file", File.ReadAllText(target));
        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.Equal(before, CoursePackage.Files(output, withReport: true));
    }

    [Fact]
    public void ALoadRefusesAFolderWhoseLockFileIsALink()
    {
        using var temp = new LoadFixtures.TempFolder();
        string output = Path.Combine(temp.Path, "out");
        CoursePackage.Sample(Path.Combine(temp.Path, "in")).Convert(output);
        string target = Path.Combine(temp.Path, "thesis.tex");
        File.WriteAllText(target, "a researcher's own file");
        string link = Path.Combine(output, OutputFolderLock.FileName);
        File.Delete(link);
        File.CreateSymbolicLink(link, target);

        var load = ToolRunner.Run(["load", output]);

        Assert.Equal((1, Refusal(link, target) + "; nothing was loaded"), (load.ExitCode, load.StdErr.TrimEnd('\n')));
        Assert.Equal("a researcher's own file", File.ReadAllText(target));
        Assert.False(File.Exists(Path.Combine(output, "moocdb.sqlite")));
    }

    [Fact]
    public void AStalePartialFileThatIsALinkIsRemovedAsALinkAndWhatItPointsToIsLeftAlone()
    {
        using var temp = new LoadFixtures.TempFolder();
        string output = Path.Combine(temp.Path, "out");
        Directory.CreateDirectory(Path.Combine(output, "rejects"));
        string target = Path.Combine(temp.Path, "thesis.tex");
        File.WriteAllText(target, "a researcher's own file");
        File.CreateSymbolicLink(Path.Combine(output, TableOutput.PartialPrefix + "0badf00d-users.csv"), target);
        File.CreateSymbolicLink(Path.Combine(output, "rejects", TableOutput.PartialPrefix + "0badf00d-users.tsv"), target);

        Assert.Equal(3, ToolRunner.Run(["convert", s_withRejects, "--out", output, "--quiet"]).ExitCode);

        Assert.Empty(CoursePackage.Partials(output));
        Assert.Equal("a researcher's own file", File.ReadAllText(target));
    }
}
