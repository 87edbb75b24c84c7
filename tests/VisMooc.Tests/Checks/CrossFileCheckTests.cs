using System.Text.Json;
using VisMooc.Generated;
using VisMooc.Modules.Checks;
using VisMooc.Modules.Pipeline;
using VisMooc.Tests.Load;

namespace VisMooc.Tests.Checks;

public sealed class CrossFileCheckTests
{
    [Fact]
    public void InconsistenciesAcrossFilesAreCountedAndListedWithoutStoppingTheRun()
    {
        using var temp = new LoadFixtures.TempFolder();
        string course = Path.Combine(temp.Path, "in", "SynthX-DS101-2099_T1");
        Directory.CreateDirectory(course);
        void Write(string table, string text) => File.WriteAllText(Path.Combine(course, $"SynthX-DS101-2099_T1-{table}-prod-analytics.sql"), text);
        Write("auth_user", "id\tusername\n1\ta\n2\tb\n");
        Write("auth_userprofile", "id\tuser_id\tname\tlanguage\tlocation\tyear_of_birth\tlevel_of_education\tgoals\tgender\tcountry\n50\t1\tA\t\t\t\t\t\t\t\n51\t9\tOrphan\t\t\t\t\t\t\t\n");
        Write("student_courseenrollment", "id\tuser_id\tcourse_id\tcreated\tis_active\n"
            + "900\t1\tcourse-v1:SynthX+DS101+2099_T1\t2099-01-01 00:00:00\t1\n"
            + "901\t3\tcourse-v1:SynthX+DS101+2099_T1\t2099-01-01 00:00:00\t1\n"
            + "902\t2\tSynthX/DS101/2099_T1\t2099-01-01 00:00:00\t1\n"
            + "903\t2\tcourse-v1:OtherX+Z+1\t2099-01-01 00:00:00\t1\n");
        Write("certificates_generatedcertificate", "id\tuser_id\tcourse_id\tcreated_date\tgrade\n31\t1\tcourse-v1:SynthX+DS101+2099_T1\tNULL\t0.5\n32\t7\tcourse-v1:SynthX+DS101+2099_T1\tNULL\t0.9\n");
        File.WriteAllText(Path.Combine(course, "SynthX-DS101-2099_T1-course_structure-prod-analytics.json"),
            "{\"block-v1:SynthX+DS101+2099_T1+type@course+block@course\": {\"category\": \"course\", \"children\": [], \"metadata\": {}}}");
        File.WriteAllText(Path.Combine(course, "SynthX-DS101-2099_T1-prod.mongo"),
            "{\"_id\":{\"$oid\":\"6a0000000000000000000001\"},\"_type\":\"CommentThread\",\"author_id\":\"1\",\"course_id\":\"course-v1:SynthX+DS101+2099_T1\"}\n"
            + "{\"_id\":{\"$oid\":\"6a0000000000000000000002\"},\"_type\":\"Comment\",\"author_id\":\"8\",\"course_id\":\"course-v1:SynthX+DS101+2099_T1\"}\n");

        var result = PackageConverter.Run(new ConvertOptions { Input = Path.Combine(temp.Path, "in"), Output = Path.Combine(temp.Path, "out") }, GeneratedTables.All);
        var console = VisMooc.Tests.Support.ToolRunner.Run(["convert", Path.Combine(temp.Path, "in"), "--out", Path.Combine(temp.Path, "console")]);

        Assert.Equal(ConvertOutcome.Done, result.Outcome);
        var enrollments = result.Tables.Single(t => t.Table == "enrollments");
        Assert.Equal(4, enrollments.Written);
        Assert.Equal(["user_id 3"], enrollments.Findings[CrossFileChecks.UserNotInAuthUser].Examples);
        // The slash spelling names the same course; only the other course is reported.
        var differs = enrollments.Findings[CrossFileChecks.CourseIdDiffers];
        Assert.Equal(1, differs.Count);
        Assert.Contains("course-v1:OtherX+Z+1", differs.Examples[0], StringComparison.Ordinal);
        Assert.Equal(["user_id 7"], result.Tables.Single(t => t.Table == "grades").Findings[CrossFileChecks.LearnerWithoutEnrollment].Examples);
        Assert.Equal(["author_id 8"], result.Tables.Single(t => t.Table == "forum").Findings[CrossFileChecks.AuthorNotInAuthUser].Examples);
        Assert.Equal(["user_id 9"], result.Tables.Single(t => t.Table == "users").Findings["profilesWithoutUser"].Examples);

        // The console summary lists them too, one line per finding, and the run still exits 0.
        Assert.Equal(0, console.ExitCode);
        Assert.Contains("vismooc: note (enrollments, SynthX-DS101-2099_T1): 1 userNotInAuthUser, e.g. user_id 3", console.StdErr, StringComparison.Ordinal);
        Assert.Contains("vismooc: note (grades, SynthX-DS101-2099_T1): 1 learnerWithoutEnrollment, e.g. user_id 7", console.StdErr, StringComparison.Ordinal);
        Assert.Contains("vismooc: note (forum, SynthX-DS101-2099_T1): 1 authorNotInAuthUser, e.g. author_id 8", console.StdErr, StringComparison.Ordinal);
        Assert.Contains("vismooc: note (users, SynthX-DS101-2099_T1): 1 profilesWithoutUser, e.g. user_id 9", console.StdErr, StringComparison.Ordinal);
        Assert.Contains("1 courseIdDiffersFromPackage, e.g. course_id 'course-v1:OtherX+Z+1' in 1 row(s)", console.StdErr, StringComparison.Ordinal);

        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "out", "report.json")));
        var forumReport = report.RootElement.GetProperty("courses")[0].GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("table").GetString() == "forum");
        Assert.Equal(1, forumReport.GetProperty("findings").GetProperty(CrossFileChecks.AuthorNotInAuthUser).GetProperty("count").GetInt32());
    }
    [Fact]
    public void ALearnerInTwoCoursesIsInTheSecondCoursesAuthUserToo()
    {
        // A package run writes learner 1 once (the first course's users row; the second is a duplicate),
        // but learner 1 is in both courses' auth_user files: the second course's enrollment and post by
        // learner 1 reference a known user and must not be reported as userNotInAuthUser/authorNotInAuthUser.
        using var h = new Support.ConvertHarness();
        foreach (string course in new[] { "SynthX-A-2099_T1", "SynthX-B-2099_T1" })
        {
            string id = course == "SynthX-A-2099_T1" ? "1" : "2";
            h.Write(course, "auth_user-prod-analytics.sql", "id\tusername\n1\tada\n");
            h.Write(course, "student_courseenrollment-prod-analytics.sql", $"id\tuser_id\tcourse_id\tcreated\tis_active\n90{id}\t1\tx\tNULL\t1\n");
            h.Write(course, "prod.mongo", $"{{\"_id\":{{\"$oid\":\"a{id}\"}},\"_type\":\"Comment\",\"author_id\":\"1\"}}\n");
        }

        var result = h.Convert();

        Assert.Single(h.Rows("users"));
        Assert.Equal(1, Support.ConvertHarness.Stats(result, "SynthX-B-2099_T1", "users").Duplicates);
        foreach (string table in new[] { "enrollments", "forum" })
        {
            Assert.Empty(Support.ConvertHarness.Stats(result, "SynthX-B-2099_T1", table).Findings);
        }
    }

    [Fact]
    public void ClickEventsWhoseUsernameIsNotInAuthUserAreCountedByDistinctUserWithoutNamingThem()
    {
        // click_events.user_id is the pseudonym of the username, so it is compared with auth_user.username
        // (what users.username is the pseudonym of), not with auth_user.id; a trailing newline in the log's
        // username is trimmed, as the contract's pseudonym is.
        using var h = new Support.ConvertHarness();
        const string course = "SynthX-NEW201-2099_T1";
        h.Write(course, "auth_user-prod-analytics.sql", "id\tusername\n1\tada\n2\tbob\n");
        h.Write(course, "course_structure-prod-analytics.json",
            "{\"block-v1:SynthX+NEW201+2099_T1+type@course+block@course\": {\"category\": \"course\", \"children\": [\"block-v1:SynthX+NEW201+2099_T1+type@video+block@v1\"], \"metadata\": {}},"
            + " \"block-v1:SynthX+NEW201+2099_T1+type@video+block@v1\": {\"category\": \"video\", \"children\": [], \"metadata\": {}}}");
        string Click(string user, int second) =>
            "{\"username\": \"" + user + "\", \"event_type\": \"play_video\", \"event\": {\"id\": \"v1\", \"currentTime\": " + second
            + "}, \"context\": {\"course_id\": \"course-v1:SynthX+NEW201+2099_T1\"}, \"time\": \"2099-01-01T00:00:0" + second + "+00:00\"}\n";
        string logs = Path.Combine(h.Root, "logs");
        Directory.CreateDirectory(logs);
        File.WriteAllText(Path.Combine(logs, "SynthX-edx-events-2099-01-01.log"),
            Click("ada", 1) + Click("ada\\n", 2) + Click("carol-secret", 3) + Click("carol-secret", 4) + Click("dave-secret", 5) + Click("bob", 6));

        var result = PackageConverter.Run(new ConvertOptions { Input = h.Input, Output = h.Output, Events = [logs] }, GeneratedTables.All);

        Assert.Equal(ConvertOutcome.Done, result.Outcome);
        var clicks = Support.ConvertHarness.Stats(result, course, "click_events");
        Assert.Equal(6, clicks.Written);
        var finding = clicks.Findings[CrossFileChecks.UserNotInAuthUser];
        Assert.Equal(2, finding.Count);
        Assert.All(finding.Examples, e => Assert.DoesNotContain("secret", e, StringComparison.Ordinal));
        string report = File.ReadAllText(Path.Combine(h.Output, "report.json"));
        Assert.Contains(CrossFileChecks.UserNotInAuthUser, report, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", report, StringComparison.Ordinal);

        // The rows written join users.username exactly when the finding says they do.
        var usernames = h.Rows("users").Select(r => r[2]).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(2, h.Rows("click_events").Select(r => r[2]).Where(u => !usernames.Contains(u)).Distinct().Count());
    }

    [Fact]
    public void ClickEventsAreNotCheckedWhenTheCourseHasNoAuthUser()
    {
        using var h = new Support.ConvertHarness();
        const string course = "SynthX-NEW201-2099_T1";
        h.Write(course, "course_structure-prod-analytics.json",
            "{\"block-v1:SynthX+NEW201+2099_T1+type@course+block@course\": {\"category\": \"course\", \"children\": [], \"metadata\": {}}}");
        string logs = Path.Combine(h.Root, "logs");
        Directory.CreateDirectory(logs);
        File.WriteAllText(Path.Combine(logs, "SynthX-edx-events-2099-01-01.log"),
            "{\"username\": \"ada\", \"event_type\": \"play_video\", \"event\": {\"id\": \"v1\"}, \"context\": {\"course_id\": \"course-v1:SynthX+NEW201+2099_T1\"}, \"time\": \"2099-01-01T00:00:01+00:00\"}\n");

        var result = PackageConverter.Run(new ConvertOptions { Input = h.Input, Output = h.Output, Events = [logs] }, GeneratedTables.All);

        var clicks = Support.ConvertHarness.Stats(result, course, "click_events");
        Assert.Equal(1, clicks.Written);
        Assert.False(clicks.Findings.ContainsKey(CrossFileChecks.UserNotInAuthUser));
    }
}
