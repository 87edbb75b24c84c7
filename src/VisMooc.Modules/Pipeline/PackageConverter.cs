using System.Collections.Concurrent;
using System.Diagnostics;
using VisMooc.Modules.Checks;
using VisMooc.Modules.Discovery;
using VisMooc.Modules.Folders;
using VisMooc.Modules.Output;
using VisMooc.Modules.Reporting;
using VisMooc.Modules.Schema;
using VisMooc.Modules.Sources.CourseStructure;
using VisMooc.Modules.Sources.EdxTsv;
using VisMooc.Modules.Sources.JsonLines;
using VisMooc.Modules.Sources.TrackingLog;
using VisMooc.Modules.Sources.UsersJoin;
using VisMooc.Modules.Staging;

namespace VisMooc.Modules.Pipeline;

/// <summary>
/// Converts edX packages into the declared tables: one job per input kind, jobs in parallel, each
/// table written by exactly one job in course order; a job's files are cut into chunks that the
/// run's worker threads convert side by side and the job writes in file order (so output does
/// not depend on threads). Files get their final names only when every job has finished.
/// </summary>
public static class PackageConverter
{
    /// <summary>The report file written next to the tables.</summary>

    /// <summary>Runs a conversion.</summary>
    /// <exception cref="ConvertException">Input or output unusable, or a file is missing a column; nothing was renamed.</exception>
    public static ConvertResult Run(ConvertOptions options, IReadOnlyList<TableDescriptor> tables) =>
        Run(options, InputDiscovery.FindCourses(options.Input, options.CoursePattern, InputDiscovery.Known(tables)), tables);

    /// <summary>
    /// Runs a conversion of courses whose files are already known (e.g. named by a MOOC-Learner-Curated config).
    /// The run holds the output folder's lock (<see cref="OutputFolderLock"/>) from before it touches
    /// anything there until its partial files are gone, so two runs never write one folder at once.
    /// </summary>
    /// <exception cref="ConvertException">Output unusable or held by another run, or a file is missing a column; nothing was renamed.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled (<see cref="ConvertOptions.Cancellation"/>); its partial files are removed and nothing was renamed.</exception>
    public static ConvertResult Run(ConvertOptions options, IReadOnlyList<CourseInput> courses, IReadOnlyList<TableDescriptor> tables)
    {
        var clock = Stopwatch.StartNew();

        // Tracking logs (issue 14): read once for the whole run. Without any, no click_events file at all.
        // (Plain loops here and below: the run's start and end are compiled once per run, and each
        // lambda or LINQ operator over a value type is one more method to compile; see docs/benchmarks.md.)
        var folders = new List<string>(courses.Count);
        foreach (var course in courses)
        {
            folders.Add(course.Folder);
        }

        var logs = TrackingLogFiles.Find(options.Events, folders);
        var withoutInput = new List<TableDescriptor>();
        var written = new List<TableDescriptor>(tables.Count);
        var seen = new HashSet<TableDescriptor>(ReferenceEqualityComparer.Instance);
        foreach (var table in tables)
        {
            if (logs.Files.Count == 0 && table.Info.Input.Format == InputFormat.TrackingLog)
            {
                withoutInput.Add(table);
            }
            else if (seen.Add(table))
            {
                written.Add(table);
            }
        }

        tables = written;

        string output = Path.GetFullPath(options.Output);

        // A course whose files cannot be read fails alone: the run is done again without it (its
        // rows may already have been written, and would count as duplicates of later courses'),
        // so the other courses come out exactly as if converted without it. --strict stops instead.
        var failed = new Dictionary<string, ConvertException>(StringComparer.Ordinal);
        foreach (var course in courses)
        {
            if (course.Unreadable is null)
            {
                continue;
            }

            if (options.Strict)
            {
                throw course.Unreadable;
            }

            failed[course.Name] = course.Unreadable;
        }

        if (failed.Count == courses.Count)
        {
            throw NoCourse(courses, failed);
        }

        try
        {
            Directory.CreateDirectory(output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConvertException(output, "cannot write the output folder: " + e.Message);
        }

        // A Parquet run waits for the lock (it holds it only to start and to rename its parts, which take
        // moments); a CSV run holds it to the end, so a second run into the folder stops at once.
        bool parquet = options.Format == OutputFormat.Parquet;
        OutputFolderLock? folderLock;
        try
        {
            folderLock = parquet ? OutputFolderLock.WaitForWriting(output, options.Cancellation) : OutputFolderLock.ForWriting(output);
        }
        catch (OutputFolderInUseException e)
        {
            throw new ConvertException(output, e.Holder + "; wait for it to finish or use another --out");
        }
        catch (FolderLockException e)
        {
            throw new ConvertException(e.File, e.Problem);
        }
        catch (Exception e) when (IsFailure(e))
        {
            throw Failure(options, output, e);
        }

        string partialPrefix = TableOutput.RunPrefix();
        FileStream? runMark = null;
        string? notLocked = folderLock.NotLocked;
        try
        {
            try
            {
                OutputFolder.RefuseLinks(output, tables);

                // Without a lock a partial file may be a live run's: it is left alone then.
                if (folderLock.NotLocked is null)
                {
                    OutputFolder.RemovePartials(output);
                    OutputFolder.RemoveStoppedParquetCommit(output);
                }

                if (parquet)
                {
                    RefuseCsvCommitMarker(output);
                }

                // A Parquet run converts without the folder's lock, so that runs of other courses or days can
                // write the same folder at once; the file it holds meanwhile keeps its partial files from
                // being taken for a dead run's. It takes the lock again to rename its files.
                if (parquet && notLocked is null)
                {
                    runMark = OutputFolderLock.Hold(Path.Combine(output, OutputFolder.RunMarkName(partialPrefix)));
                    folderLock.Dispose();
                    folderLock = null;
                }

                while (true)
                {
                    var remaining = new List<CourseInput>();
                    var failures = new List<CourseFailure>();
                    foreach (var course in courses)
                    {
                        if (failed.TryGetValue(course.Name, out var error))
                        {
                            failures.Add(new CourseFailure(course.Name, error.Message));
                        }
                        else
                        {
                            remaining.Add(course);
                        }
                    }

                    if (remaining.Count == 0)
                    {
                        throw NoCourse(courses, failed);
                    }

                    var result = Convert(options, output, remaining, failures, tables, withoutInput, logs, clock, notLocked, partialPrefix, out var newFailures);
                    if (result is not null)
                    {
                        return result;
                    }

                    foreach (var (course, error) in newFailures)
                    {
                        failed[course] = error;
                    }
                }
            }
            catch (Exception e) when (options.Cancellation.IsCancellationRequested && IsCancellation(e))
            {
                throw new OperationCanceledException("the conversion was interrupted; nothing was renamed", e, options.Cancellation);
            }
            catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(x => x is ConvertException) is ConvertException first)
            {
                throw first;
            }
            catch (FolderLockException e)
            {
                // A Parquet run takes the folder's lock again to rename its parts: the lock file may have become a link meanwhile.
                throw new ConvertException(e.File, e.Problem + "; nothing was renamed");
            }
            catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(IsFailure) is Exception inner)
            {
                throw Failure(options, output, inner);
            }
            catch (Exception e) when (IsFailure(e))
            {
                throw Failure(options, output, e);
            }
        }
        finally
        {
            if (runMark is not null)
            {
                runMark.Dispose();
                TryDelete(runMark.Name);
            }

            folderLock?.Dispose();
        }
    }

    /// <summary>
    /// Refuses a folder that a CSV run stopped among its renames (a Parquet run's marker is repaired before
    /// this): a Parquet run's own commit would replace and remove that marker, and <c>vismooc load</c> would
    /// then load the CSVs of two runs.
    /// </summary>
    private static void RefuseCsvCommitMarker(string output)
    {
        if (CommitMarker.IsPresent(output))
        {
            throw new ConvertException(Path.Combine(output, CommitMarker.FileName), "a CSV conversion stopped here while renaming its files, so the folder's CSVs may come from two runs: convert into the folder again without --format parquet first (which repairs that), or write the Parquet dataset into another folder; nothing was written");
        }
    }

    /// <summary>The error when every course failed: the one course's own, or the first one's, saying that all failed.</summary>
    private static ConvertException NoCourse(IReadOnlyList<CourseInput> courses, Dictionary<string, ConvertException> failed)
    {
        var first = failed[courses[0].Name];
        return courses.Count == 1 ? first
            : new ConvertException(first.File, first.Message[(first.File.Length + 2)..] + $"; no course could be converted ({courses.Count} failed), nothing was written");
    }

    /// <summary>One conversion of <paramref name="courses"/>: the result, or null with the courses that failed (nothing renamed).</summary>
    private static ConvertResult? Convert(ConvertOptions options, string output, IReadOnlyList<CourseInput> courses, IReadOnlyList<CourseFailure> failedBefore, IReadOnlyList<TableDescriptor> tables, IReadOnlyList<TableDescriptor> notWritten, (IReadOnlyList<string> Files, IReadOnlyList<string> Encrypted) logs, Stopwatch clock, string? notLocked, string partialPrefix, out IReadOnlyDictionary<string, ConvertException> failures)
    {
        var cancellation = options.Cancellation;
        using var workers = new ChunkWorkers(options.Threads, cancellation);
        var run = new ConvertRun(options, workers, courses);

        // The Hive partition value of a course's rows: the course id of its course tree (as the tabular
        // files spell it), or the course folder's name when the run has no course tree for it.
        string Partition(string course) => run.PackageCourseIds.TryGetValue(course, out var id) ? id : course;
        if (notLocked is not null)
        {
            run.Notice($"{output}: cannot lock this folder ({notLocked}), so another run writing it at the same time would not be stopped; partial files (.vismooc-partial-*) of runs that were killed are left: delete them when no run is writing the folder");
        }

        var outputs = new List<TableOutput>();
        bool parquet = options.Format == OutputFormat.Parquet;
        OutputFolderLock? commitLock = null;
        string runId = RunId(clock, partialPrefix);
        string reportName = parquet ? ParquetReportName(runId) : ReportFile.Name;
        string reportPartial = Path.Combine(output, partialPrefix + ReportFile.Name);
        try
        {
            var infos = new List<TableInfo>(tables.Count);
            foreach (var table in tables)
            {
                infos.Add(table.Info);
            }

            foreach (var table in tables)
            {
                // Usernames are hashed and kept only when a table of this run compares them
                // (click_events with users): without tracking logs that is a set of a hash per learner for nothing.
                outputs.Add(new TableOutput(table, output, partialPrefix, options.PseudonymKey, options.Format)
                {
                    ObservesUsernames = CrossFileChecks.ComparesUsernames(table.Info, infos),
                });
            }

            // Jobs that convert on their own thread first (their work cannot be shared, so it
            // should overlap the rest rather than run alone at the end), then longest first (by
            // input bytes), each handed out as a thread frees up. Output does not depend on the
            // order: each table is written by exactly one job. The jobs' threads mostly read
            // files and write results; the chunk workers convert.
            // Failures surface as an AggregateException, which Run turns into one clear error.
            // Files that look like package files but are not read, beside readable ones of their
            // kind (a missing kind names them in its own notice).
            foreach (var course in courses)
            {
                foreach (var file in course.UnreadableFiles)
                {
                    if (!file.Fatal && course.FilesOf(file.Kind).Count > 0)
                    {
                        run.Notice($"{course.Name}: {Path.GetFileName(file.Path)} was not read: it {file.Problem}");
                    }
                }
            }

            foreach (string encrypted in logs.Encrypted)
            {
                run.Notice($"{encrypted}: encrypted tracking log, not read: decrypt first (gpg --decrypt-files *.gpg)");
            }

            var order = Jobs(outputs, courses, logs.Files);
            var jobs = LongestFirst(order, courses);
            using var progress = options.Progress is null ? null : new ProgressReporter(options.Progress, options.ProgressInterval, clock, jobs, courses);
            ForEachJob(jobs, Math.Max(1, options.Threads), cancellation, job =>
            {
                foreach (var course in courses)
                {
                    try
                    {
                        job.Run([course], run);
                    }
                    catch (Exception e) when (AsInputFailure(e, course) is ConvertException failure)
                    {
                        if (options.Strict)
                        {
                            throw failure;
                        }

                        run.CourseFailed(course, order.IndexOf(job), failure);
                    }
                }

                progress?.JobDone(job);
            });
            progress?.Finish();
            failures = run.Failures;
            if (failures.Count > 0)
            {
                return null;
            }

            cancellation.ThrowIfCancellationRequested();
            run.Checks.Conclude(courses, run, tables);
            foreach (var o in outputs)
            {
                cancellation.ThrowIfCancellationRequested();
                o.Complete(options.Format);
            }

            var stats = new List<TableStats>(courses.Count * tables.Count);
            foreach (var course in courses)
            {
                foreach (var table in tables)
                {
                    stats.Add(run.StatsFor(course.Name, table.Info.Name));
                }
            }

            var csvFiles = new List<CsvFileSize>();
            if (!parquet)
            {
                foreach (var o in outputs)
                {
                    csvFiles.Add(o.CsvFile!);
                }
            }

            var result = new ConvertResult(Path.GetFullPath(options.Input), output, courses, stats, run.Notices, clock.Elapsed) { FailedCourses = failedBefore, CsvFiles = csvFiles };
            if (parquet)
            {
                result = result with
                {
                    RunId = runId,
                    ParquetFiles = outputs.SelectMany(o => o.ParquetFiles.Zip(o.ParquetPartNames(Partition, runId), (f, name) => new ParquetFileSize(o.Table.Info.Name, f.Course, name.Replace('\\', '/'), f.Rows, f.Bytes))).ToList(),
                };
            }

            using (var report = new FileStream(reportPartial, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                ConvertReportWriter.Write(result, report, options.ExitCodeOf);
                report.Flush(flushToDisk: true);
            }

            // A partition folder that cannot be made, or that the file system names otherwise (a course
            // id too long, a case-insensitive file system), fails the run here, before any rename.
            if (parquet)
            {
                // The folder's lock again (a Parquet run converted without it): renames, and the marker, one run at a time.
                if (notLocked is null)
                {
                    commitLock = OutputFolderLock.WaitForWriting(output, cancellation);
                    OutputFolder.RemoveStoppedParquetCommit(output);
                    RefuseCsvCommitMarker(output);
                }

                PartitionFolders.Prepare(output, outputs.SelectMany(o => o.ParquetPartNames(Partition, runId)));
            }

            // The last moment a cancelled run stops. From here the renames run to the end even when
            // the run is cancelled meanwhile (they take milliseconds): stopping among them would
            // leave a folder that mixes two runs.
            cancellation.ThrowIfCancellationRequested();

            // Every file is whole on disk now. The renames below are one at a time, so the marker
            // tells a later load that a run stopped among them left the folder mixing two runs.
            // A table this run does not write (click_events without tracking logs) must not keep an earlier run's files.
            if (parquet)
            {
                // A run adds its own parts beside those of other runs: nothing is replaced or removed.
                CommitMarker.Begin(output, partialPrefix, outputs.SelectMany(o => o.ParquetFinalNames(Partition, runId)).Append(reportName));
                foreach (var o in outputs)
                {
                    o.CommitParquet(Partition, runId);
                }

                File.Move(reportPartial, Path.Combine(output, reportName), overwrite: false);
                CommitMarker.End(output);
                return result;
            }

            var stale = new List<string>();
            foreach (var table in notWritten)
            {
                foreach (string name in TableOutput.FinalNamesOf(table))
                {
                    if (File.Exists(Path.Combine(output, name)))
                    {
                        stale.Add(name);
                    }
                }
            }

            var finalNames = new List<string>();
            foreach (var o in outputs)
            {
                finalNames.AddRange(o.FinalNames);
            }

            finalNames.AddRange(stale);
            finalNames.Add(ReportFile.Name);
            CommitMarker.Begin(output, partialPrefix, finalNames);
            foreach (var o in outputs)
            {
                o.Commit();
            }

            foreach (string name in stale)
            {
                File.Delete(Path.Combine(output, name));
            }

            File.Move(reportPartial, Path.Combine(output, ReportFile.Name), overwrite: true);
            CommitMarker.End(output);
            return result;
        }
        finally
        {
            foreach (var o in outputs)
            {
                o.Dispose();
            }

            TryDelete(reportPartial);
            commitLock?.Dispose();
        }
    }

    /// <summary>
    /// Runs <paramref name="body"/> for each job, on at most <paramref name="threads"/> threads (this
    /// one among them), each taking the next job as it frees up, as Parallel.ForEach with an unbuffered
    /// partitioner does, without the thread pool and the task machinery: a run's threads are its own.
    /// Once a job has failed no further job starts; the failures are thrown together as an
    /// <see cref="AggregateException"/>, and a run cancelled meanwhile throws <see cref="OperationCanceledException"/>.
    /// </summary>
    private static void ForEachJob(List<IConvertJob> jobs, int threads, CancellationToken cancellation, Action<IConvertJob> body)
    {
        cancellation.ThrowIfCancellationRequested();
        int next = -1;
        int failed = 0;
        var failures = new ConcurrentQueue<Exception>();
        void Work()
        {
            while (Volatile.Read(ref failed) == 0 && !cancellation.IsCancellationRequested)
            {
                int i = Interlocked.Increment(ref next);
                if (i >= jobs.Count)
                {
                    return;
                }

                try
                {
                    body(jobs[i]);
                }
                catch (Exception e)
                {
                    failures.Enqueue(e);
                    Volatile.Write(ref failed, 1);
                }
            }
        }

        var others = new Thread[Math.Max(0, Math.Min(threads, jobs.Count) - 1)];
        for (int t = 0; t < others.Length; t++)
        {
            others[t] = new Thread(Work) { IsBackground = true, Name = "vismooc job " + (t + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            others[t].Start();
        }

        Work();
        foreach (var thread in others)
        {
            thread.Join();
        }

        if (!failures.IsEmpty)
        {
            throw new AggregateException(failures);
        }

        cancellation.ThrowIfCancellationRequested();
    }

    /// <summary>The report of a Parquet run, <c>report-{run id}.json</c>: each run's report stays beside its parts.</summary>
    public static string ParquetReportName(string runId) => "report-" + runId + ".json";

    /// <summary>A run's id, unique per run and sorting by start time: <c>{UTC start, yyyyMMddTHHmmssZ}-{the random part of its partial prefix}</c>.</summary>
    private static string RunId(Stopwatch clock, string partialPrefix) =>
        (DateTime.UtcNow - clock.Elapsed).ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture) + "-" + partialPrefix[TableOutput.PartialPrefix.Length..^1];

    private static bool IsCancellation(Exception e) =>
        e is OperationCanceledException || (e is AggregateException all && all.Flatten().InnerExceptions.Any(x => x is OperationCanceledException));

    /// <summary>
    /// An error in reading a course's files (a file missing a column, cut short, not JSON, not
    /// UTF-8 text, changing size, unreadable…), as a one-line error naming the file; null for any
    /// other exception (an output that cannot be written stops the whole run).
    /// </summary>
    private static ConvertException? AsInputFailure(Exception e, CourseInput course) => e switch
    {
        ConvertException convert => convert,
        InvalidDataException data => new ConvertException(course.Folder, data.Message),
        _ => null,
    };

    private static bool IsFailure(Exception e) => e is IOException or UnauthorizedAccessException or InvalidDataException;

    // ENOSPC and EROFS as .NET reports them on Unix (the errno is the exception's HResult).
    private const int NoSpace = 28;
    private const int ReadOnlyFileSystem = 30;

    /// <summary>A one-line error for an I/O failure: a full disk or an unwritable folder names the output folder, a bad input record its file.</summary>
    private static ConvertException Failure(ConvertOptions options, string output, Exception e)
    {
        string renamed = CommitMarker.IsPresent(output)
            ? "the folder may now mix files of two runs (see " + CommitMarker.FileName + "): convert into it again"
            : "nothing was renamed, earlier outputs are as they were";
        return e switch
        {
            InvalidDataException => new ConvertException(Path.GetFullPath(options.Input), e.Message + "; " + renamed),
            IOException when e.HResult == NoSpace => new ConvertException(output, "no space left on the device; " + renamed),
            IOException when e.HResult == ReadOnlyFileSystem => new ConvertException(output, "cannot write: the file system is read-only; " + renamed),
            UnauthorizedAccessException => new ConvertException(output, "permission denied: " + e.Message + "; " + renamed),
            _ => new ConvertException(output, "I/O error: " + e.Message + "; " + renamed),
        };
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// The jobs that write <paramref name="outputs"/>, from each table's declared input: one job per input for
    /// a course tree, a JSON-lines dump or an edX TSV file (its tables share the read), one per joined table.
    /// Course trees come first (they run on their own thread), then joins, JSON lines and TSV files.
    /// </summary>
    /// Tracking logs come last: one job reads every log file of the run once, for all its courses.
    /// <exception cref="NotSupportedException">A table reads an input whose format no job reads.</exception>
    private static List<IConvertJob> Jobs(List<TableOutput> outputs, IReadOnlyList<CourseInput> courses, IReadOnlyList<string> logFiles)
    {
        // Ranked jobs, kept sorted by (rank, order) as they are added; equal keys keep the order they came in.
        var ranks = new long[outputs.Count];
        var ordered = new List<IConvertJob>();
        void Add(int rank, int order, IConvertJob job)
        {
            long key = ((long)rank << 32) | (uint)(order ^ int.MinValue); // the sign bit flipped: orders compare as signed
            int at = ordered.Count;
            while (at > 0 && ranks[at - 1] > key)
            {
                at--;
            }

            Array.Copy(ranks, at, ranks, at + 1, ordered.Count - at);
            ranks[at] = key;
            ordered.Insert(at, job);
        }

        // Tables that read one input, in the order their first table comes (as GroupBy gives them).
        var inputs = new List<InputDescriptor>();
        var groups = new List<List<TableOutput>>();
        foreach (var o in outputs)
        {
            if (o.Table.Info.Join is not null)
            {
                Add(1, o.Table.Info.Order, new UsersJob(o));
                continue;
            }

            int g = inputs.IndexOf(o.Table.Info.Input);
            if (g < 0)
            {
                inputs.Add(o.Table.Info.Input);
                groups.Add([]);
                g = groups.Count - 1;
            }

            groups[g].Add(o);
        }

        for (int g = 0; g < inputs.Count; g++)
        {
            var input = inputs[g];
            var tables = groups[g];
            int order = int.MaxValue;
            foreach (var o in tables)
            {
                order = Math.Min(order, o.Table.Info.Order);
            }

            switch (input.Format)
            {
                case InputFormat.CourseTree:
                    Add(0, order, new CourseStructureJob(input, tables));
                    break;
                case InputFormat.JsonLines:
                    Add(2, order, new ForumJob(input, tables));
                    break;
                case InputFormat.EdxTsv:
                    Add(3, order, new TsvJob(input, tables));
                    break;
                case InputFormat.TrackingLog:
                    Add(4, order, new TrackingLogJob(tables, courses, logFiles));
                    break;
                default:
                    throw new NotSupportedException($"{string.Join(", ", tables.Select(t => t.Table.Info.Name))}: no job reads {input.Format} input ({input.Name}) yet");
            }
        }

        // The tables of one job share its input, so they share its byte counter.
        foreach (var job in ordered)
        {
            var counter = new ProgressCounter();
            foreach (var o in job.Outputs)
            {
                o.InputRead = counter;
            }
        }

        return ordered;
    }

    /// <summary>
    /// The jobs that convert on their own thread first (<see cref="IConvertJob.Chunked"/> false), then the
    /// others, each group longest first by input bytes; jobs of equal rank keep their order.
    /// </summary>
    private static List<IConvertJob> LongestFirst(List<IConvertJob> jobs, IReadOnlyList<CourseInput> courses)
    {
        var bytes = new long[jobs.Count];
        for (int j = 0; j < jobs.Count; j++)
        {
            foreach (var course in courses)
            {
                foreach (var kind in jobs[j].InputKinds)
                {
                    foreach (string file in course.FilesOf(kind))
                    {
                        bytes[j] += FileSize(file);
                    }
                }
            }
        }

        // An insertion sort of the jobs' indexes: stable, and a run has a handful of jobs.
        var sorted = new List<int>(jobs.Count);
        for (int j = 0; j < jobs.Count; j++)
        {
            int at = sorted.Count;
            while (at > 0 && Before(j, sorted[at - 1]))
            {
                at--;
            }

            sorted.Insert(at, j);
        }

        var result = new List<IConvertJob>(jobs.Count);
        foreach (int j in sorted)
        {
            result.Add(jobs[j]);
        }

        return result;

        bool Before(int a, int b) => jobs[a].Chunked != jobs[b].Chunked ? !jobs[a].Chunked : bytes[a] > bytes[b];
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
}
