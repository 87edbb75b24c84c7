using System.Diagnostics;
using VisMooc.Tests.Load;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Safety;

/// <summary>
/// Harden items 5, 6, 10 and 11: whatever file, folder or stream a command is given, a problem
/// with it is one line on standard error and a documented exit code: never a stack trace, never
/// a wait without end (a FIFO), never a write through a link the tool did not create, never a
/// half-written run because a folder has a table's name.
/// </summary>
public sealed class FileErrorTests : IDisposable
{
    private static readonly string s_sample = Path.Combine(RepoPaths.Root, "samples", "SynthX-STAT201x-3T2014");

    private readonly LoadFixtures.TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string In(string name) => Path.Combine(_temp.Path, name);

    /// <summary>Exit code 1 (or <paramref name="exitCode"/>) and exactly one line on standard error, which holds <paramref name="expected"/>; no stack trace.</summary>
    private static void AssertOneLineError(ToolRunner.Result run, string expected, int exitCode = 1)
    {
        Assert.Equal(exitCode, run.ExitCode);
        Assert.DoesNotContain("Unhandled", run.RawStdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.RawStdErr, StringComparison.Ordinal);
        string[] lines = run.StdErr.Trim().Split('\n');
        Assert.True(lines.Length == 1, "one line expected:\n" + run.RawStdErr);
        Assert.Contains(expected, lines[0], StringComparison.Ordinal);
    }

    /// <summary>Runs the tool with its standard output redirected by the shell (<c>&gt;/dev/full</c>, <c>&gt;&amp;-</c>).</summary>
    private static ToolRunner.Result RunRedirected(string redirection, params string[] args)
    {
        var start = ToolRunner.StartInfo([]);
        start.FileName = "sh";
        start.ArgumentList.Clear();
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec dotnet \"$0\" \"$@\" " + redirection);
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vismooc.dll"));
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.RedirectStandardOutput = false;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return new ToolRunner.Result(process.ExitCode, "", stderr);
    }

    /// <summary>Runs the tool; one that does not end within a minute (it waits on a FIFO) is killed and fails the test.</summary>
    private static ToolRunner.Result RunGuarded(params string[] args)
    {
        using var process = Process.Start(ToolRunner.StartInfo(args))!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("vismooc " + string.Join(' ', args) + ": still running after a minute (waiting on a FIFO?)");
        }

        return new ToolRunner.Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    private string Fifo(string name)
    {
        string path = In(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = Process.Start("mkfifo", [path])!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    private string ConvertedFolder(string name)
    {
        var convert = ToolRunner.Run(["convert", s_sample, "--out", In(name), "--quiet"]);
        Assert.Equal(0, convert.ExitCode);
        return In(name);
    }

    [Fact]
    public void OutputsThatAreNotRegularFilesAreOneLineErrors()
    {
        // Item 5: a folder, a device and a closed or full standard output were stack traces.
        Directory.CreateDirectory(In("dir"));
        AssertOneLineError(ToolRunner.Run(["schema", "--out", In("dir")]), In("dir") + ": is a folder, not a regular file; --out takes the name of a file to write");
        AssertOneLineError(ToolRunner.Run(["schema", "--out", "/dev/full"]), "/dev/full: is a character device, not a regular file");
        AssertOneLineError(RunRedirected(">/dev/full", "schema"), "vismooc: error: cannot write to standard output: No space left on device");
        AssertOneLineError(RunRedirected(">/dev/full", "describe", "users"), "vismooc: error: cannot write to standard output: No space left on device");
        AssertOneLineError(RunRedirected(">&-", "schema", "--dialect", "sqlite"), "vismooc: error: cannot write to standard output: Bad file descriptor");
        AssertOneLineError(RunRedirected(">&-", "describe"), "vismooc: error: cannot write to standard output: Bad file descriptor");
    }

    [Fact]
    public void AConversionWhoseStandardOutputIsClosedSaysSoAfterItsWork()
    {
        // The summary cannot be printed: one line and exit code 1; the tables are whole all the same.
        string reference = File.ReadAllText(Path.Combine(ConvertedFolder("reference"), "users.csv"));

        var run = RunRedirected(">&-", "convert", s_sample, "--out", In("closed"));

        AssertOneLineError(run, "vismooc: error: cannot write to standard output: Bad file descriptor");
        Assert.Equal(reference, File.ReadAllText(Path.Combine(In("closed"), "users.csv")));
        Assert.Equal(0, new FileInfo(Path.Combine(In("closed"), ".vismooc-lock")).Length);
    }

    [Fact]
    public void ABrokenPipeIsNoError()
    {
        // `vismooc describe | head -1`: the reader goes away; the tool ends without a message.
        var run = RunRedirected("| head -c 1 >/dev/null", "describe");

        Assert.Equal("", run.RawStdErr);
    }

    [Fact]
    public void ConfigFilesThatAreNotRegularFilesAreOneLineErrors()
    {
        Directory.CreateDirectory(In("config-dir"));
        AssertOneLineError(ToolRunner.Run(["run", "--config", In("config-dir")]), In("config-dir") + ": is a folder, not a regular file: give the config file (config.yml)");
        AssertOneLineError(RunGuarded("run", "--config", Fifo("config.yml")), In("config.yml") + ": is a FIFO (named pipe), not a regular file: give the config file (config.yml)");
    }

    [Fact]
    public void AFifoIsNeverWaitedOn()
    {
        // Item 6: every file the tool opens by name, for reading or for writing.
        string csv = ConvertedFolder("csv");
        File.Delete(Path.Combine(csv, "users.csv"));
        Fifo(Path.Combine("csv", "users.csv"));
        AssertOneLineError(RunGuarded("load", csv, "--db", "sqlite:" + In("db.sqlite")), Path.Combine(csv, "users.csv") + ": is a FIFO (named pipe), not a table file; nothing was loaded");
        Assert.False(File.Exists(In("db.sqlite")));

        string loaded = ConvertedFolder("csv2");
        AssertOneLineError(RunGuarded("schema", "--out", Fifo("schema.sql")), In("schema.sql") + ": is a FIFO (named pipe), not a regular file");
        AssertOneLineError(RunGuarded("load", loaded, "--db", "sqlite:" + Fifo("fifo.sqlite")), In("fifo.sqlite") + ": is a FIFO (named pipe), not a SQLite database file; nothing was loaded");
        AssertOneLineError(RunGuarded("load", loaded, "--db", "mysql://u@127.0.0.1:1/db", "--password-file", Fifo("password")), In("password") + ": is a FIFO (named pipe), not a regular file");
        AssertOneLineError(RunGuarded("convert", s_sample, "--out", In("out"), "--pseudonym-key-file", Fifo("key")), In("key") + ": is a FIFO (named pipe), not a regular file", exitCode: 2);
        Directory.CreateDirectory(In("SynthX-T101x-2T2016"));
        AssertOneLineError(RunGuarded("synth", "--learners", "10", "--out", In("SynthX-T101x-2T2016"), "--quiet"), "", exitCode: 0);
        string synthFile = Directory.GetFiles(In("SynthX-T101x-2T2016")).First(f => f.EndsWith("-auth_user-prod-analytics.sql", StringComparison.Ordinal));
        File.Delete(synthFile);
        Fifo(Path.GetRelativePath(_temp.Path, synthFile));
        AssertOneLineError(RunGuarded("synth", "--learners", "10", "--out", In("SynthX-T101x-2T2016"), "--quiet"), synthFile + ": is a FIFO (named pipe), not a file");
    }

    [Fact]
    public void AFolderNamedLikeATableIsAOneLineErrorBeforeAnythingIsWritten()
    {
        // Item 11: convert wrote every partial file, then failed renaming onto the folder.
        foreach (string name in new[] { "users.csv", "report.json", Path.Combine("rejects", "users.tsv"), ".vismooc-lock", ".vismooc-commit-in-progress" })
        {
            string output = In("out-" + name.Replace('/', '-'));
            Directory.CreateDirectory(Path.Combine(output, name));

            var run = ToolRunner.Run(["convert", s_sample, "--out", output, "--quiet"]);

            AssertOneLineError(run, Path.Combine(output, name) + ": is a folder, not a file; vismooc writes a file of this name in its output folder");
            Assert.Empty(Directory.GetFiles(output, "*.csv"));
            Assert.Empty(Directory.GetFiles(output, ".vismooc-partial-*"));
        }

        string csv = ConvertedFolder("csv");
        File.Delete(Path.Combine(csv, "videos.csv"));
        Directory.CreateDirectory(Path.Combine(csv, "videos.csv"));
        AssertOneLineError(ToolRunner.Run(["load", csv, "--quiet"]), Path.Combine(csv, "videos.csv") + ": is a folder, not a table file; nothing was loaded");
        Assert.False(File.Exists(Path.Combine(csv, "moocdb.sqlite")));
    }

    [Fact]
    public void DatabaseFilesThatNameAFolderAreOneLineErrors()
    {
        string csv = ConvertedFolder("csv");
        AssertOneLineError(ToolRunner.Run(["load", csv, "--db", "sqlite:/"]), "sqlite:PATH names a folder", exitCode: 2);
        AssertOneLineError(ToolRunner.Run(["load", csv, "--db", "sqlite:" + In("new") + "/"]), "sqlite:PATH names a folder", exitCode: 2);
        AssertOneLineError(ToolRunner.Run(["load", csv, "--db", "sqlite:" + csv]), csv + ": is a folder, not a SQLite database file; nothing was loaded");
        AssertOneLineError(ToolRunner.Run(["run", s_sample, "--out", In("run"), "--db", "mysql://u@h/"]), "expected mysql://USER@HOST[:PORT]/DATABASE", exitCode: 2);
    }

    [Fact]
    public void SchemaOutNeverWritesThroughALink()
    {
        // Item 10: schema --out X wrote X.tmp through whatever link was there, and replaced a linked X.
        File.WriteAllText(In("outside.sql"), "precious\n");
        File.CreateSymbolicLink(In("schema.sql.tmp"), In("outside.sql"));
        var first = ToolRunner.Run(["schema", "--out", In("schema.sql")]);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal("precious\n", File.ReadAllText(In("outside.sql")));
        Assert.StartsWith("-- ", File.ReadAllText(In("schema.sql")), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_temp.Path, "*vismooc-partial*"));

        File.CreateSymbolicLink(In("linked.sql"), In("outside.sql"));
        AssertOneLineError(ToolRunner.Run(["schema", "--out", In("linked.sql")]), In("linked.sql") + ": is a symbolic link (to " + In("outside.sql") + "); vismooc schema never writes through a link");
        Assert.Equal("precious\n", File.ReadAllText(In("outside.sql")));
    }

    [Fact]
    public void ALockFileHardLinkedElsewhereIsRefusedAndLeftAlone()
    {
        // Item 10: a run wrote its process id into .vismooc-lock, and so into every other name of that file.
        File.WriteAllText(In("outside"), "precious\n");
        Directory.CreateDirectory(In("out"));
        Assert.Equal(0, link(In("outside"), Path.Combine(In("out"), ".vismooc-lock")));

        AssertOneLineError(ToolRunner.Run(["convert", s_sample, "--out", In("out"), "--quiet"]), Path.Combine(In("out"), ".vismooc-lock") + ": has 2 names (hard links)");
        Assert.Equal("precious\n", File.ReadAllText(In("outside")));

        string csv = ConvertedFolder("csv");
        File.Delete(Path.Combine(csv, ".vismooc-lock"));
        File.WriteAllText(In("outside2"), "precious\n");
        Assert.Equal(0, link(In("outside2"), Path.Combine(csv, ".vismooc-lock")));
        AssertOneLineError(ToolRunner.Run(["load", csv, "--quiet"]), Path.Combine(csv, ".vismooc-lock") + ": has 2 names (hard links)");
        Assert.Equal("precious\n", File.ReadAllText(In("outside2")));
    }

    [Fact]
    public void SynthNeverWritesThroughALinkAtAPartialName()
    {
        File.WriteAllText(In("outside"), "precious\n");
        Directory.CreateDirectory(In("SynthX-T101x-2T2016"));
        Assert.Equal(0, ToolRunner.Run(["synth", "--learners", "10", "--out", In("SynthX-T101x-2T2016"), "--quiet"]).ExitCode);
        foreach (string file in Directory.GetFiles(In("SynthX-T101x-2T2016")))
        {
            File.CreateSymbolicLink(Path.Combine(In("SynthX-T101x-2T2016"), ".vismooc-partial-" + Path.GetFileName(file)), In("outside"));
        }

        Assert.Equal(0, ToolRunner.Run(["synth", "--learners", "10", "--out", In("SynthX-T101x-2T2016"), "--quiet"]).ExitCode);

        Assert.Equal("precious\n", File.ReadAllText(In("outside")));
        Assert.Empty(Directory.GetFileSystemEntries(In("SynthX-T101x-2T2016"), ".vismooc-partial-*"));
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int link([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string target, [System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string name);
}
