using VisMooc.Modules.Load;

namespace VisMooc.Tests.Load;

/// <summary>A new SQLite file is put in place without ever replacing one that another load put there first.</summary>
public sealed class NoReplaceMoveTests
{
    [Fact]
    public void MovesToAFreeNameAndRefusesATakenOneLeavingBothFilesAsTheyWere()
    {
        using var temp = new LoadFixtures.TempFolder();
        string source = Path.Combine(temp.Path, "source");
        string destination = Path.Combine(temp.Path, "destination");
        File.WriteAllText(source, "mine");
        File.WriteAllText(destination, "theirs");

        Assert.False(NoReplaceMove.TryMove(source, destination));
        Assert.Equal("mine", File.ReadAllText(source));
        Assert.Equal("theirs", File.ReadAllText(destination));

        File.Delete(destination);
        Assert.True(NoReplaceMove.TryMove(source, destination));
        Assert.False(File.Exists(source));
        Assert.Equal("mine", File.ReadAllText(destination));
    }
}
