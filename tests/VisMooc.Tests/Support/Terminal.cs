using System.Diagnostics;

namespace VisMooc.Tests.Support;

/// <summary>
/// Runs a command on a real pseudo-terminal: a detached tmux session of a fixed size, with
/// <c>script</c> between it and the command so that every byte the command writes is also kept.
/// Gives the screen as tmux shows it at the end (a screenshot as text) and the raw bytes.
/// </summary>
public sealed class Terminal : IDisposable
{
    private readonly string _folder;
    private readonly string _socket;

    private Terminal(string folder)
    {
        _folder = folder;
        _socket = Path.Combine(folder, "tmux.sock");
    }

    /// <summary>The screen at the end, lines without trailing blanks, no empty lines at the end.</summary>
    public string Screen { get; private set; } = "";

    /// <summary>Everything the command wrote to the terminal, escape sequences included.</summary>
    public string Raw { get; private set; } = "";

    /// <summary>The command's exit code.</summary>
    public int ExitCode { get; private set; }

    /// <summary>Runs <paramref name="arguments"/> (a program and its arguments) in <paramref name="folder"/> on a terminal of the given size.</summary>
    /// <param name="folder">The working folder (also holds tmux's socket and the captured bytes).</param>
    /// <param name="arguments">The program and its arguments.</param>
    /// <param name="columns">The terminal's width.</param>
    /// <param name="rows">The terminal's height.</param>
    /// <param name="whileRunning">Called once the command has started, to type at it (see <see cref="WaitFor"/> and <see cref="Keys"/>); null for none.</param>
    public static Terminal Run(string folder, IReadOnlyList<string> arguments, int columns, int rows, Action<Terminal>? whileRunning = null)
    {
        var terminal = new Terminal(folder);
        terminal.Start(arguments, columns, rows, whileRunning);
        return terminal;
    }

    /// <summary>Waits until the screen shows <paramref name="text"/> (fails the test after 3 minutes).</summary>
    public void WaitFor(string text)
    {
        if (!Poll.Until(() => Tmux("capture-pane", "-p").Contains(text.TrimEnd(), StringComparison.Ordinal), TimeSpan.FromMinutes(3)))
        {
            Assert.Fail($"the screen never showed '{text}'; screen:\n" + Tmux("capture-pane", "-p"));
        }
    }

    /// <summary>Types keys, as tmux send-keys names them (<c>C-c</c> for Ctrl-C).</summary>
    public void Keys(params string[] keys) => Tmux(["send-keys", .. keys]);

    private void Start(IReadOnlyList<string> arguments, int columns, int rows, Action<Terminal>? whileRunning)
    {
        string exitFile = Path.Combine(_folder, "exit-code");
        string raw = Path.Combine(_folder, "raw.log");
        string command = string.Join(' ', arguments.Select(Quote));

        // script gives the command its own terminal (sized like the pane) and keeps a copy of its bytes;
        // the shell writes the exit code, then waits on 'cat' so the pane, and its screen, stay.
        string shell = $"cd {Quote(_folder)} && script -q -e -c {Quote(command)} {Quote(raw)}; echo $? > {Quote(exitFile)}; exec cat";
        Tmux("-f", "/dev/null", "new-session", "-d", "-x", columns.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-y", rows.ToString(System.Globalization.CultureInfo.InvariantCulture), "sh", "-c", shell);
        whileRunning?.Invoke(this);
        if (!Poll.Until(() => File.Exists(exitFile) && File.ReadAllText(exitFile).EndsWith('\n'), TimeSpan.FromMinutes(3)))
        {
            Assert.Fail("the command on the terminal did not end within 3 minutes; screen:\n" + Tmux("capture-pane", "-p"));
        }

        ExitCode = int.Parse(File.ReadAllText(exitFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var lines = Tmux("capture-pane", "-p").Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        Screen = string.Join('\n', lines);
        Raw = File.ReadAllText(raw);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            Tmux("kill-server");
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private string Tmux(params string[] arguments)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-u");
        start.ArgumentList.Add("-S");
        start.ArgumentList.Add(_socket);
        foreach (string a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        // A UTF-8 locale, so tmux and the tool agree on the bar characters; no database password inherited.
        start.Environment["LANG"] = "C.UTF-8";
        start.Environment["LC_ALL"] = "C.UTF-8";
        start.Environment.Remove("VISMOOC_DB_PASSWORD");
        start.Environment.Remove("TMUX");
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"tmux {string.Join(' ', arguments)}: exit {process.ExitCode}: {error}");
    }

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
