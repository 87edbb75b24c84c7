using VisMooc.Modules.Sources.EdxTsv;
using VisMooc.Modules.Sources.UsersJoin;


namespace VisMooc.Tests.Perf;

/// <summary>The users join's profile index: pages added in file order, the first profile of a user wins, and looking profiles up ahead changes nothing.</summary>
public sealed class ProfileStoreTests
{
    private static readonly string s_profiles = "id\tuser_id\tname\n1\t10\tAda\n2\t11\tNULL\n3\t10\tSecond\n4\t12\tBo\n";

    [Fact]
    public void TheFirstProfileOfAUserWinsAndLaterOnesAreReportedWithTheirLines()
    {
        var duplicates = new List<(long, long)>();
        var store = Load(duplicates);

        Assert.Equal(3, store.Count);
        Assert.Equal([(10L, 4L)], duplicates);
        Assert.Equal("Ada", Name(store, store.Match(10)));
        Assert.Null(Name(store, store.Match(11)));
        Assert.Equal(-1, store.Match(13));
        Assert.Equal([12L], store.UnmatchedUserIds());
    }

    [Fact]
    public void LookingProfilesUpAheadMarksNothing()
    {
        var store = Load([]);

        Assert.True(store.Touch([10, 11, 12, 13, -5]) >= 0);

        // Only Match marks a profile as joined: all three are still without a user.
        Assert.Equal([10L, 11, 12], store.UnmatchedUserIds());
    }

    private static ProfileStore Load(List<(long, long)> duplicates)
    {
        using var file = new EdxTsvReader(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(s_profiles)), "p.sql");
        using var reader = new EdxTsvReader(file);
        var store = new ProfileStore(1);
        var chunks = file.Chunks(20);
        while (chunks.TryRead(out var chunk))
        {
            var batch = new ProfileBatch();
            reader.Load(chunk);
            while (reader.Read())
            {
                batch.Add(long.Parse(System.Text.Encoding.ASCII.GetString(reader.GetField(1).Utf8), System.Globalization.CultureInfo.InvariantCulture), reader.LineNumber, reader, [2]);
            }

            batch.Seal();
            store.Add(batch, (user, line) => duplicates.Add((user, line)));
            chunk.Return();
        }

        return store;
    }

    private static string? Name(ProfileStore store, long location)
    {
        int[] starts = new int[1];
        int[] lengths = new int[1];
        store.Decode(location, starts, lengths);
        return starts[0] < 0 ? null : System.Text.Encoding.UTF8.GetString(store.PageOf(location).Slice(starts[0], lengths[0]));
    }
}
