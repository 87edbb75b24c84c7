using System.Runtime.InteropServices;

namespace VisMooc.Tool;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM during <c>convert</c>, <c>run</c> and <c>load</c>: the first one
/// cancels <see cref="Token"/>, which the conversion and the loaders watch; the command then
/// cleans up (partial files removed, lock released, transaction rolled back), prints one line
/// saying what is unchanged and exits with <see cref="ExitCodes.Interrupted"/>. A second signal
/// ends the process at once, as the signal would without this (what a kill leaves is described
/// in the README's Data safety section). A signal that the shell told this process to ignore (a
/// background job of a script) stays ignored.
/// </summary>
internal static class Interruption
{
    private static readonly CancellationTokenSource s_source = new();
    private static readonly Lock s_lock = new();
    private static PosixSignalRegistration[]? s_registrations;
    private static int s_signals;

    /// <summary>Cancelled by the first Ctrl-C or SIGTERM after <see cref="Listen"/>.</summary>
    public static CancellationToken Token => s_source.Token;

    /// <summary>True once a signal has asked the command to stop.</summary>
    public static bool Requested => s_source.IsCancellationRequested;

    /// <summary>Starts turning Ctrl-C and SIGTERM into <see cref="Token"/> (once per process; the registrations live as long as it).</summary>
    public static void Listen()
    {
        lock (s_lock)
        {
            s_registrations ??= [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
        }
    }

    /// <summary>Prints <c>vismooc: interrupted: WHAT</c> (also with --quiet: it explains the exit code) and returns <see cref="ExitCodes.Interrupted"/>.</summary>
    public static int Report(string what)
    {
        Console.Error.WriteLine("vismooc: interrupted: " + what);
        return ExitCodes.Interrupted;
    }

    /// <summary>
    /// While the returned object lives (a question on the terminal, which no token can cancel), the
    /// first Ctrl-C or SIGTERM ends the process at once: a new line, <c>vismooc: interrupted:
    /// <paramref name="what"/></c>, exit code <see cref="ExitCodes.Interrupted"/> (the terminal's
    /// echo is restored as the process exits).
    /// </summary>
    public static IDisposable Prompting(string what)
    {
        Listen();
        Volatile.Write(ref s_prompt, what);
        return new PromptScope();
    }

    private static string? s_prompt;

    private static void Handle(PosixSignalContext context)
    {
        if (Volatile.Read(ref s_prompt) is string what)
        {
            context.Cancel = true;
            Console.Error.WriteLine();
            Report(what);
            Environment.Exit(ExitCodes.Interrupted);
        }

        if (Interlocked.Increment(ref s_signals) > 1)
        {
            context.Cancel = false; // the second: the signal's own action, which ends the process now
            return;
        }

        context.Cancel = true;
        s_source.Cancel();
    }

    private sealed class PromptScope : IDisposable
    {
        public void Dispose() => Volatile.Write(ref s_prompt, null);
    }
}
