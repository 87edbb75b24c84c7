using VisMooc.Modules.Pipeline;


namespace VisMooc.Tool;

/// <summary>The tool's exit codes (also in <c>--help</c> and the README).</summary>
public static class ExitCodes
{
    /// <summary>Finished; nothing rejected.</summary>
    public const int Ok = 0;

    /// <summary>Failed: nothing (or nothing more) was written under a final name.</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong.</summary>
    public const int Usage = 2;

    /// <summary>Finished, but some input rows were rejected (see <c>rejects/</c> and <c>report.json</c>).</summary>
    public const int FinishedWithRejects = 3;

    /// <summary>Finished, but some courses could not be converted (their errors are on standard error and in <c>report.json</c>); the others were.</summary>
    public const int SomeCoursesFailed = 4;

    /// <summary>Stopped by Ctrl-C or SIGTERM: nothing was renamed or loaded (128 + SIGINT, as shells report a Ctrl-C).</summary>
    public const int Interrupted = 130;

    /// <summary>The exit code of a finished conversion: <see cref="Ok"/>, <see cref="FinishedWithRejects"/> or <see cref="SomeCoursesFailed"/>.</summary>
    public static int Of(ConvertOutcome outcome) => outcome switch
    {
        ConvertOutcome.Done => Ok,
        ConvertOutcome.DoneWithRejects => FinishedWithRejects,
        ConvertOutcome.CoursesFailed => SomeCoursesFailed,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "not a conversion outcome"),
    };

    /// <summary>One-paragraph description for help texts.</summary>
    public const string Help = "Exit codes: 0 done, 1 failed, 2 usage error, 3 done but some rows were rejected (see rejects/ and report.json), 4 done but some courses could not be converted (see the errors and report.json; --strict makes that exit 1), 130 interrupted (Ctrl-C or SIGTERM; nothing was renamed or loaded).";
}
