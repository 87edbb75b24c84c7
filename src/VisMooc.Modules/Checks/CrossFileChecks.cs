using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using VisMooc.Modules.Collections;
using VisMooc.Modules.Discovery;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Reporting;
using VisMooc.Modules.Schema;
using VisMooc.Modules.Staging;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.Checks;

/// <summary>
/// Consistency checks across the files of a course, none of which stops a run: enrollments whose
/// user is not in auth_user, certificates of learners without an enrollment, forum authors not in
/// auth_user, click events whose username is not in auth_user, and rows whose course id is not the
/// package's own. Counted by distinct user id (or username, or course id) and listed with first
/// examples in each table's findings (usernames never: they are personal).
/// </summary>
public sealed class CrossFileChecks
{
    /// <summary>Finding name: enrollment (or click event) users not in auth_user.</summary>
    public const string UserNotInAuthUser = "userNotInAuthUser";

    /// <summary>Finding name: certificate holders without an enrollment.</summary>
    public const string LearnerWithoutEnrollment = "learnerWithoutEnrollment";

    /// <summary>Finding name: forum authors not in auth_user.</summary>
    public const string AuthorNotInAuthUser = "authorNotInAuthUser";

    /// <summary>Finding name: rows whose course id differs from the package's course.</summary>
    public const string CourseIdDiffers = "courseIdDiffersFromPackage";

    private readonly ConcurrentDictionary<(string Course, string Table), Observations> _seen = new();

    /// <summary>Which source field of a table carries the user id, the course id and the username, if any: the first source field of its first column declared with that <see cref="ColumnRole"/>.</summary>
    public static (int User, int Course, int Username) Fields(TableInfo table)
    {
        int Field(ColumnRole role) =>
            table.Columns.FirstOrDefault(c => c.Role == role && c.SourceFields.Count > 0) is ColumnInfo column
                ? IndexOf(table.SourceFields, column.SourceFields[0])
                : -1;

        return (Field(ColumnRole.UserId), Field(ColumnRole.CourseId), Field(ColumnRole.Username));
    }

    private static int IndexOf(IReadOnlyList<string> fields, string field)
    {
        for (int k = 0; k < fields.Count; k++)
        {
            if (fields[k] == field)
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>The observations of one course's table (one writer per table, so no locking inside).</summary>
    public Observations For(string course, string table) => _seen.GetOrAdd((course, table), _ => new Observations());

    /// <summary>After every job: compares the tables of each course and notes findings in their stats.</summary>
    public void Conclude(IReadOnlyList<CourseInput> courses, ConvertRun run, IReadOnlyList<TableDescriptor> tables)
    {
        foreach (var course in courses)
        {
            Observations? Get(string table) => _seen.TryGetValue((course.Name, table), out var o) ? o : null;

            // Each user id (or username) column declared with References: its values must be among that
            // table's column of the same role, when the course has its input.
            foreach (var table in tables.Select(t => t.Info))
            {
                foreach (var column in table.Columns.Where(c => c.Role is ColumnRole.UserId or ColumnRole.Username && c.References.Length > 0))
                {
                    var referenced = tables.FirstOrDefault(t => t.Info.Name == column.References)?.Info;
                    if (referenced is not null && course.FilesOf(referenced.Input).Count > 0 && Get(referenced.Name) is Observations reference)
                    {
                        var stats = run.StatsFor(course.Name, table.Name);
                        if (column.Role == ColumnRole.Username)
                        {
                            MissingUsernames(Get(table.Name), reference, stats, column.Finding, column.SourceFields[0], referenced.Input.Name);
                        }
                        else
                        {
                            Missing(Get(table.Name), reference, stats, column.Finding, column.SourceFields[0]);
                        }
                    }
                }
            }

            string? package = PackageCourse(course, run);
            if (package is null)
            {
                continue;
            }

            foreach (var (table, observations) in _seen.Where(p => p.Key.Course == course.Name).OrderBy(p => p.Key.Table, StringComparer.Ordinal).Select(p => (p.Key.Table, p.Value)))
            {
                foreach (var (id, rows) in observations.CourseIds.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (Normalise(id) != package)
                    {
                        var stats = run.StatsFor(course.Name, table);
                        // Quoted only in a course id's shape: an email in a shifted course_id column is not.
                        string shown = SafeText.IsCourseId(id) ? $"course_id '{id}'" : $"a course_id that is no course id ({SafeText.Quote(id, harmless: false)})";
                        stats.Note(CourseIdDiffers, $"{shown} in {rows} row(s); the package is {(SafeText.IsCourseId(package) ? package : "a course whose id is not quoted")}");
                    }
                }
            }
        }
    }

    /// <summary><c>org/course/run</c> of a course id or key of either era, for comparing spellings.</summary>
    public static string Normalise(string id)
    {
        string rest = id;
        if (rest.StartsWith("course-v1:", StringComparison.Ordinal) || rest.StartsWith("ccx-v1:", StringComparison.Ordinal))
        {
            var parts = rest[(rest.IndexOf(':', StringComparison.Ordinal) + 1)..].Split('+');
            return parts.Length >= 3 ? string.Join('/', parts.Take(3)) : id;
        }

        return id;
    }

    private string? PackageCourse(CourseInput course, ConvertRun run)
    {
        // The course the package is about: the course tree's root, in the tabular files' spelling.
        return run.PackageCourseIds.TryGetValue(course.Name, out var id) ? Normalise(id) : null;
    }

    private static void Missing(Observations? rows, Observations reference, TableStats stats, string finding, string field)
    {
        if (rows is null)
        {
            return;
        }

        foreach (long id in rows.UserIds.Where(id => !reference.UserIds.Contains(id)).Order())
        {
            stats.Note(finding, field + " " + id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (string id in rows.OtherUserIds.Where(id => !reference.OtherUserIds.Contains(id)).Order(StringComparer.Ordinal))
        {
            // Not quoted: a user id that is not a number is a value in the wrong place, possibly a username.
            stats.Note(finding, $"{field} that is not a number ({id.Length} characters, not shown)");
        }
    }

    private static void MissingUsernames(Observations? rows, Observations reference, TableStats stats, string finding, string field, string input)
    {
        long missing = rows?.UsernameHashes.LongCount(hash => !reference.UsernameHashes.Contains(hash)) ?? 0;
        if (missing == 0)
        {
            return;
        }

        // One line for all: a username is personal, and its pseudonym is no help in a report.
        string distinct = missing.ToString(System.Globalization.CultureInfo.InvariantCulture);
        stats.Note(finding, $"{distinct} distinct {field}(s) not in {input} (not shown)");
        stats.Findings[finding].Count += missing - 1;
    }

    /// <summary>What one table of one course referenced.</summary>
    public sealed class Observations
    {
        /// <summary>Numeric user ids (a compact set: one entry per learner).</summary>
        public LongSet UserIds { get; } = new();

        /// <summary>User ids that are not plain integers.</summary>
        public HashSet<string> OtherUserIds { get; } = new(StringComparer.Ordinal);

        /// <summary>Usernames, each as the 64-bit XxHash3 of its UTF-8 bytes (8 bytes per learner, not the name).</summary>
        public LongSet UsernameHashes { get; } = new();

        /// <summary>Course ids and how many rows named each.</summary>
        public Dictionary<string, long> CourseIds { get; } = new(StringComparer.Ordinal);

        /// <summary>Records the users and courses of a chunk's rows that were not rejected (written, or duplicates).</summary>
        public void Add(TableChunk chunk)
        {
            foreach (long id in chunk.UserIds)
            {
                UserIds.Add(id);
            }

            foreach (long hash in chunk.UsernameHashes)
            {
                UsernameHashes.Add(hash);
            }

            foreach (string id in chunk.OtherUserIds)
            {
                OtherUserIds.Add(id);
            }

            foreach (var (id, rows) in chunk.CourseIds)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(CourseIds, id, out _) += rows;
            }
        }
    }
}
