using VisMooc.Generated;
using VisMooc.Modules.Folders;
using VisMooc.Modules.Load;
using VisMooc.Modules.Pipeline;
using VisMooc.Tests.Load;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Safety;

/// <summary>Issue 12: Ctrl-C (SIGINT) or SIGTERM stops <c>convert</c>, <c>run</c> and <c>load</c> with one line and exit code 130, leaving nothing behind.</summary>
public sealed class InterruptTests(FaultTests.LargePackage large, LoadKillTests.CsvFixture csv) : IClassFixture<FaultTests.LargePackage>, IClassFixture<LoadKillTests.CsvFixture>, IDisposable
{
    private readonly LoadFixtures.TempFolder _temp = new();

    public static TheoryData<string, int> CommandsAndSignals => new()
    {
        { "convert", ToolProcess.SigInt },
        { "convert", ToolProcess.SigTerm },
        { "run", ToolProcess.SigInt },
        { "run", ToolProcess.SigTerm },
    };

    [Theory]
    [MemberData(nameof(CommandsAndSignals))]
    public void AConversionInterruptedMidwaySaysSoRemovesItsPartialFilesAndLeavesTheEarlierOutputs(string command, int signal)
    {
        string output = Path.Combine(_temp.Path, "out");
        CoursePackage.Sample(Path.Combine(_temp.Path, "earlier")).Convert(output);
        var earlier = CoursePackage.Files(output, withReport: true);

        int exitCode;
        string stderr;
        using (var tool = ToolProcess.Interruptible([command, large.Package.Root, "--out", output, "--quiet"]))
        {
            Assert.True(tool.WaitUntil(() => FaultTests.SizeOf(CoursePackage.Partial(output, "forum.csv")) > 0), "the conversion ended before it wrote forum rows; " + tool.Describe());
            tool.Signal(signal);
            (exitCode, stderr) = tool.WaitForExit();
        }

        Assert.Equal((130, $"vismooc: interrupted: nothing was renamed; the earlier outputs in {output} are unchanged\n"), (exitCode, stderr));
        Assert.Empty(CoursePackage.Partials(output));
        Assert.Equal(earlier, CoursePackage.Files(output, withReport: true)); // the lock file too: empty again
        Assert.Equal(0, ToolRunner.Run(["convert", large.Package.Root, "--out", output, "--quiet"]).ExitCode);
        Assert.Equal(CoursePackage.Files(large.Reference), CoursePackage.Files(output));
    }

    [Theory]
    [InlineData(ToolProcess.SigInt)]
    [InlineData(ToolProcess.SigTerm)]
    public void ASqliteLoadInterruptedMidwaySaysSoAndLeavesTheDatabaseAsItWas(int signal)
    {
        string db = Path.Combine(_temp.Path, "db.sqlite");
        SqliteLoader.Load(csv.Earlier, db, LoadMode.Ignore, GeneratedTables.All);
        var before = LoadKillTests.SqliteSnapshot(db);

        int exitCode;
        string stderr;
        using (var tool = ToolProcess.Interruptible(["load", csv.Large, "--db", "sqlite:" + db, "--quiet"]))
        {
            Assert.True(tool.WaitUntil(() => File.Exists(db + "-journal")), "the load ended before its transaction began; " + tool.Describe());
            tool.Signal(signal);
            (exitCode, stderr) = tool.WaitForExit();
        }

        Assert.Equal((130, $"vismooc: interrupted: nothing was loaded; sqlite:{db} is unchanged\n"), (exitCode, stderr));
        Assert.False(File.Exists(db + "-journal"), "the load was not rolled back: its journal is left");
        Assert.Equal(before, LoadKillTests.SqliteSnapshot(db));
        Assert.Equal(0, ToolRunner.Run(["load", csv.Large, "--db", "sqlite:" + db, "--quiet"]).ExitCode);
        Assert.Equal(csv.SqliteReference.Value, LoadKillTests.SqliteSnapshot(db));
    }

    [Fact]
    public void ARunInterruptedWhileItLoadsKeepsItsFinishedTablesAndLeavesTheDatabaseAsItWas()
    {
        string output = Path.Combine(_temp.Path, "out");
        string db = Path.Combine(output, "moocdb.sqlite");
        SqliteLoader.Load(csv.Earlier, db, LoadMode.Ignore, GeneratedTables.All);
        var before = LoadKillTests.SqliteSnapshot(db);

        int exitCode;
        string stderr;
        using (var tool = ToolProcess.Interruptible(["run", large.Package.Root, "--out", output, "--quiet"]))
        {
            Assert.True(tool.WaitUntil(() => File.Exists(db + "-journal")), "the run ended before its load began; " + tool.Describe());
            tool.Signal(ToolProcess.SigInt);
            (exitCode, stderr) = tool.WaitForExit();
        }

        Assert.Equal((130, $"vismooc: interrupted: nothing was loaded; sqlite:{db} is unchanged\n"), (exitCode, stderr));
        Assert.Equal(before, LoadKillTests.SqliteSnapshot(db));
        var tables = CoursePackage.Files(output);
        tables.Remove("moocdb.sqlite");
        Assert.Equal(CoursePackage.Files(large.Reference), tables);
    }

    [Fact]
    public void ACancelledConversionRemovesItsPartialFilesReleasesTheFolderAndRenamesNothing()
    {
        string output = Path.Combine(_temp.Path, "out");
        CoursePackage.Sample(Path.Combine(_temp.Path, "earlier")).Convert(output);
        var earlier = CoursePackage.Files(output, withReport: true);
        using var cancel = new CancellationTokenSource();

        // Cancelled from a progress snapshot once rows are written, or at the latest from the
        // snapshot sent when every table is converted: either way before the renames.
        var options = new ConvertOptions
        {
            Input = large.Package.Root,
            Output = output,
            Cancellation = cancel.Token,
            ProgressInterval = TimeSpan.FromMilliseconds(1),
            Progress = p =>
            {
                if (p.Finished || p.Tables.Any(t => t.Rows > 0))
                {
                    cancel.Cancel();
                }
            },
        };
        Assert.Throws<OperationCanceledException>(() => PackageConverter.Run(options, GeneratedTables.All));

        Assert.Empty(CoursePackage.Partials(output));
        Assert.Equal(earlier, CoursePackage.Files(output, withReport: true));
        OutputFolderLock.ForWriting(output).Dispose(); // released: it can be taken again
    }

    /// <inheritdoc/>
    public void Dispose() => _temp.Dispose();
}
