using VisMooc.Tests.Shared;

namespace VisMooc.Generators.Tests;

/// <summary>Tests of the in-repo snapshot helper, in a temporary folder so no real snapshot is touched.</summary>
public sealed class SnapshotTests : IDisposable
{
    private const string Name = "SomeTests.Method#hint";
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("vismooc-snapshot-");

    private string Verified => Path.Combine(_directory.FullName, Name + ".verified.txt");

    private string Received => Path.Combine(_directory.FullName, Name + ".received.txt");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void NameFollowsVerifyConvention()
    {
        Assert.Equal("GeneratorTests.Emits#users", Snapshot.Name("GeneratorTests", "Emits", "users"));
        Assert.Equal("GeneratorTests.Emits", Snapshot.Name("GeneratorTests", "Emits"));
    }

    [Fact]
    public void MatchPassesAndDeletesStaleReceivedFile()
    {
        File.WriteAllText(Verified, "a\nb");
        File.WriteAllText(Received, "old output");

        Assert.Null(Snapshot.Compare(_directory.FullName, Name, "a\nb\n", "txt", accept: false, continuousIntegration: false));
        Assert.False(File.Exists(Received));
    }

    [Fact]
    public void LineEndingsAreNormalised()
    {
        File.WriteAllText(Verified, "a\r\nb\r\n");

        Assert.Null(Snapshot.Compare(_directory.FullName, Name, "a\nb", "txt", accept: false, continuousIntegration: false));
    }

    [Fact]
    public void MismatchFailsWithDiffAndWritesReceivedFile()
    {
        File.WriteAllText(Verified, "one\ntwo\nthree\nfour\nfive");

        string? failure = Snapshot.Compare(_directory.FullName, Name, "one\ntwo\nTHREE\nfour\nfive", "txt", accept: false, continuousIntegration: false);

        Assert.NotNull(failure);
        Assert.Contains("@@ -1,5 +1,5 @@\n one\n two\n-three\n+THREE\n four\n five\n", failure);
        Assert.Contains(Snapshot.AcceptVariable + "=1", failure);
        Assert.Equal("one\ntwo\nTHREE\nfour\nfive", File.ReadAllText(Received));
        Assert.Equal("one\ntwo\nthree\nfour\nfive", File.ReadAllText(Verified));
    }

    [Fact]
    public void VerifyInFailsTheTestOnlyOnMismatch()
    {
        File.WriteAllText(Verified, "expected");

        Assert.Throws<Xunit.Sdk.FailException>(() =>
            Snapshot.VerifyIn(_directory.FullName, Name, "actual", accept: false, continuousIntegration: false));
        Snapshot.VerifyIn(_directory.FullName, Name, "expected", accept: false, continuousIntegration: false);
    }

    [Fact]
    public void MissingVerifiedFileFails()
    {
        string? failure = Snapshot.Compare(_directory.FullName, Name, "new", "txt", accept: false, continuousIntegration: false);

        Assert.NotNull(failure);
        Assert.Contains("No verified snapshot", failure);
        Assert.Equal("new", File.ReadAllText(Received));
        Assert.False(File.Exists(Verified));
    }

    [Fact]
    public void AcceptOverwritesVerifiedFileAndPasses()
    {
        File.WriteAllText(Verified, "old");
        File.WriteAllText(Received, "old received");

        Assert.Null(Snapshot.Compare(_directory.FullName, Name, "new\r\n", "txt", accept: true, continuousIntegration: false));
        Assert.Equal("new", File.ReadAllText(Verified));
        Assert.False(File.Exists(Received));
    }

    [Fact]
    public void AcceptCreatesMissingVerifiedFile()
    {
        string directory = Path.Combine(_directory.FullName, "Snapshots");

        Assert.Null(Snapshot.Compare(directory, Name, "new", "sql", accept: true, continuousIntegration: false));
        Assert.Equal("new", File.ReadAllText(Path.Combine(directory, Name + ".verified.sql")));
    }

    [Fact]
    public void ContinuousIntegrationNeverAccepts()
    {
        File.WriteAllText(Verified, "old");

        string? failure = Snapshot.Compare(_directory.FullName, Name, "new", "txt", accept: true, continuousIntegration: true);

        Assert.NotNull(failure);
        Assert.Contains("CI=true", failure);
        Assert.Equal("old", File.ReadAllText(Verified));
        Assert.Equal("new", File.ReadAllText(Received));
    }

    [Fact]
    public void ContinuousIntegrationStillPassesMatchingSnapshots()
    {
        File.WriteAllText(Verified, "same");

        Assert.Null(Snapshot.Compare(_directory.FullName, Name, "same", "txt", accept: true, continuousIntegration: true));
    }
}
