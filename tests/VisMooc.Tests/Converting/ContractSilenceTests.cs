using VisMooc.Modules.Values;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Converting;

/// <summary>What VisMooc does where the contract is silent (README, "Choices where the contract is silent").</summary>
public sealed class ContractSilenceTests
{
    private const string ProfileHeader = "id\tuser_id\tname\tlanguage\tlocation\tyear_of_birth\tlevel_of_education\tgoals\tgender\tcountry\n";

    [Theory]
    [InlineData("0101")]
    [InlineData("+101")]
    [InlineData("ada")]
    [InlineData("101.0")]
    [InlineData(" 101")]
    [InlineData("")]
    public void AUserIdIsTheSameRuleInAuthUserProfilesEnrollmentsAndCertificates(string bad)
    {
        // One rule for a user id wherever it is read: digits without a leading zero. A row whose
        // user id is anything else is rejected in every file alike; it once was rejected as a
        // profile's user_id only, copied as auth_user.id, enrollments.user_id and grades.user_id,
        // and joined by integer value ('0101' joined user 101).
        using var h = new ConvertHarness();
        h.Write("X-J-1", "auth_user-prod-analytics.sql", $"id\tusername\n101\tada\n{bad}\tbo\n");
        h.Write("X-J-1", "auth_userprofile-prod-analytics.sql", ProfileHeader + $"50\t101\tAda\t\t\t1990\tb\t\tf\tZZ\n51\t{bad}\tBo\t\t\t1991\tb\t\tf\tZZ\n");
        h.Write("X-J-1", "student_courseenrollment-prod-analytics.sql", $"id\tuser_id\tcourse_id\tcreated\tis_active\n1\t101\tX/J/1\tNULL\t1\n2\t{bad}\tX/J/1\tNULL\t1\n");
        h.Write("X-J-1", "certificates_generatedcertificate-prod-analytics.sql", $"id\tuser_id\tcourse_id\tcreated_date\tgrade\n1\t101\tX/J/1\tNULL\t0.5\n2\t{bad}\tX/J/1\tNULL\t0.5\n");

        var result = h.Convert();

        Assert.Equal([("50", "101")], h.Rows("users").Select(r => (r[0], r[1])));
        Assert.Equal(["101"], h.Rows("enrollments").Select(r => r[1]));
        Assert.Equal(["101"], h.Rows("grades").Select(r => r[1]));
        string problem = (bad == "" ? "the empty string" : SafeText.IsNumber(System.Text.Encoding.UTF8.GetBytes(bad)) ? bad : $"a value of {bad.Length} characters (not quoted)")
            + " is not a user id (digits without a leading zero)";
        string user = bad == "" ? "missing key field 'auth_user.id'" : "users.original_id: " + problem;
        string profile = bad == "" ? "missing key field 'user_id'" : "auth_userprofile.user_id: " + problem;
        Assert.Equal([$"X-J-1-auth_userprofile-prod-analytics.sql:3: {profile}", $"X-J-1-auth_user-prod-analytics.sql:3: {user}"],
            ConvertHarness.Stats(result, "X-J-1", "users").RejectExamples);
        Assert.Equal([$"X-J-1-student_courseenrollment-prod-analytics.sql:3: enrollments.user_id: {problem}"], ConvertHarness.Stats(result, "X-J-1", "enrollments").RejectExamples);
        Assert.Equal([$"X-J-1-certificates_generatedcertificate-prod-analytics.sql:3: grades.user_id: {problem}"], ConvertHarness.Stats(result, "X-J-1", "grades").RejectExamples);
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
