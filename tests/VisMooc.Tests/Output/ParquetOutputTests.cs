using System.Globalization;
using DuckDB.NET.Data;
using VisMooc.Generated;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Staging;
using VisMooc.Modules.Load;
using VisMooc.Modules.Output;
using VisMooc.Modules.Schema;
using VisMooc.Modules.Synth;
using VisMooc.Tests.Load;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Output;

/// <summary>
/// <c>convert --format parquet</c>, read back by DuckDB (another Parquet implementation than the
/// writer, ParquetSharp): every table holds the values of the CSV output of the same conversion,
/// value by value and in the same order, with the declared types; shards of disjoint courses
/// written into one folder read as one conversion.
/// </summary>
public sealed class ParquetOutputTests
{
    [Fact]
    public void HostileValuesReadBackByDuckDbEqualTheCsvValues()
    {
        using var temp = new LoadFixtures.TempFolder();
        string csv = LoadFixtures.ConvertHostile(temp.Path);
        string parquet = Path.Combine(temp.Path, "parquet");
        var result = PackageConverter.Run(new ConvertOptions { Input = Path.Combine(temp.Path, "in"), Output = parquet, Format = OutputFormat.Parquet }, GeneratedTables.All);
        Assert.Equal(0, result.Rejected);

        foreach (var table in TablesWithoutLogs.All.Select(t => t.Info))
        {
            AssertSameRows(table, csv, parquet, ordered: true);
        }

        // The NUL, the emoji and the 5 MB value are among them (see LoadFixtures.Hostile).
        using var db = DuckDb();
        var titles = Rows(db, $"SELECT title FROM read_parquet('{Glob(parquet, "forum")}')").Select(r => r[0]).ToList();
        Assert.Equal(LoadFixtures.Hostile, titles);
    }

    [Fact]
    public void ASynthPackageWithTrackingLogsReadsBackAsItsCsvTablesWithTheDeclaredTypes()
    {
        using var temp = new LoadFixtures.TempFolder();
        var synth = SynthWithLogs(temp.Path, learners: 600, seed: 3);
        string csv = Path.Combine(temp.Path, "csv");
        string parquet = Path.Combine(temp.Path, "parquet");
        PackageConverter.Run(new ConvertOptions { Input = synth.Folder, Output = csv, Events = [synth.EventsFolder!] }, GeneratedTables.All);
        var result = PackageConverter.Run(new ConvertOptions { Input = synth.Folder, Output = parquet, Events = [synth.EventsFolder!], Format = OutputFormat.Parquet }, GeneratedTables.All);

        foreach (var table in GeneratedTables.All.Select(t => t.Info))
        {
            AssertSameRows(table, csv, parquet, ordered: true);
        }

        // datetime(6), doubles and NULL doubles are among the click events.
        using var db = DuckDb();
        string clicks = Glob(parquet, "click_events");
        Assert.True(Scalar<long>(db, $"SELECT count(*) FROM read_parquet('{clicks}') WHERE video_current_time IS NULL") > 0);
        Assert.True(Scalar<long>(db, $"SELECT count(*) FROM read_parquet('{clicks}') WHERE video_new_speed IS NOT NULL") > 0);
        Assert.True(Scalar<long>(db, $"SELECT count(*) FROM read_parquet('{clicks}') WHERE epoch_us(observed_event_timestamp) % 1000000 <> 0") > 0);

        // The declared types, as a reader other than the writer sees them.
        var schema = Rows(db, $"SELECT name, type, repetition_type, logical_type FROM parquet_schema('{clicks}')").ToDictionary(r => r[0]!, r => r);
        Assert.Equal("INT64 REQUIRED", string.Join(' ', schema["observed_event_timestamp"][1..3]));
        Assert.Contains("isAdjustedToUTC=1", schema["observed_event_timestamp"][3], StringComparison.Ordinal);
        Assert.Contains("MICROS=MicroSeconds()", schema["observed_event_timestamp"][3], StringComparison.Ordinal);
        Assert.Equal("DOUBLE OPTIONAL", string.Join(' ', schema["video_current_time"][1..3]));
        Assert.Equal("BYTE_ARRAY REQUIRED StringType()", string.Join(' ', schema["observed_event_id"][1..4]));
        var enrollments = Rows(db, $"SELECT name, type, logical_type, converted_type FROM parquet_schema('{Glob(parquet, "enrollments")}')").ToDictionary(r => r[0]!, r => r);
        Assert.Equal("INT32 INT_8", enrollments["action"][1] + " " + enrollments["action"][3]);
        Assert.Contains("isAdjustedToUTC=1", enrollments["timestamp"][2], StringComparison.Ordinal);

        // Each part is where report-{run id}.json says, with its rows; the partition is the course id.
        Assert.True(File.Exists(Path.Combine(parquet, PackageConverter.ParquetReportName(result.RunId!))));
        foreach (var file in result.ParquetFiles)
        {
            Assert.Equal($"{file.Table}/course={HivePartition.Encode(synth.CourseId)}/part-{result.RunId}.parquet", file.File);
            Assert.Equal(file.Rows, Scalar<long>(db, $"SELECT count(*) FROM read_parquet('{Path.Combine(parquet, file.File)}')"));
            Assert.Equal(synth.CourseId, Scalar<string>(db, $"SELECT DISTINCT course FROM read_parquet('{Path.Combine(parquet, file.File)}', hive_partitioning = true)"));
        }

        Assert.Empty(Directory.GetFiles(parquet, TableOutput.PartialPrefix + "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void TwoRunsOfDisjointCoursesIntoOneFolderReadAsOneConversion()
    {
        using var temp = new LoadFixtures.TempFolder();
        string samples = Path.Combine(RepoPaths.Root, "samples");
        string whole = Path.Combine(temp.Path, "whole");
        string shards = Path.Combine(temp.Path, "shards");
        PackageConverter.Run(new ConvertOptions { Input = samples, Output = whole, Format = OutputFormat.Parquet }, GeneratedTables.All);
        var first = PackageConverter.Run(new ConvertOptions { Input = samples, Output = shards, Format = OutputFormat.Parquet, CoursePattern = "HKUSTx-*" }, GeneratedTables.All);
        var second = PackageConverter.Run(new ConvertOptions { Input = samples, Output = shards, Format = OutputFormat.Parquet, CoursePattern = "SynthX-*" }, GeneratedTables.All);

        Assert.NotEqual(first.RunId, second.RunId);
        Assert.True(File.Exists(Path.Combine(shards, PackageConverter.ParquetReportName(first.RunId!))));
        Assert.True(File.Exists(Path.Combine(shards, PackageConverter.ParquetReportName(second.RunId!))));
        using var db = DuckDb();
        foreach (var table in TablesWithoutLogs.All.Select(t => t.Info))
        {
            // With the partition column: every row is in its own course's partition, in both.
            string query = "SELECT * FROM read_parquet('{0}', hive_partitioning = true) ORDER BY ALL";
            var expected = Rows(db, string.Format(CultureInfo.InvariantCulture, query, Glob(whole, table.Name)));
            var actual = Rows(db, string.Format(CultureInfo.InvariantCulture, query, Glob(shards, table.Name)));
            Assert.NotEmpty(expected);
            Assert.Equal(expected, actual);
        }

        Assert.Equal(3, Scalar<long>(db, $"SELECT count(DISTINCT course) FROM read_parquet('{Glob(shards, "courses")}', hive_partitioning = true)"));
    }

    [Fact]
    public void ShardsOfCoursesThatShareLearnersReadAsOneConversionThroughTheDocumentedQuery()
    {
        using var temp = new LoadFixtures.TempFolder();
        string package = Path.Combine(temp.Path, "in");

        // Two courses of the same learners (their course ids are their folders' names).
        foreach (string course in new[] { "HarvardX-B", "MITx-A" })
        {
            Directory.CreateDirectory(Path.Combine(package, course));
            foreach (string file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "samples", "HKUSTx-COMP102x-2T2014"), "*-auth_user*"))
            {
                File.Copy(file, Path.Combine(package, course, Path.GetFileName(file)));
            }
        }

        string whole = Path.Combine(temp.Path, "whole");
        string shards = Path.Combine(temp.Path, "shards");
        PackageConverter.Run(new ConvertOptions { Input = package, Output = whole, Format = OutputFormat.Parquet }, GeneratedTables.All);
        PackageConverter.Run(new ConvertOptions { Input = package, Output = shards, Format = OutputFormat.Parquet, CoursePattern = "MITx-*" }, GeneratedTables.All);
        PackageConverter.Run(new ConvertOptions { Input = package, Output = shards, Format = OutputFormat.Parquet, CoursePattern = "HarvardX-*" }, GeneratedTables.All);

        using var db = DuckDb();
        string Read(string folder) => $"read_parquet('{Glob(folder, "users")}', hive_partitioning = true)";
        var expected = Rows(db, $"SELECT * EXCLUDE (course) FROM {Read(whole)} ORDER BY ALL");
        Assert.NotEmpty(expected);

        // Each shard wrote every learner, under its own course: twice the rows, not distinct with their course.
        Assert.Equal(2 * expected.Count, Scalar<long>(db, $"SELECT count(*) FROM (SELECT DISTINCT * FROM {Read(shards)})"));
        Execute(db, DocStatement("CREATE VIEW learners AS").Replace("'ds/", $"'{shards}/", StringComparison.Ordinal));
        Assert.Equal(expected, Rows(db, "SELECT * FROM learners ORDER BY ALL"));
    }

    [Fact]
    public void ShardsOfDisjointLogDaysIntoOneFolderReadAsOneConversionThroughTheDocumentedQueries()
    {
        using var temp = new LoadFixtures.TempFolder();
        var synth = SynthWithLogs(temp.Path, learners: 300, seed: 5);
        var days = Directory.GetFiles(synth.EventsFolder!, "*.log.gz", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.True(days.Count >= 4, $"{days.Count} log days");
        string whole = Path.Combine(temp.Path, "whole");
        string shards = Path.Combine(temp.Path, "shards");
        PackageConverter.Run(new ConvertOptions { Input = synth.Folder, Output = whole, Events = [synth.EventsFolder!], Format = OutputFormat.Parquet }, GeneratedTables.All);
        var first = PackageConverter.Run(new ConvertOptions { Input = synth.Folder, Output = shards, Events = days.Where((_, i) => i % 2 == 0).ToList(), Format = OutputFormat.Parquet }, GeneratedTables.All);
        var second = PackageConverter.Run(new ConvertOptions { Input = synth.Folder, Output = shards, Events = days.Where((_, i) => i % 2 == 1).ToList(), Format = OutputFormat.Parquet }, GeneratedTables.All);
        Assert.NotEqual(first.RunId, second.RunId);

        // Each run has its own part of every table, under its own name.
        foreach (var table in GeneratedTables.All.Select(t => t.Info))
        {
            foreach (var run in new[] { first, second })
            {
                Assert.Contains(run.ParquetFiles, f => f.Table == table.Name && f.File.EndsWith($"/part-{run.RunId}.parquet", StringComparison.Ordinal));
            }
        }

        using var db = DuckDb();
        const string all = "SELECT * FROM {0} ORDER BY ALL";
        string Read(string folder, string table) => $"read_parquet('{Glob(folder, table)}', hive_partitioning = true)";

        // Events: the documented view over both shards equals the single conversion. It is needed
        // even for disjoint days, as the logs repeat some events in the next day's file (the
        // single conversion keeps the first); and when a day is given to two shards (a third run
        // converts one of the first's days again).
        string clicks = DocStatement("CREATE VIEW clicks AS").Replace("'ds/", $"'{shards}/", StringComparison.Ordinal);
        Execute(db, clicks);
        var expectedClicks = Rows(db, string.Format(CultureInfo.InvariantCulture, all, Read(whole, "click_events")));
        Assert.True(expectedClicks.Count > 100, $"{expectedClicks.Count} click events");
        Assert.Equal(expectedClicks, Rows(db, string.Format(CultureInfo.InvariantCulture, all, "clicks")));
        Assert.True(synth.Events!.RepeatedVideoEvents > 0);
        Assert.True(Scalar<long>(db, $"SELECT count(*) FROM {Read(shards, "click_events")}") > expectedClicks.Count);
        long before = Scalar<long>(db, $"SELECT count(*) FROM {Read(shards, "click_events")}");
        var again = PackageConverter.Run(new ConvertOptions { Input = synth.Folder, Output = shards, Events = [days[0]], Format = OutputFormat.Parquet }, GeneratedTables.All);
        Assert.True(again.ParquetFiles.Single(f => f.Table == "click_events").Rows > 0);
        Assert.True(Scalar<long>(db, $"SELECT count(*) FROM {Read(shards, "click_events")}") > before);
        Assert.Equal(expectedClicks, Rows(db, string.Format(CultureInfo.InvariantCulture, all, "clicks")));

        // The package's own tables are in every run's parts: read once by the documented DISTINCT
        // view, or from one run's parts, they equal the single conversion.
        string distinct = DocStatement("CREATE VIEW users_once AS");
        string oneRun = DocStatement("SELECT * FROM read_parquet('ds/users/*/part-");
        string documentedRunId = oneRun[(oneRun.IndexOf("part-", StringComparison.Ordinal) + 5)..oneRun.IndexOf("*.parquet", StringComparison.Ordinal)];
        foreach (var table in TablesWithoutLogs.All.Select(t => t.Info))
        {
            var expected = Rows(db, string.Format(CultureInfo.InvariantCulture, all, Read(whole, table.Name)));
            Assert.NotEmpty(expected);
            Assert.Equal(3 * expected.Count, Scalar<long>(db, $"SELECT count(*) FROM {Read(shards, table.Name)}"));
            Execute(db, distinct.Replace("users_once", table.Name + "_once", StringComparison.Ordinal).Replace("'ds/users/", $"'{shards}/{table.Name}/", StringComparison.Ordinal));
            Assert.Equal(expected, Rows(db, string.Format(CultureInfo.InvariantCulture, all, table.Name + "_once")));
            foreach (var run in new[] { first, second, again })
            {
                string query = oneRun.TrimEnd(';').Replace("'ds/users/", $"'{shards}/{table.Name}/", StringComparison.Ordinal).Replace(documentedRunId, run.RunId!, StringComparison.Ordinal);
                Assert.Equal(expected, Rows(db, query + " ORDER BY ALL"));
            }
        }
    }

    [Fact]
    public void TheSameInputGivesTheSameParquetBytesWhateverTheThreadsAndChunks()
    {
        // Row-group boundaries must depend on a table's own rows only (a budget shared across tables
        // made them depend on thread timing): every part file is byte for byte the same.
        using var temp = new LoadFixtures.TempFolder();
        var synth = SynthWithLogs(temp.Path, learners: 600, seed: 7);
        var runs = new[] { (Threads: 1, Chunk: ConvertOptions.DefaultChunkBytes), (Threads: 4, Chunk: 4093), (Threads: 2, Chunk: 65536) }
            .Select((o, i) =>
            {
                string output = Path.Combine(temp.Path, "out" + i.ToString(CultureInfo.InvariantCulture));
                var result = PackageConverter.Run(new ConvertOptions { Input = synth.Folder, Output = output, Events = [synth.EventsFolder!], Format = OutputFormat.Parquet, Threads = o.Threads, ChunkBytes = o.Chunk }, GeneratedTables.All);
                return result.ParquetFiles.ToDictionary(f => f.Table + "/" + f.Course, f => File.ReadAllBytes(Path.Combine(output, f.File)));
            })
            .ToList();

        Assert.Equal(GeneratedTables.All.Count, runs[0].Count);
        foreach (var other in runs.Skip(1))
        {
            Assert.Equal(runs[0].Keys.Order(StringComparer.Ordinal), other.Keys.Order(StringComparer.Ordinal));
            foreach (var (part, bytes) in runs[0])
            {
                Assert.True(bytes.AsSpan().SequenceEqual(other[part]), $"{part} differs");
            }
        }
    }

    [Fact]
    public void ABudgetSharedBySinksClosesTheLargestRowGroupsAndKeepsEveryRowInOrder()
    {
        using var temp = new LoadFixtures.TempFolder();
        var synth = SynthWithLogs(temp.Path, learners: 600, seed: 3);
        string csv = Path.Combine(temp.Path, "csv");
        PackageConverter.Run(new ConvertOptions { Input = synth.Folder, Output = csv, Events = [synth.EventsFolder!] }, GeneratedTables.All);

        // Two tables, the events split over two partitions, all open at once, fed in turns; the
        // budget is far below what their rows take, so row groups are closed all along, in either sink.
        var budget = new ParquetMemoryBudget(32 << 10);
        var tables = new[] { "click_events", "users" }.Select(n => GeneratedTables.All.Single(t => t.Info.Name == n).Info).ToList();
        string folder = Path.Combine(temp.Path, "parquet");
        Directory.CreateDirectory(folder);
        var sinks = tables.Select(t => new ParquetTableSink(t, folder, "budget-", budget)).ToList();
        var pieces = tables.Select(t => Pieces(File.ReadAllBytes(Path.Combine(csv, t.CsvFileName)), 16 << 10)).ToList();
        var expected = new Dictionary<string, List<byte>>(StringComparer.Ordinal);
        for (int i = 0; i < pieces.Max(p => p.Count); i++)
        {
            for (int s = 0; s < sinks.Count; s++)
            {
                if (i < pieces[s].Count)
                {
                    string course = s == 0 && i % 3 == 0 ? "b" : "a";
                    sinks[s].Add(course, pieces[s][i]);
                    Assert.True(budget.Held <= budget.Limit, $"{budget.Held} bytes held after a piece");
                    string key = tables[s].Name + "/" + course;
                    expected.TryAdd(key, []);
                    expected[key].AddRange(pieces[s][i]);
                }
            }
        }

        using var db = DuckDb();
        for (int s = 0; s < sinks.Count; s++)
        {
            sinks[s].Complete();
            Assert.True(sinks[s].RowGroups > sinks[s].Files.Count, $"{tables[s].Name}: {sinks[s].RowGroups} row groups");
            foreach (var file in sinks[s].Files)
            {
                string rows = Path.Combine(temp.Path, tables[s].Name + "-" + file.Course + ".csv");
                File.WriteAllBytes(rows, [.. expected[tables[s].Name + "/" + file.Course]]);
                var want = new List<string?[]>();
                using (var reader = new DialectCsvReader(rows, tables[s].Columns.Count))
                {
                    while (reader.Read())
                    {
                        want.Add(tables[s].Columns.Select((c, i) => Canonical(c, reader.Values[i])).ToArray());
                    }
                }

                string select = string.Join(", ", tables[s].Columns.Select(c => c.Type is SqlType.Datetime or SqlType.DateTime6 ? $"epoch_us(\"{c.Name}\")" : $"\"{c.Name}\""));
                Assert.Equal(want, Rows(db, $"SELECT {select} FROM read_parquet('{file.Path}')"));
                Assert.Equal(file.Rows, want.Count);
                Assert.True(Scalar<long>(db, $"SELECT count(DISTINCT row_group_id) FROM parquet_metadata('{file.Path}')") > 1, file.Path);
            }

            sinks[s].KeepFiles();
            sinks[s].Dispose();
        }

        Assert.Equal(0, budget.Held);
    }

    [Fact]
    public void LongTextsGoToTheWriterInBatchesThatKeepTheColumnBuffersSmall()
    {
        // 3,000 forum rows with bodies of 1-5 KB: 1,024 rows of them would be ~3 MB in one buffer.
        using var temp = new LoadFixtures.TempFolder();
        var forum = GeneratedTables.All.Single(t => t.Info.Name == "forum").Info;
        var csv = new System.Text.StringBuilder();
        long bodyBytes = 0;
        for (int i = 0; i < 3000; i++)
        {
            string body = new((char)('a' + (i % 26)), 1000 + (i * 7 % 4000));
            bodyBytes += body.Length;
            csv.Append(CultureInfo.InvariantCulture, $"\"{i}\",\"o{i}\",\"c\",\"7\",\"2016-04-12 17:22:42\",\\N,\"{body}\",\"Comment\",\"\",\"\",\"t{i}\",\"p\"\n");
        }

        using var sink = new ParquetTableSink(forum, temp.Path, "text-");
        foreach (var piece in Pieces(System.Text.Encoding.UTF8.GetBytes(csv.ToString()), 64 << 10))
        {
            sink.Add("c", piece);
        }

        sink.Complete();

        // Each text column's buffer is written at 256 KiB, so it never grows past 512 KiB (for values
        // under 256 KiB); the forum table has 10 text columns.
        int textColumns = forum.Columns.Count(c => c.Type is SqlType.Varchar or SqlType.Text or SqlType.MediumText or SqlType.LongText);
        Assert.True(sink.MostTextBufferBytes <= textColumns * (512L << 10), $"{sink.MostTextBufferBytes} bytes in the text buffers");
        Assert.True(sink.MostTextBufferBytes >= 256L << 10, $"{sink.MostTextBufferBytes} bytes in the text buffers");

        using var db = DuckDb();
        string file = sink.Files.Single().Path;
        Assert.Equal(3000L, Scalar<long>(db, $"SELECT count(*) FROM read_parquet('{file}')"));
        Assert.Equal(bodyBytes, Scalar<long>(db, $"SELECT sum(strlen(body))::BIGINT FROM read_parquet('{file}')"));
        Assert.Equal(new string?[] { "0", "t0", "1000" }, Rows(db, $"SELECT _id, comment_thread_id, strlen(body)::VARCHAR FROM read_parquet('{file}') LIMIT 1").Single());
        Assert.Equal(new string?[] { "2999", "t2999", (1000 + (2999 * 7 % 4000)).ToString(CultureInfo.InvariantCulture) }, Rows(db, $"SELECT _id, comment_thread_id, strlen(body)::VARCHAR FROM read_parquet('{file}') OFFSET 2999").Single());
        sink.KeepFiles();
    }

    /// <summary><paramref name="csv"/> cut into pieces of whole rows of about <paramref name="size"/> bytes.</summary>
    private static List<byte[]> Pieces(byte[] csv, int size)
    {
        var pieces = new List<byte[]>();
        int start = 0;
        while (start < csv.Length)
        {
            int end = Math.Min(start + size, csv.Length);
            end = end == csv.Length ? end : start + csv.AsSpan(start, end - start).LastIndexOf((byte)'\n') + 1;
            end = end > start ? end : start + csv.AsSpan(start).IndexOf((byte)'\n') + 1;
            pieces.Add(csv[start..end]);
            start = end;
        }

        return pieces;
    }

    /// <summary>The SQL statement of docs/scale-out.md that starts with <paramref name="start"/>, up to its semicolon.</summary>
    private static string DocStatement(string start)
    {
        string doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "scale-out.md")).ReplaceLineEndings("\n");
        int from = doc.IndexOf("\n" + start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"docs/scale-out.md has no statement starting '{start}'");
        int end = doc.IndexOf(';', from);
        return doc[(from + 1)..(end + 1)];
    }

    private static void Execute(DuckDBConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Theory]
    [InlineData("course-v1:MITx+6.002x+2013_Spring", "course-v1%3AMITx+6.002x+2013_Spring")]
    [InlineData("MITx/6.002x/2013_Spring", "MITx%2F6.002x%2F2013_Spring")]
    [InlineData("a=b%c?d#e", "a%3Db%25c%3Fd%23e")]
    [InlineData("..", "%2E.")]
    [InlineData("ümlaut 中文 😀", "ümlaut 中文 😀")]
    [InlineData("", "__HIVE_DEFAULT_PARTITION__")]
    public void APartitionValueIsPathSafeAndReversible(string course, string folder)
    {
        Assert.Equal(folder, HivePartition.Encode(course));
        Assert.Equal(course, HivePartition.Decode(folder));
        Assert.DoesNotContain('/', HivePartition.Encode(course));
    }

    /// <summary>The table's Parquet rows equal its CSV rows, value by value (in order, or as a multiset).</summary>
    private static void AssertSameRows(TableInfo table, string csvFolder, string parquetFolder, bool ordered)
    {
        var expected = new List<string?[]>();
        using (var reader = new DialectCsvReader(Path.Combine(csvFolder, table.CsvFileName), table.Columns.Count))
        {
            while (reader.Read())
            {
                expected.Add(table.Columns.Select((c, i) => Canonical(c, reader.Values[i])).ToArray());
            }
        }

        using var db = DuckDb();
        string select = string.Join(", ", table.Columns.Select(c => c.Type switch
        {
            SqlType.Datetime or SqlType.DateTime6 => $"epoch_us(\"{c.Name}\")",
            _ => $"\"{c.Name}\"",
        }));
        // A table without rows has no part (an empty CSV has no Parquet counterpart).
        var actual = Directory.Exists(Path.Combine(parquetFolder, table.Name)) ? Rows(db, $"SELECT {select} FROM read_parquet('{Glob(parquetFolder, table.Name)}')") : [];
        Assert.True(expected.Count > 0 || actual.Count == 0, table.Name);
        if (!ordered)
        {
            expected = [.. expected.OrderBy(r => string.Join("\u0001", r), StringComparer.Ordinal)];
            actual = [.. actual.OrderBy(r => string.Join("\u0001", r), StringComparer.Ordinal)];
        }

        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            for (int c = 0; c < table.Columns.Count; c++)
            {
                if (expected[i][c] != actual[i][c])
                {
                    Assert.Fail($"{table.Name} row {i + 1} column {table.Columns[c].Name}: CSV '{Short(expected[i][c])}', Parquet '{Short(actual[i][c])}'");
                }
            }
        }
    }

    private static string? Short(string? s) => s is null ? "NULL" : s.Length > 80 ? s[..80] + "…" : s;

    /// <summary>A CSV value as DuckDB gives it back: text as is, datetimes as microseconds since 1970 (UTC), numbers in invariant round-trip form.</summary>
    internal static string? Canonical(VisMooc.Modules.Schema.ColumnInfo column, string? value)
    {
        if (value is null)
        {
            return null;
        }

        return column.Type switch
        {
            SqlType.Datetime or SqlType.DateTime6 => ((DateTime.ParseExact(value, column.Type == SqlType.Datetime ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal).Ticks - DateTime.UnixEpoch.Ticks) / 10).ToString(CultureInfo.InvariantCulture),
            SqlType.Double => double.Parse(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture),
            SqlType.TinyInt or SqlType.Int or SqlType.BigInt => long.Parse(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
            _ => value,
        };
    }

    /// <summary>A new-style synth course with its tracking logs under <paramref name="folder"/>/p.</summary>
    private static SynthResult SynthWithLogs(string folder, int learners, ulong seed) => PackageSynthesizer.Run(new SynthOptions
    {
        Learners = learners,
        Style = SynthStyle.New,
        Seed = seed,
        Output = Path.Combine(folder, "p", "course"),
        EventsOutput = Path.Combine(folder, "p", "events"),
    });

    private static string Glob(string folder, string table) => Path.Combine(folder, table, "*", "*.parquet");

    private static DuckDBConnection DuckDb()
    {
        var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        return db;
    }

    internal static T Scalar<T>(DuckDBConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return (T)command.ExecuteScalar()!;
    }

    internal static List<string?[]> Rows(DuckDBConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            var row = new string?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i) switch
                {
                    double d => d.ToString("R", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    var v => v.ToString(),
                };
            }

            rows.Add(row);
        }

        return rows;
    }
}
