using VisMooc.Tests.Load;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Converting;

/// <summary>
/// Issue 11, item 11: <c>--pseudonym-key-file</c> and <c>--password-file</c> are read with a small
/// bound and never from a FIFO or a device: <c>/dev/zero</c> was read without end (3.5 GB in 20 s)
/// and a FIFO waited for a writer forever.
/// </summary>
public sealed class SmallFileTests
{
    public static TheoryData<string, string> Files => new()
    {
        { "/dev/zero", "is a character device, not a regular file" },
        { "fifo", "is a FIFO (named pipe), not a regular file" },
        { "100 KB", "is longer than 64 KiB, which is not a key or password file" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void APseudonymKeyFileIsReadWithABoundAndNeverFromADeviceOrAFifo(string kind, string problem)
    {
        using var temp = new LoadFixtures.TempFolder();
        string key = KeyFile(temp.Path, kind);
        string sample = Path.Combine(RepoPaths.Root, "samples", "HKUSTx-COMP102x-2T2014");

        var (exitCode, stderr) = RunBounded(["convert", sample, "--out", Path.Combine(temp.Path, "out"), "--pseudonym-key-file", key]);

        Assert.Equal(2, exitCode);
        Assert.Equal($"vismooc: error: {key}: {problem}: give the key file (e.g. made by head -c 32 /dev/urandom > key)\n", stderr);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "out")));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void APasswordFileIsReadWithABoundAndNeverFromADeviceOrAFifo(string kind, string problem)
    {
        using var temp = new LoadFixtures.TempFolder();
        string password = KeyFile(temp.Path, kind);
        string csv = Path.Combine(temp.Path, "csv");
        Directory.CreateDirectory(csv);

        // The password is read before any connection is tried (port 9 would refuse it anyway).
        var (exitCode, stderr) = RunBounded(["load", csv, "--db", "mysql://moocdb@127.0.0.1:9/moocdb", "--password-file", password]);

        Assert.Equal(1, exitCode);
        Assert.Equal($"vismooc: error: {password}: {problem}: give the password file (its first line is the password)\n", stderr);
    }

    private static string KeyFile(string folder, string kind)
    {
        string path = Path.Combine(folder, "secret");
        switch (kind)
        {
            case "/dev/zero":
                return "/dev/zero";
            case "fifo":
                var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path])!;
                mkfifo.WaitForExit();
                Assert.Equal(0, mkfifo.ExitCode);
                return path;
            default:
                File.WriteAllBytes(path, new byte[100_000]);
                return path;
        }
    }

    private static (int ExitCode, string StdErr) RunBounded(string[] args)
    {
        using var tool = new ToolProcess(args);
        Assert.True(tool.WaitUntil(() => tool.HasExited), "it did not stop within a minute: " + tool.Describe());
        return tool.WaitForExit();
    }
}
