using VisMooc.Modules.Discovery;
using VisMooc.Modules.Folders;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Staging;
using VisMooc.Tests.Load;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Safety;

/// <summary>Conversions that meet a full disk, an unwritable folder, an input still being written, a failed rename, or a kill.</summary>
public sealed class FaultTests(FaultTests.LargePackage large) : IClassFixture<FaultTests.LargePackage>
{
    private const string PartialPrefix = TableOutput.PartialPrefix;

    /// <summary>Posts in the generated package: enough that a run lasts long enough to be interrupted.</summary>
    private const int Posts = 60_000;

    [MountFact]
    public void AFullDiskIsAOneLineErrorAndTheEarlierOutputsStayAsTheyWere()
    {
        using var temp = new LoadFixtures.TempFolder();
        var earlier = CoursePackage.Sample(Path.Combine(temp.Path, "earlier"));
        string hkust = Path.Combine(RepoPaths.Root, "samples", "HKUSTx-COMP102x-2T2014");
        string disk = Path.Combine(temp.Path, "disk");
        using (Mounts.Tmpfs(disk, 1 << 20))
        {
            string output = Path.Combine(disk, "out");
            earlier.Convert(output);
            var before = CoursePackage.Files(output, withReport: true);
            string filler = Path.Combine(disk, "filler");
            FillDisk(filler);

            var run = ToolRunner.Run(["convert", hkust, "--out", output]);

            Assert.Equal(1, run.ExitCode);
            Assert.Equal($"vismooc: error: {output}: no space left on the device; nothing was renamed, earlier outputs are as they were", run.StdErr.TrimEnd('\n'));
            Assert.Equal(before, CoursePackage.Files(output, withReport: true));

            File.Delete(filler);
            Assert.Equal(0, ToolRunner.Run(["convert", hkust, "--out", output, "--quiet"]).ExitCode);
            string reference = Path.Combine(temp.Path, "reference");
            Assert.Equal(0, ToolRunner.Run(["convert", hkust, "--out", reference, "--quiet"]).ExitCode);
            Assert.Equal(CoursePackage.Files(reference), CoursePackage.Files(output));
        }
    }

    [MountFact]
    public void AReadOnlyOutputFolderIsAOneLineErrorAndTheEarlierOutputsStayAsTheyWere()
    {
        using var temp = new LoadFixtures.TempFolder();
        string output = Path.Combine(temp.Path, "out");
        CoursePackage.Sample(Path.Combine(temp.Path, "earlier")).Convert(output);
        var before = CoursePackage.Files(output, withReport: true);
        string hkust = Path.Combine(RepoPaths.Root, "samples", "HKUSTx-COMP102x-2T2014");

        ToolRunner.Result run;
        using (Mounts.ReadOnly(output))
        {
            run = ToolRunner.Run(["convert", hkust, "--out", output]);
        }

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"vismooc: error: {output}: cannot write: the file system is read-only; nothing was renamed, earlier outputs are as they were", run.StdErr.TrimEnd('\n'));
        Assert.Equal(before, CoursePackage.Files(output, withReport: true));
    }

    [Fact]
    public void AnOutputPathThatCannotBeAFolderIsAOneLineError()
    {
        using var temp = new LoadFixtures.TempFolder();
        string file = Path.Combine(temp.Path, "a-file");
        File.WriteAllText(file, "not a folder");
        var package = CoursePackage.Sample(Path.Combine(temp.Path, "in"));

        var run = ToolRunner.Run(["convert", package.Root, "--out", Path.Combine(file, "out")]);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"vismooc: error: {Path.Combine(file, "out")}: cannot write the output folder: ", run.StdErr, StringComparison.Ordinal);
        Assert.Single(run.StdErr.TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AnInputThatGrowsOrShrinksWhileItIsReadIsDetected(bool grows)
    {
        using var temp = new LoadFixtures.TempFolder();
        string path = Path.Combine(temp.Path, "x-prod.mongo");
        File.WriteAllBytes(path, new byte[1 << 20]);
        byte[] buffer = new byte[1 << 16];
        using var stream = InputDiscovery.Open(path);
        stream.ReadExactly(buffer);

        using (var writer = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            if (grows)
            {
                writer.Seek(0, SeekOrigin.End);
                writer.Write("{}\n"u8);
            }
            else
            {
                writer.SetLength(1 << 19);
            }
        }

        var e = Assert.Throws<ConvertException>(() =>
        {
            while (stream.Read(buffer) > 0)
            {
            }
        });
        string sizes = grows ? "1048576 bytes when opened, 1048579 read, 1048579 now" : "1048576 bytes when opened, 524288 read, 524288 now";
        Assert.Equal($"{path}: the file changed size while it was read ({sizes}); it is still being written or copied: convert again once it is complete", e.Message);
    }

    [Theory]
    [InlineData("fifo")]
    [InlineData("device")]
    public async Task AnInputThatIsNotARegularFileIsRefusedAtOnceNeverWaitedFor(string kind)
    {
        // Issue 11, item 11: opening a FIFO waits for a writer (forever, if none comes) and a device
        // such as /dev/zero never ends; both used to be read "as they come".
        using var temp = new LoadFixtures.TempFolder();
        string path = Path.Combine(temp.Path, "x-prod.mongo");
        if (kind == "fifo")
        {
            var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]);
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        else
        {
            File.CreateSymbolicLink(path, "/dev/zero");
        }

        var open = Task.Run(() => Assert.Throws<ConvertException>(() => InputDiscovery.Open(path)));

        var e = await open.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal($"{path}: is {(kind == "fifo" ? "a FIFO (named pipe)" : "a character device")}, not a regular file: VisMooc reads package files only; copy the data into a file", e.Message);
    }

    [Fact]
    public void AConversionOfAFileThatIsStillBeingWrittenFailsAndRenamesNothing()
    {
        using var temp = new LoadFixtures.TempFolder();
        var package = CoursePackage.Large(Path.Combine(temp.Path, "in"), Posts);
        string output = Path.Combine(temp.Path, "out");
        string forum = package.PathOf("-prod.mongo");

        using var tool = new ToolProcess(["convert", package.Root, "--out", output]);
        // Once forum rows reach the partial CSV the forum file is open and mostly unread: append to it.
        Assert.True(tool.WaitUntil(() => SizeOf(CoursePackage.Partial(output, "forum.csv")) > 0), "the conversion ended before it wrote forum rows" + "; " + tool.Describe());
        File.AppendAllText(forum, "{\"_id\":{\"$oid\":\"6c0000000000000000000001\"},\"_type\":\"Comment\"}\n");
        var (exitCode, stderr) = tool.WaitForExit();

        Assert.Equal(1, exitCode);
        Assert.Equal($"vismooc: error: {forum}: the file changed size while it was read", stderr[..stderr.IndexOf(" (", StringComparison.Ordinal)]);
        Assert.DoesNotContain(Directory.GetFiles(output), f => f.EndsWith(".csv", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal));
    }

    [MountFact]
    public void ARunStoppedBetweenTwoRenamesIsMarkedLoadRefusesTheFolderAndARerunRepairsIt()
    {
        using var temp = new LoadFixtures.TempFolder();
        string output = Path.Combine(temp.Path, "out");
        string hkust = Path.Combine(RepoPaths.Root, "samples", "HKUSTx-COMP102x-2T2014");
        string reference = Path.Combine(temp.Path, "reference");
        Assert.Equal(0, ToolRunner.Run(["convert", hkust, "--out", reference, "--quiet"]).ExitCode);
        CoursePackage.Sample(Path.Combine(temp.Path, "earlier")).Convert(output);
        var earlier = CoursePackage.Files(output);
        // A file mounted over grades.csv makes the sixth of the seven renames fail (EBUSY): the
        // state a kill between two renames leaves, without having to hit that moment. (A folder
        // there no longer does: the run refuses it before writing anything.)
        string blocker = Path.Combine(temp.Path, "blocker");
        File.WriteAllBytes(blocker, earlier["grades.csv"]);
        var mount = Mounts.BindFile(blocker, Path.Combine(output, "grades.csv"));
        try
        {
            var stopped = ToolRunner.Run(["convert", hkust, "--out", output]);

            Assert.Equal(1, stopped.ExitCode);
            Assert.Contains("the folder may now mix files of two runs (see .vismooc-commit-in-progress): convert into it again", stopped.StdErr, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(output, CommitMarker.FileName)));
            Assert.Equal(File.ReadAllBytes(Path.Combine(reference, "forum.csv")), File.ReadAllBytes(Path.Combine(output, "forum.csv")));
            Assert.Equal(earlier["users.csv"], File.ReadAllBytes(Path.Combine(output, "users.csv")));

            var load = ToolRunner.Run(["load", output]);
            Assert.Equal(1, load.ExitCode);
            Assert.Equal($"vismooc: error: {output}: a conversion stopped while renaming its files, so the tables may come from two runs; run 'vismooc convert' into it again; nothing was loaded", load.StdErr.TrimEnd('\n'));
            Assert.False(File.Exists(Path.Combine(output, "moocdb.sqlite")));
        }
        finally
        {
            mount.Dispose();
        }

        Assert.Equal(0, ToolRunner.Run(["convert", hkust, "--out", output, "--quiet"]).ExitCode);
        Assert.False(File.Exists(Path.Combine(output, CommitMarker.FileName)));
        Assert.Equal(CoursePackage.Files(reference), CoursePackage.Files(output));
        Assert.Equal(0, ToolRunner.Run(["load", output, "--quiet"]).ExitCode);
    }

    public static TheoryData<string> KillPoints => ["partial files exist", "forum.csv at 1 MB", "forum.csv at half its size", "forum.csv nearly whole"];

    [Theory]
    [MemberData(nameof(KillPoints))]
    public void AConversionKilledAtAnyPointLeavesTheEarlierOutputsAndARerunGivesTheSameBytes(string point)
    {
        using var temp = new LoadFixtures.TempFolder();
        var (package, reference) = (large.Package, large.Reference);
        long forumSize = new FileInfo(Path.Combine(reference, "forum.csv")).Length;
        string output = Path.Combine(temp.Path, "out");
        CoursePackage.Sample(Path.Combine(temp.Path, "earlier")).Convert(output);
        var earlier = CoursePackage.Files(output, withReport: true);
        long PartialForum() => SizeOf(CoursePackage.Partial(output, "forum.csv"));
        Func<bool> reached = point switch
        {
            "partial files exist" => () => PartialForum() >= 0,
            "forum.csv at 1 MB" => () => PartialForum() >= 1 << 20,
            "forum.csv at half its size" => () => PartialForum() >= forumSize / 2,
            _ => () => PartialForum() >= forumSize - (1 << 16),
        };

        using (var tool = new ToolProcess(["convert", package.Root, "--out", output]))
        {
            Assert.True(tool.WaitUntil(reached), $"the conversion ended before '{point}'" + "; " + tool.Describe());
            tool.Kill();
        }

        // Whatever the kill left carries a partial name; every final name is the earlier run's, byte for
        // byte. The lock file still names the killed run, whose lock the kernel released: the rerun takes it.
        var left = CoursePackage.Files(output, withReport: true);
        earlier.Remove(OutputFolderLock.FileName);
        Assert.Equal(earlier, new SortedDictionary<string, byte[]>(
            left.Where(f => !Path.GetFileName(f.Key).StartsWith(PartialPrefix, StringComparison.Ordinal) && f.Key != OutputFolderLock.FileName).ToDictionary(), StringComparer.Ordinal));
        Assert.False(File.Exists(Path.Combine(output, CommitMarker.FileName)));

        var rerun = ToolRunner.Run(["convert", package.Root, "--out", output, "--quiet"]);

        Assert.Equal(0, rerun.ExitCode);
        Assert.Equal(CoursePackage.Files(reference), CoursePackage.Files(output));
    }

    /// <summary>The generated package the kill tests convert (read only), and its uninterrupted conversion.</summary>
    public sealed class LargePackage : IDisposable
    {
        private readonly LoadFixtures.TempFolder _temp = new();

        /// <summary>Generates and converts the package once for the class.</summary>
        public LargePackage()
        {
            Package = CoursePackage.Large(Path.Combine(_temp.Path, "in"), Posts);
            Reference = Path.Combine(_temp.Path, "reference");
            Package.Convert(Reference);
        }

        /// <summary>The package.</summary>
        internal CoursePackage Package { get; }

        /// <summary>Its tables, converted without interruption.</summary>
        public string Reference { get; }

        /// <inheritdoc/>
        public void Dispose() => _temp.Dispose();
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    internal static long SizeOf(string? path)
    {
        if (path is null)
        {
            return -1;
        }

        try
        {
            return new FileInfo(path).Length;
        }
        catch (IOException)
        {
            return -1;
        }
    }

    private static void FillDisk(string path)
    {
        using var filler = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1);
        byte[] block = new byte[4096];
        try
        {
            while (true)
            {
                filler.Write(block);
            }
        }
        catch (IOException)
        {
            // full
        }
    }
}
