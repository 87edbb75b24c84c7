using System.Collections.Concurrent;
using System.Diagnostics;
using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Convert;

/// <summary>
/// Converts edX packages into the declared tables: one job per input kind, jobs in parallel, each
/// table written by exactly one job in course order (so output does not depend on threads).
/// Files get their final names only when every job has finished.
/// </summary>
public static class PackageConverter
{
    /// <summary>The report file written next to the tables.</summary>
    public const string ReportFileName = "report.json";

    /// <summary>Runs a conversion.</summary>
    /// <exception cref="ConvertException">Input or output unusable, or a file is missing a column; nothing was renamed.</exception>
    public static ConvertResult Run(ConvertOptions options, IReadOnlyList<TableDescriptor> tables) =>
        Run(options, InputDiscovery.FindCourses(options.Input, options.CoursePattern), tables);

    /// <summary>Runs a conversion of courses whose files are already known (e.g. named by a MOOC-Learner-Curated config).</summary>
    /// <exception cref="ConvertException">Output unusable, or a file is missing a column; nothing was renamed.</exception>
    public static ConvertResult Run(ConvertOptions options, IReadOnlyList<CourseInput> courses, IReadOnlyList<TableDescriptor> tables)
    {
        var clock = Stopwatch.StartNew();
        string output = Path.GetFullPath(options.Output);
        try
        {
            Directory.CreateDirectory(output);
            RemovePartials(output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConvertException(output, "cannot write the output folder: " + e.Message);
        }

        var run = new ConvertRun(options);
        var outputs = new List<TableOutput>();
        try
        {
            foreach (var table in tables)
            {
                outputs.Add(new TableOutput(table, output, options.PseudonymKey));
            }

            // Longest first (by input bytes), each handed out as a thread frees up: the users job
            // (profiles + auth_user) is the longest chain, so it must not wait behind others.
            // Output does not depend on the order: each table is written by exactly one job.
            var jobs = Jobs(outputs).OrderByDescending(j => courses.Sum(c => j.InputKinds.Sum(k => c.FilesOf(k).Sum(FileSize)))).ToList();
            using var progress = options.Progress is null ? null : new ProgressReporter(options.Progress, options.ProgressInterval, clock, jobs, courses);
            try
            {
                Parallel.ForEach(Partitioner.Create(jobs, EnumerablePartitionerOptions.NoBuffering), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Threads) }, job =>
                {
                    job.Run(courses, run);
                    progress?.JobDone(job);
                });
                progress?.Finish();
            }
            catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(x => x is ConvertException) is ConvertException first)
            {
                throw first;
            }
            catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(x => x is IOException) is IOException io)
            {
                throw new ConvertException(output, "I/O error: " + io.Message);
            }

            run.Checks.Conclude(courses, run, tables);
            foreach (var o in outputs)
            {
                o.Complete(options.Format);
            }

            foreach (var o in outputs)
            {
                o.Commit();
            }
        }
        finally
        {
            foreach (var o in outputs)
            {
                o.Dispose();
            }
        }

        var stats = courses
            .SelectMany(c => tables.Select(t => run.StatsFor(c.Name, t.Info.Name)))
            .ToList();
        var result = new ConvertResult(Path.GetFullPath(options.Input), output, courses, stats, run.Notices.ToList(), clock.Elapsed);
        ConvertReportWriter.Write(result, Path.Combine(output, ReportFileName));
        return result;
    }

    private static List<IConvertJob> Jobs(List<TableOutput> outputs)
    {
        var jobs = new List<IConvertJob>();
        var bySource = outputs.GroupBy(o => o.Table.Info.Source).ToDictionary(g => g.Key, g => g.ToList());
        List<TableOutput> Take(params EdxSource[] sources) => sources.SelectMany(s => bySource.GetValueOrDefault(s) ?? []).ToList();

        var course = Take(EdxSource.CourseStructureRoot, EdxSource.CourseStructureVideos);
        if (course.Count > 0)
        {
            jobs.Add(new CourseStructureJob(course));
        }

        jobs.AddRange(Take(EdxSource.AuthUserWithProfile).Select(o => new UsersJob(o)));
        var forum = Take(EdxSource.Forum);
        if (forum.Count > 0)
        {
            jobs.Add(new ForumJob(forum));
        }

        foreach (var (source, kind) in new[]
        {
            (EdxSource.StudentCourseEnrollment, EdxFileKind.StudentCourseEnrollment),
            (EdxSource.CertificatesGeneratedCertificate, EdxFileKind.CertificatesGeneratedCertificate),
            (EdxSource.AuthUser, EdxFileKind.AuthUser),
            (EdxSource.AuthUserProfile, EdxFileKind.AuthUserProfile),
        })
        {
            var tsv = Take(source);
            if (tsv.Count > 0)
            {
                jobs.Add(new TsvJob(kind, tsv));
            }
        }

        // The tables of one job share its input, so they share its byte counter.
        foreach (var job in jobs)
        {
            var counter = new ProgressCounter();
            foreach (var o in job.Outputs)
            {
                o.InputRead = counter;
            }
        }

        return jobs;
    }

    private static long FileSize(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static void RemovePartials(string folder)
    {
        foreach (var dir in new[] { folder, Path.Combine(folder, "rejects") }.Where(Directory.Exists))
        {
            foreach (var stale in Directory.GetFiles(dir, TableOutput.PartialPrefix + "*"))
            {
                File.Delete(stale);
            }
        }
    }
}
