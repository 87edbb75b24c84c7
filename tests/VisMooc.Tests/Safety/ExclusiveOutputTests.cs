using VisMooc.Modules.Folders;
using VisMooc.Modules.Load;
using VisMooc.Tests.Load;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Safety;

/// <summary>Issue 11, item 2: one run at a time writes an output folder; the runs turned away say who holds it, and a killed run blocks nobody.</summary>
public sealed class ExclusiveOutputTests(FaultTests.LargePackage large) : IClassFixture<FaultTests.LargePackage>
{
    [Fact]
    public void ASecondRunIntoAFolderThatARunIsWritingFailsAtOnceAndTheFirstRunsOutputIsANormalRuns()
    {
        using var temp = new LoadFixtures.TempFolder();
        string output = Path.Combine(temp.Path, "out");
        CoursePackage.Sample(Path.Combine(temp.Path, "earlier")).Convert(output);
        string other = CoursePackage.Sample(Path.Combine(temp.Path, "other")).Root;

        // Run A, paused (SIGSTOP) once it writes: it holds the folder while the other runs try.
        using var a = new ToolProcess(["convert", large.Package.Root, "--out", output, "--quiet"]);
        Assert.True(a.WaitUntil(() => CoursePackage.Partial(output, "forum.csv") is not null), "run A ended before it wrote its partial files; " + a.Describe());
        a.Signal(ToolProcess.SigStop);
        Assert.Matches("^\\.vismooc-partial-[0-9a-f]{8}-forum\\.csv$", Path.GetFileName(CoursePackage.Partial(output, "forum.csv")));

        var b = WhileItWaits(["convert", other, "--out", output]);
        // .NET's own file locking switched off must not switch off the folder's lock.
        var bWithoutDotnetLocks = WhileItWaits(["convert", other, "--out", output], new Dictionary<string, string?> { ["DOTNET_SYSTEM_IO_DISABLEFILELOCKING"] = "1" });
        var load = WhileItWaits(["load", output]);
        bool aWasRunning = !a.HasExited;
        a.Signal(ToolProcess.SigCont);
        var (exitCode, stderr) = a.WaitForExit();

        Assert.True(aWasRunning, "run A ended before the other runs were turned away, so they did not meet its lock");
        string busy = $"vismooc: error: {output}: another vismooc run (pid {a.Id}) is writing this folder; wait for it to finish or use another --out";
        Assert.Equal((1, busy + "\n"), b);
        Assert.Equal((1, busy + "\n"), bWithoutDotnetLocks);
        Assert.Equal((1, $"vismooc: error: {output}: a vismooc conversion (pid {a.Id}) is writing this folder; wait for it to finish, then load it; nothing was loaded\n"), load);
        Assert.False(File.Exists(Path.Combine(output, "moocdb.sqlite")));

        Assert.Equal((0, ""), (exitCode, stderr));
        Assert.Equal(CoursePackage.Files(large.Reference), CoursePackage.Files(output));
        Assert.Empty(CoursePackage.Partials(output));
        Assert.Equal(0, new FileInfo(Path.Combine(output, OutputFolderLock.FileName)).Length);
    }

    /// <summary>Runs the tool while another run holds the folder (paused): it must end by itself, not wait for that run.</summary>
    private static (int ExitCode, string StdErr) WhileItWaits(IEnumerable<string> args, IDictionary<string, string?>? environment = null)
    {
        using var tool = new ToolProcess(args, environment);
        Assert.True(Poll.Until(() => tool.HasExited, TimeSpan.FromSeconds(60)), "a run waited for the run that holds the folder instead of failing at once");
        return tool.WaitForExit();
    }

    [Fact]
    public void AConversionIntoAFolderWhoseTablesAreBeingLoadedFailsAtOnce()
    {
        using var temp = new LoadFixtures.TempFolder();
        string output = Path.Combine(temp.Path, "out");
        var sample = CoursePackage.Sample(Path.Combine(temp.Path, "in"));
        sample.Convert(output);
        var before = CoursePackage.Files(output, withReport: true);

        ToolRunner.Result refused;
        using (CsvFolderLock.Acquire(output))
        {
            refused = ToolRunner.Run(["convert", sample.Root, "--out", output]);
        }

        Assert.Equal((1, $"vismooc: error: {output}: another vismooc run is loading the tables of this folder; wait for it to finish or use another --out"),
            (refused.ExitCode, refused.StdErr.TrimEnd('\n')));
        Assert.Equal(before, CoursePackage.Files(output, withReport: true));
        Assert.Equal(0, ToolRunner.Run(["convert", sample.Root, "--out", output, "--quiet"]).ExitCode);
    }

    [Fact]
    public void TwoLoadsOfOneFolderShareItsLock()
    {
        using var temp = new LoadFixtures.TempFolder();
        string output = Path.Combine(temp.Path, "out");
        CoursePackage.Sample(Path.Combine(temp.Path, "in")).Convert(output);

        using (CsvFolderLock.Acquire(output))
        {
            Assert.Equal(0, ToolRunner.Run(["load", output, "--quiet"]).ExitCode);
        }
    }

    [Fact]
    public void TheLockOfAKilledRunBlocksNoLaterRun()
    {
        using var temp = new LoadFixtures.TempFolder();
        string output = Path.Combine(temp.Path, "out");
        string lockFile = Path.Combine(output, OutputFolderLock.FileName);

        int killed;
        using (var a = new ToolProcess(["convert", large.Package.Root, "--out", output, "--quiet"]))
        {
            Assert.True(a.WaitUntil(() => CoursePackage.Partial(output, "forum.csv") is not null), "the run ended before it wrote its partial files; " + a.Describe());
            killed = a.Id;
            a.Kill();
        }

        // The file still names the killed run; the kernel released its lock with the process.
        Assert.Equal($"{killed}\n", File.ReadAllText(lockFile));
        var rerun = ToolRunner.Run(["convert", large.Package.Root, "--out", output, "--quiet"]);

        Assert.Equal((0, ""), (rerun.ExitCode, rerun.StdErr));
        Assert.Equal(CoursePackage.Files(large.Reference), CoursePackage.Files(output));
        Assert.Equal("", File.ReadAllText(lockFile));
    }
}
