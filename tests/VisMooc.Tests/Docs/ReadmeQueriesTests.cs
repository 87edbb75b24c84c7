using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using VisMooc.Tests.Load;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Docs;

/// <summary>
/// The example queries of the README's "What you get", taken from the README itself so they cannot
/// drift, run against the database the README's set-up command makes from the sample; each must
/// give a sensible answer.
/// </summary>
public sealed partial class ReadmeQueriesTests
{
    [Fact]
    public void TheFourExampleQueriesAnswerTheirQuestionsOnTheSample()
    {
        var queries = Queries();
        Assert.Equal(4, queries.Count);

        using var temp = new LoadFixtures.TempFolder();
        var run = ToolRunner.Run(["run", Path.Combine(RepoPaths.Root, "samples", "SynthX-STAT201x-3T2014"), "--out", "out", "--quiet"], workingDirectory: temp.Path);
        Assert.True(run.ExitCode == 0, run.StdErr);
        using var db = new SqliteConnection($"Data Source={Path.Combine(temp.Path, "out", "moocdb.sqlite")};Mode=ReadOnly");
        db.Open();
        long users = Scalar(db, "SELECT COUNT(*) FROM users");
        long enrollments = Scalar(db, "SELECT COUNT(*) FROM enrollments");

        // Learners per country: the ten largest, in descending order.
        var (columns, rows) = Run(db, queries[0]);
        Assert.Equal(["country", "learners"], columns);
        Assert.Equal(10, rows.Count);
        var learners = rows.Select(r => Number(r[1])).ToList();
        Assert.Equal(learners.OrderDescending(), learners);
        Assert.All(rows, r => Assert.Matches("^([A-Z]{2}|\\(not given\\))$", r[0]));
        Assert.True(learners.Sum() <= users);

        // Enrollments per month: every enrollment counted once, months in order.
        (columns, rows) = Run(db, queries[1]);
        Assert.Equal(["month", "enrollments", "still_enrolled"], columns);
        Assert.True(rows.Count >= 3, "the sample spans several months");
        Assert.All(rows, r => Assert.Matches(@"^\d{4}-\d{2}$", r[0]));
        Assert.Equal(rows.Select(r => r[0]).Order(StringComparer.Ordinal), rows.Select(r => r[0]));
        Assert.Equal(enrollments, rows.Sum(r => Number(r[1])));
        Assert.All(rows, r => Assert.InRange(Number(r[2]), 0, Number(r[1])));

        // Certificate rate by education level: each enrolled learner in exactly one level.
        (columns, rows) = Run(db, queries[2]);
        Assert.Equal(["education_level", "enrolled", "with_certificate", "percent", "mean_grade"], columns);
        Assert.True(rows.Count >= 5, "the sample has many education levels");
        Assert.Equal(Scalar(db, "SELECT COUNT(DISTINCT user_id) FROM enrollments"), rows.Sum(r => Number(r[1])));
        Assert.True(rows.Sum(r => Number(r[2])) > 0, "some learners have certificates");
        Assert.All(rows, r =>
        {
            Assert.InRange(Number(r[2]), 0, Number(r[1]));
            Assert.Equal(Math.Round(100.0 * Number(r[2]) / Number(r[1]), 1), double.Parse(r[3], CultureInfo.InvariantCulture));
        });

        // The most discussed threads: five threads, the busiest first.
        (columns, rows) = Run(db, queries[3]);
        Assert.Equal(["title", "thread_type", "posts", "authors"], columns);
        Assert.Equal(5, rows.Count);
        var posts = rows.Select(r => Number(r[2])).ToList();
        Assert.Equal(posts.OrderDescending(), posts);
        Assert.True(posts[0] > 0);
        Assert.All(rows, r => Assert.InRange(Number(r[3]), 1, Number(r[2])));
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r[0])));
    }

    /// <summary>The <c>```sql</c> blocks of the README's "What you get" section, in order.</summary>
    private static List<string> Queries()
    {
        string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        int start = readme.IndexOf("\n## What you get\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no section 'What you get'");
        int end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return SqlBlock().Matches(readme[start..end]).Select(m => m.Groups[1].Value).ToList();
    }

    private static (List<string> Columns, List<string[]> Rows) Run(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "").ToArray());
        }

        return (columns, rows);
    }

    private static long Scalar(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static long Number(string text) => long.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"```sql\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex SqlBlock();
}
