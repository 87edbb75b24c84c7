using System.Diagnostics;

namespace VisMooc.Tests.Support;

/// <summary>The built <c>vismooc</c> tool running in a child process, for tests that kill it at a chosen moment.</summary>
public sealed class ToolProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stderr;

    /// <summary>Starts <c>dotnet vismooc.dll ARGS</c>.</summary>
    public ToolProcess(IEnumerable<string> args, IDictionary<string, string?>? environment = null)
    {
        _process = Process.Start(ToolRunner.StartInfo(args, environment))!;
        _process.StandardInput.Close();
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _stderr = _process.StandardError.ReadToEndAsync();
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
}
