using VisMooc.Tests.Support;

namespace VisMooc.Tests.Converting;

/// <summary>What VisMooc does where the contract is silent (README, "Choices where the contract is silent").</summary>
public sealed class ContractSilenceTests
{
    private const string ProfileHeader = "id\tuser_id\tname\tlanguage\tlocation\tyear_of_birth\tlevel_of_education\tgoals\tgender\tcountry\n";

    [Fact]
    public void ProfilesJoinUsersByIntegerId()
    {
        using var h = new ConvertHarness();
        h.Write("X-J-1", "auth_user-prod-analytics.sql", "id\tusername\n101\tada\n");
        h.Write("X-J-1", "auth_userprofile-prod-analytics.sql", ProfileHeader + "50\t0101\tAda\t\t\t1990\tb\t\tf\tZZ\n");

        h.Convert();

        Assert.Equal(("50", "101", "1990"), h.Rows("users").Select(r => (r[0], r[1], r[6])).Single());
    }

    [Fact]
    public void ALearnerWithAProfileInOnlyOneOfTwoCoursesHasTwoUsersRows()
    {
        using var h = new ConvertHarness();
        h.Write("X-A-1", "auth_user-prod-analytics.sql", "id\tusername\n7\tada\n");
        h.Write("X-A-1", "auth_userprofile-prod-analytics.sql", ProfileHeader);
        h.Write("X-B-1", "auth_user-prod-analytics.sql", "id\tusername\n7\tada\n");
        h.Write("X-B-1", "auth_userprofile-prod-analytics.sql", ProfileHeader + "50\t7\tAda\t\t\t1990\tb\t\tf\tZZ\n");

        h.Convert();

        Assert.Equal([("user-7", "7"), ("50", "7")], h.Rows("users").Select(r => (r[0]!, r[1]!)));
    }

    [Fact]
    public void AForumObjectOrArrayInATextColumnIsItsJsonTextAsTheLineHasIt()
    {
        using var h = new ConvertHarness();
        h.Write("X-F-1", "prod.mongo", "{\"_id\":{\"$oid\":\"a1\"},\"_type\":\"Comment\",\"body\":{ \"a\" : [1, 2] },\"author_id\":[\"7\"]}\n");

        h.Convert();

        var row = h.Rows("forum").Single();
        Assert.Equal(("{ \"a\" : [1, 2] }", "[\"7\"]"), (ConvertHarness.Value("forum", row, "body"), ConvertHarness.Value("forum", row, "author_id")));
    }
}
