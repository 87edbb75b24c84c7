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
        // Loops, not LINQ, on the run's start and end paths (here and below): see PackageConverter.
        int Field(ColumnRole role)
        {
            foreach (var column in table.Columns)
            {
                if (column.Role == role && column.SourceFields.Count > 0)
                {
                    return IndexOf(table.SourceFields, column.SourceFields[0]);
                }
            }

            return -1;
        }

        return (Field(ColumnRole.UserId), Field(ColumnRole.CourseId), Field(ColumnRole.Username));
    }

    /// <summary>
    /// Whether the usernames of <paramref name="table"/> are compared in a run of <paramref name="tables"/>:
    /// it has a username column that references another table, or another table's username column
    /// references it. Only then are they hashed and kept (a set with an entry per learner).
    /// </summary>
    public static bool ComparesUsernames(TableInfo table, IEnumerable<TableInfo> tables)
    {
        foreach (var column in table.Columns)
        {
            if (column.Role == ColumnRole.Username && column.References.Length > 0)
            {
                return true;
            }
        }

        foreach (var other in tables)
        {
            foreach (var column in other.Columns)
            {
                if (column.Role == ColumnRole.Username && column.References == table.Name)
                {
                    return true;
                }
            }
        }

        return false;
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
            foreach (var descriptor in tables)
            {
                var table = descriptor.Info;
                foreach (var column in table.Columns)
                {
                    if (column.Role is not (ColumnRole.UserId or ColumnRole.Username) || column.References.Length == 0)
                    {
                        continue;
                    }

                    TableInfo? referenced = null;
                    foreach (var t in tables)
                    {
                        if (t.Info.Name == column.References)
                        {
                            referenced = t.Info;
                            break;
                        }
                    }

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

            var seenTables = new List<string>();
            foreach (var pair in _seen)
            {
                if (pair.Key.Course == course.Name)
                {
                    seenTables.Add(pair.Key.Table);
                }
            }

            seenTables.Sort(StringComparer.Ordinal);
            foreach (string table in seenTables)
            {
                var observations = _seen[(course.Name, table)];
                var ids = new List<string>(observations.CourseIds.Keys);
                ids.Sort(StringComparer.Ordinal);
                foreach (string id in ids)
                {
                    long rows = observations.CourseIds[id];
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

        var missing = new List<long>();
        foreach (long id in rows.UserIds)
        {
            if (!reference.UserIds.Contains(id))
            {
                missing.Add(id);
            }
        }

        if (missing.Count > 1)
        {
            missing.Sort();
        }

        foreach (long id in missing)
        {
            stats.Note(finding, field + " " + id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var others = new List<string>();
        foreach (string id in rows.OtherUserIds)
        {
            if (!reference.OtherUserIds.Contains(id))
            {
                others.Add(id);
            }
        }

        if (others.Count > 1)
        {
            others.Sort(StringComparer.Ordinal);
        }

        foreach (string id in others)
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
