using System.Diagnostics;
using System.Text.RegularExpressions;

namespace VisMooc.Tests.Support;

/// <summary>Runs the built <c>vismooc</c> tool in a child process, as a user would.</summary>
public static partial class ToolRunner
{
    /// <summary>
    /// The result of a run. <see cref="StdErr"/> is standard error without the progress lines
    /// (<c>vismooc: converting, 2 s: …</c>), which a run without a terminal prints every two seconds:
    /// on a busy machine even a small run prints some, and tests of messages are not about them.
    /// <see cref="RawStdErr"/> has every byte.
    /// </summary>
    public sealed record Result(int ExitCode, string StdOut, string RawStdErr)
    {
        /// <summary>Standard error without progress lines.</summary>
        public string StdErr { get; } = string.Join('\n', RawStdErr.Split('\n').Where(l => !IsProgress(l)));
    }

    /// <summary>True for a progress line of a run without a terminal: <c>vismooc: PHASE, N s: …</c>.</summary>
    public static bool IsProgress(string line) => ProgressLine().IsMatch(line);

    /// <summary>Runs <c>dotnet vismooc.dll ARGS</c> with extra environment variables.</summary>
    public static Result Run(IEnumerable<string> args, IDictionary<string, string?>? environment = null, string? workingDirectory = null)
    {
        using var process = Process.Start(StartInfo(args, environment, workingDirectory))!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>How to start the built tool: <c>dotnet vismooc.dll ARGS</c>, all streams redirected, no database password inherited.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args, IDictionary<string, string?>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vismooc.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment.Remove("VISMOOC_DB_PASSWORD");
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[key] = value;
        }

        return start;
    }

    [GeneratedRegex(@"^vismooc: (converting|loading into .+), \d+ s: ")]
    private static partial Regex ProgressLine();
}
