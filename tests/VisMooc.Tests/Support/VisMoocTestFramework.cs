using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("VisMooc.Tests.Support.VisMoocTestFramework", "VisMooc.Tests")]

namespace VisMooc.Tests.Support;

/// <summary>
/// xUnit's own framework, which first says why groups of tests will be skipped (see
/// <see cref="SkipNotices"/>): xunit.runner.json turns on diagnostic messages, which
/// <c>dotnet test</c> prints once, as <c>[xUnit.net …] VisMooc.Tests: MySQL/MariaDB tests skipped: …</c>.
/// </summary>
public sealed class VisMoocTestFramework : XunitTestFramework
{
    /// <summary>Reports the skip notices to the runner.</summary>
    public VisMoocTestFramework(IMessageSink messageSink)
        : base(messageSink)
    {
        foreach (string notice in SkipNotices.ForThisMachine())
        {
            messageSink.OnMessage(new DiagnosticMessage(notice));
        }
    }
}
