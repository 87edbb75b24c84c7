using System.Diagnostics;

namespace VisMooc.Modules.Synth;

/// <summary>
/// Generates a realistic edX research data package for one course (all six files, and when asked the
/// org's daily tracking logs) from a learner count and a seed: same options, same bytes. Streams every
/// file; only the course tree (a few thousand blocks) is built in memory, because its keys are written sorted.
/// </summary>
public static class PackageSynthesizer
{
    /// <summary>Learner counts above this are refused (ids and ObjectId counters would stop being unique).</summary>
    public const long MaxLearners = 50_000_000;

    /// <summary>Writes the package into <see cref="SynthOptions.Output"/>; files get their final names one by one, when complete.</summary>
    /// <param name="options">What to generate.</param>
    /// <param name="progress">Called after each file with its name (for progress output), or null.</param>
    /// <exception cref="ArgumentOutOfRangeException">The learner count is below 1 or above <see cref="MaxLearners"/>.</exception>
    public static SynthResult Run(SynthOptions options, Action<SynthFile>? progress = null)
    {
        if (options.Learners < 1 || options.Learners > MaxLearners)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Learners, $"--learners must be between 1 and {MaxLearners}");
        }

        if (options.EventsPerLearner < 0 || options.EventsPerLearner > SynthOptions.MaxEventsPerLearner)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.EventsPerLearner, $"--events-per-learner must be between 0 and {SynthOptions.MaxEventsPerLearner}");
        }

        var clock = Stopwatch.StartNew();
        var course = new SynthCourse(options.Style);
        string folder = Path.GetFullPath(options.Output);
        Directory.CreateDirectory(folder);
        var tsv = new SynthTsvFiles(options, course);
        var forum = new SynthForumFile(options, course);
        var tree = new SynthCourseStructureFile(options, course);
        string p = course.FilePrefix;
        var jobs = new (string Name, Func<SynthTextWriter, long> Write)[]
        {
            ($"{p}-course_structure-prod-analytics.json", tree.Write),
            ($"{p}-auth_user-prod-analytics.sql", tsv.WriteAuthUser),
            ($"{p}-auth_userprofile-prod-analytics.sql", tsv.WriteProfiles),
            ($"{p}-student_courseenrollment-prod-analytics.sql", tsv.WriteEnrollments),
            ($"{p}-certificates_generatedcertificate-prod-analytics.sql", tsv.WriteCertificates),
            ($"{p}-prod.mongo", forum.Write),
        };

        var files = new List<SynthFile>();
        foreach (var (name, write) in jobs)
        {
            using var writer = new SynthTextWriter(Path.Combine(folder, name), options.Style);
            long records = write(writer);
            writer.Commit();
            var file = new SynthFile(name, writer.Length, records);
            files.Add(file);
            progress?.Invoke(file);
        }

        if (options.EventsOutput is null || options.EventsPerLearner == 0)
        {
            return new SynthResult(folder, course.CourseId, options, files, clock.Elapsed);
        }

        string events = Path.GetFullPath(options.EventsOutput);
        var logs = new SynthTrackingLogs(options, course, tree.KeysByCategory());
        files.AddRange(logs.Write(events, progress));
        return new SynthResult(folder, course.CourseId, options, files, clock.Elapsed) { EventsFolder = events, Events = logs.Counts };
    }
}
