using VisMooc.Modules.Pipeline;
using VisMooc.Tool;

namespace VisMooc.Tests.Cli;

/// <summary>The library says how a conversion went; only the tool turns that into its documented exit codes.</summary>
public sealed class ExitCodeTests
{
    [Fact]
    public void EveryOutcomeHasItsDocumentedExitCode()
    {
        Assert.Equal(
            [(ConvertOutcome.Done, 0), (ConvertOutcome.DoneWithRejects, 3), (ConvertOutcome.CoursesFailed, 4)],
            Enum.GetValues<ConvertOutcome>().Select(o => (o, ExitCodes.Of(o))));
    }
}
