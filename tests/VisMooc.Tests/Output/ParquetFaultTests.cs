using VisMooc.Modules.Synth;
using VisMooc.Tests.Load;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Output;

/// <summary><c>convert --format parquet</c> meeting a full disk, names the file system cannot hold, and a run stopped among its renames.</summary>
public sealed class ParquetFaultTests
{
    private static readonly string s_hkust = Path.Combine(RepoPaths.Root, "samples", "HKUSTx-COMP102x-2T2014");

    [MountFact]
    public void AFullDiskIsAOneLineErrorAndLeavesNoPart()
    {
        using var temp = new LoadFixtures.TempFolder();
        var synth = PackageSynthesizer.Run(new SynthOptions { Learners = 3000, Output = Path.Combine(temp.Path, "p", "course") });
        string disk = Path.Combine(temp.Path, "disk");
        using (Mounts.Tmpfs(disk, 128 << 10))
        {
            // Room for the lock file and the first pages, not for the Parquet files (~300 KB).
            string output = Path.Combine(disk, "ds");

            // The native writer reports the failed write as an exception of its own: the run stopped
            // on it (exit 134 and a stack trace) instead of the one-line error of a full disk.
            var run = ToolRunner.Run(["convert", synth.Folder, "--out", output, "--format", "parquet"]);

            Assert.Equal($"vismooc: error: {output}: no space left on the device; nothing was renamed, earlier outputs are as they were", run.StdErr.TrimEnd('\n'));
            Assert.Equal(1, run.ExitCode);
            Assert.Equal([".vismooc-lock"], Directory.GetFiles(output, "*", SearchOption.AllDirectories).Select(Path.GetFileName));
        }
    }
}
