using System.Diagnostics;

namespace VisMooc.Tests.Support;

/// <summary>The built <c>vismooc</c> tool running in a child process, for tests that kill it at a chosen moment.</summary>
public sealed class ToolProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stderr;
    private readonly System.Text.StringBuilder _stderrSoFar = new();
    private readonly System.Text.StringBuilder _stdout = new();

    /// <summary>Starts <c>dotnet vismooc.dll ARGS</c>.</summary>
    public ToolProcess(IEnumerable<string> args, IDictionary<string, string?>? environment = null)
    {
        _process = Process.Start(ToolRunner.StartInfo(args, environment))!;
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

    /// <summary>Waits for a normal end; the exit code and standard error.</summary>
    public (int ExitCode, string StdErr) WaitForExit()
    {
        _process.WaitForExit();
        return (_process.ExitCode, _stderr.Result);
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
}
