using System.Diagnostics;
using System.Runtime.InteropServices;

namespace VisMooc.Tests.Support;

/// <summary>The built <c>vismooc</c> tool running in a child process, for tests that kill or interrupt it at a chosen moment.</summary>
public sealed class ToolProcess : IDisposable
{
    /// <summary>SIGINT, what Ctrl-C sends.</summary>
    public const int SigInt = 2;

    /// <summary>SIGTERM, what <c>kill</c> and service managers send.</summary>
    public const int SigTerm = 15;

    /// <summary>SIGSTOP (Linux): pauses the process where it is, holding whatever it holds.</summary>
    public const int SigStop = 19;

    /// <summary>SIGCONT (Linux): resumes a paused process.</summary>
    public const int SigCont = 18;

    private readonly Process _process;
    private readonly Task<string> _stderr;
    private readonly System.Text.StringBuilder _stderrSoFar = new();
    private readonly System.Text.StringBuilder _stdout = new();

    /// <summary>Starts <c>dotnet vismooc.dll ARGS</c>.</summary>
    public ToolProcess(IEnumerable<string> args, IDictionary<string, string?>? environment = null)
        : this(ToolRunner.StartInfo(args, environment))
    {
    }

    private ToolProcess(ProcessStartInfo start)
    {
        _process = Process.Start(start)!;
        _process.StandardInput.Close();
        _process.OutputDataReceived += (_, e) =>
        {
            lock (_stdout)
            {
                _stdout.Append(e.Data is null ? "" : e.Data + "\n");
            }
        };
        _process.BeginOutputReadLine();
        var stderr = _process.StandardError;
        _stderr = Task.Run(() =>
        {
            // Read as it comes, so a test can wait for a line the tool prints while it runs.
            char[] buffer = new char[4096];
            int n;
            while ((n = stderr.Read(buffer, 0, buffer.Length)) > 0)
            {
                lock (_stderrSoFar)
                {
                    _stderrSoFar.Append(buffer, 0, n);
                }
            }

            return StdErrSoFar;
        });
    }

    /// <summary>What the process has written to standard output (all of it once <see cref="WaitForExit"/> has returned).</summary>
    public string StdOut
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    /// <summary>What the process has written to standard error so far.</summary>
    public string StdErrSoFar
    {
        get
        {
            lock (_stderrSoFar)
            {
                return _stderrSoFar.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the tool with SIGINT at its default action, through <c>env --default-signal</c> (which
    /// then runs the tool in its own place, same process id): a test run from a script's background
    /// job inherits SIGINT ignored, and an ignored signal stays ignored in the tool.
    /// </summary>
    public static ToolProcess Interruptible(IEnumerable<string> args, IDictionary<string, string?>? environment = null)
    {
        var start = ToolRunner.StartInfo(args, environment);
        start.ArgumentList.Insert(0, start.FileName);
        start.ArgumentList.Insert(0, "--default-signal=INT");
        start.FileName = "env";
        return new ToolProcess(start);
    }

    /// <summary>The tool's process id.</summary>
    public int Id => _process.Id;

    /// <summary>Sends <paramref name="signal"/> to the tool (only to it, not to a process group).</summary>
    public void Signal(int signal)
    {
        if (kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: {Marshal.GetLastPInvokeErrorMessage()}");
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds (true), or the process ends first or a minute has passed (false).</summary>
    public bool WaitUntil(Func<bool> condition)
    {
        // Checked once per poll and remembered: a moment (a running statement) may be over by a second check.
        bool met = false;
        Poll.Until(() => (met = condition()) || _process.HasExited, TimeSpan.FromSeconds(60));
        return met;
    }

    /// <summary>Kills the process (SIGKILL, no chance to clean up) and waits until it is gone.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Waits for a normal end; the exit code and standard error without progress lines (see <see cref="ToolRunner.Result"/>).</summary>
    public (int ExitCode, string StdErr) WaitForExit()
    {
        _process.WaitForExit();
        return (_process.ExitCode, string.Join('\n', _stderr.Result.Split('\n').Where(l => !ToolRunner.IsProgress(l))));
    }

    /// <summary>For failure messages: how the process ended and what it said, or that it still runs.</summary>
    public string Describe() => _process.HasExited ? $"it exited with {_process.ExitCode}: {_stderr.Result}" : "it still runs";

    /// <summary>True once the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
