using System.Text.Json;
using VisMooc.Modules.Folders;
using VisMooc.Modules.Staging;
using VisMooc.Tests.Load;
using VisMooc.Tests.Safety;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Output;

/// <summary>
/// Parquet runs of other courses or days writing one dataset folder at once (the split-over-machines
/// recipe of docs/scale-out.md): a run holds the folder's lock only to start and to rename its parts,
/// and the partial files of a run still converting are never taken for a dead run's.
/// </summary>
public sealed class ParquetSharedFolderTests(FaultTests.LargePackage large) : IClassFixture<FaultTests.LargePackage>
{
    private static readonly string s_hkust = Path.Combine(RepoPaths.Root, "samples", "HKUSTx-COMP102x-2T2014");

    [Fact]
    public void ASecondParquetRunConvertsAndCommitsWhileTheFirstIsStillConverting()
    {
        using var temp = new LoadFixtures.TempFolder();
        for (int attempt = 1; ; attempt++)
        {
            string output = Path.Combine(temp.Path, "ds" + attempt);

            // Run A, paused (SIGSTOP) while it converts: its partial files are there.
            using var a = new ToolProcess(["convert", large.Package.Root, "--out", output, "--format", "parquet", "--quiet"]);
            Assert.True(a.WaitUntil(() => Directory.Exists(output) && Directory.GetFiles(output, TableOutput.PartialPrefix + "*-forum-0.parquet").Length > 0), "run A ended before it wrote its partial files; " + a.Describe());
            a.Signal(ToolProcess.SigStop);
            if (!Unlocked(output) && attempt < 3)
            {
                // Paused while it held the lock for a moment (its start, or its renames): that is no overlap, try again.
                a.Signal(ToolProcess.SigCont);
                a.WaitForExit();
                continue;
            }

            // Run B, of another course, meanwhile: it used to stop at once ("another vismooc run (pid A) is writing this folder").
            using var b = new ToolProcess(["convert", s_hkust, "--out", output, "--format", "parquet", "--quiet"]);
            Assert.True(Poll.Until(() => b.HasExited, TimeSpan.FromSeconds(120)), "run B waited for the paused run A");
            var bExit = b.WaitForExit();
            bool aWasRunning = !a.HasExited;
            a.Signal(ToolProcess.SigCont);
            var aExit = a.WaitForExit();

            Assert.True(aWasRunning, "run A ended before run B ran beside it");
            Assert.Equal((0, ""), bExit);
            Assert.Equal((0, ""), aExit);

            // Both runs are whole: their reports, every part they list, and no partial file left.
            var reports = Directory.GetFiles(output, "report-*.json");
            Assert.Equal(2, reports.Length);
            foreach (string report in reports)
            {
                using var json = JsonDocument.Parse(File.ReadAllBytes(report));
                foreach (var part in json.RootElement.GetProperty("parquetFiles").EnumerateArray())
                {
                    Assert.Equal(part.GetProperty("bytes").GetInt64(), new FileInfo(Path.Combine(output, part.GetProperty("file").GetString()!)).Length);
                }
            }

            Assert.Empty(Directory.GetFiles(output, TableOutput.PartialPrefix + "*", SearchOption.AllDirectories));
            Assert.False(CommitMarker.IsPresent(output));
            Assert.Equal(0, ToolRunner.Run(["load", output, "--quiet", "--db", "duckdb:" + Path.Combine(temp.Path, "db" + attempt + ".duckdb")]).ExitCode);
            return;
        }
    }

    [Fact]
    public void TheFilesOfAParquetRunStillConvertingAreLeftAndThoseOfADeadOneRemoved()
    {
        using var temp = new LoadFixtures.TempFolder();
        string output = Path.Combine(temp.Path, "ds");
        Directory.CreateDirectory(output);

        // A run converting (it holds its run file) and its partial file, as a run on another machine leaves them.
        string prefix = TableOutput.PartialPrefix + "0badc0de-";
        string partial = Path.Combine(output, prefix + "users-0.parquet");
        File.WriteAllText(partial, "rows being written");
        using (OutputFolderLock.Hold(Path.Combine(output, OutputFolder.RunMarkName(prefix))))
        {
            // A run that started meanwhile used to delete every partial file it found: this one was lost.
            Assert.Equal(0, ToolRunner.Run(["convert", s_hkust, "--out", output, "--format", "parquet", "--quiet"]).ExitCode);
            Assert.True(File.Exists(partial));
            Assert.Equal(0, ToolRunner.Run(["convert", s_hkust, "--out", output, "--quiet"]).ExitCode);
            Assert.True(File.Exists(partial));
        }

        // Its process ended (killed): the next run removes its files.
        Assert.Equal(0, ToolRunner.Run(["convert", s_hkust, "--out", output, "--format", "parquet", "--quiet"]).ExitCode);
        Assert.Empty(Directory.GetFiles(output, TableOutput.PartialPrefix + "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void ALockFileMadeALinkWhileARunConvertsIsAOneLineErrorAtItsRenames()
    {
        using var temp = new LoadFixtures.TempFolder();
        for (int attempt = 1; ; attempt++)
        {
            string output = Path.Combine(temp.Path, "ds" + attempt);
            using var run = new ToolProcess(["convert", large.Package.Root, "--out", output, "--format", "parquet", "--quiet"]);
            Assert.True(run.WaitUntil(() => Directory.Exists(output) && Directory.GetFiles(output, TableOutput.PartialPrefix + "*-forum-0.parquet").Length > 0), "the run ended before it wrote its partial files; " + run.Describe());
            run.Signal(ToolProcess.SigStop);
            if (!Unlocked(output) && attempt < 3)
            {
                run.Signal(ToolProcess.SigCont);
                run.WaitForExit();
                continue;
            }

            // The lock file replaced meanwhile (by hand, or by a tool that copies the folder with links): the
            // run found it when it took the lock again to rename its parts, and crashed with a stack trace.
            string lockFile = Path.Combine(output, OutputFolderLock.FileName);
            File.Delete(lockFile);
            File.CreateSymbolicLink(lockFile, Path.Combine(temp.Path, "elsewhere"));
            run.Signal(ToolProcess.SigCont);
            var (exit, stderr) = run.WaitForExit();

            Assert.Equal(1, exit);
            Assert.StartsWith($"vismooc: error: {lockFile}: is a symbolic link", stderr, StringComparison.Ordinal);
            Assert.Single(stderr.TrimEnd('\n').Split('\n'));
            Assert.Empty(Directory.GetFiles(output, TableOutput.PartialPrefix + "*", SearchOption.AllDirectories));
            Assert.Empty(Directory.GetFiles(output, "report-*.json"));
            return;
        }
    }

    private static bool Unlocked(string output)
    {
        try
        {
            OutputFolderLock.ForWriting(output).Dispose();
            return true;
        }
        catch (OutputFolderInUseException)
        {
            return false;
        }
    }
}
