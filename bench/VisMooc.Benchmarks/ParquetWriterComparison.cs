using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using ParquetSharp;
using VisMooc.Generated;
using VisMooc.Modules.Output;
using VisMooc.Modules.Schema;
using NetField = Parquet.Schema.DataField;

namespace VisMooc.Benchmarks;

/// <summary>
/// The comparison behind docs/scale-out.md, "Choice of writer": one process writes the same
/// <c>click_events</c> rows (the widest table: text, <c>datetime(6)</c>, nullable doubles) to one Parquet file
/// with one writer, zstd, row groups of up to 1,048,576 rows, and prints its CPU time, wall time and peak
/// memory. Peak memory is per process, so each writer runs in a process of its own
/// (<c>bench/e2e/parquet-writers.sh</c> alternates them). <c>none</c> only makes the rows: the floor.
/// </summary>
internal static class ParquetWriterComparison
{
    private const int Batch = 65_536;
    private const int RowGroup = 1 << 20;
    private static readonly string[] s_types = ["play_video", "pause_video", "seek_video", "speed_change_video", "stop_video", "load_video"];

    /// <summary>Writers by name.</summary>
    public static readonly string[] Writers = ["none", "parquetsharp", "parquetnet", "parquetnet-default", "parquetnet-millis", "duckdb"];

    /// <summary>Runs <c>parquet-writer NAME ROWS FILE</c>; returns the exit code.</summary>
    public static int Run(string[] args)
    {
        if (args.Length != 3 || !Writers.Contains(args[0]) || !int.TryParse(args[1], CultureInfo.InvariantCulture, out int rows) || rows <= 0)
        {
            Console.Error.WriteLine("usage: parquet-writer {" + string.Join('|', Writers) + "} ROWS FILE");
            return 2;
        }

        string file = args[2];
        File.Delete(file);
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        switch (args[0])
        {
            case "none":
                foreach (var batch in Batches(rows))
                {
                    GC.KeepAlive(batch);
                }

                break;
            case "parquetsharp":
                WriteParquetSharp(rows, file);
                break;
            case "parquetnet":
                WriteParquetNet(rows, file, Parquet.Schema.DateTimeFormat.Timestamp, System.IO.Compression.CompressionLevel.Fastest).GetAwaiter().GetResult();
                break;
            case "parquetnet-default":
                // Parquet.Net's default compression level: for zstd about 50 times the CPU of Fastest.
                WriteParquetNet(rows, file, Parquet.Schema.DateTimeFormat.Timestamp, new Parquet.ParquetOptions().CompressionLevel).GetAwaiter().GetResult();
                break;
            case "parquetnet-millis":
                // DateTimeFormat.DateAndTime, the format its documentation calls Parquet's default: milliseconds, so datetime(6) loses digits.
                WriteParquetNet(rows, file, Parquet.Schema.DateTimeFormat.DateAndTime, System.IO.Compression.CompressionLevel.Fastest).GetAwaiter().GetResult();
                break;
            default:
                WriteDuckDb(rows, file);
                break;
        }

        wall.Stop();
        process.Refresh();
        long bytes = File.Exists(file) ? new FileInfo(file).Length : 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{args[0]}\t{rows}\tcpu_s={(process.TotalProcessorTime - cpu).TotalSeconds:F3}\twall_s={wall.Elapsed.TotalSeconds:F3}\tpeak_rss_mib={process.PeakWorkingSet64 / 1048576.0:F0}\tfile_bytes={bytes}"));
        return 0;
    }

    /// <summary>
    /// Runs <c>parquet-check FILE…</c>: reads each file with DuckDB (not the writer) and prints, per file, each
    /// column's type as DuckDB sees it and a hash of its values, so files that hold the same values print the same line.
    /// </summary>
    public static int Check(string[] files)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using (var zone = connection.CreateCommand())
        {
            zone.CommandText = "SET TimeZone = 'UTC'";
            zone.ExecuteNonQuery();
        }

        foreach (string file in files)
        {
            string source = "read_parquet('" + file.Replace("'", "''", StringComparison.Ordinal) + "')";
            var types = new List<string>();
            using (var describe = connection.CreateCommand())
            {
                describe.CommandText = "DESCRIBE SELECT * FROM " + source;
                using var reader = describe.ExecuteReader();
                while (reader.Read())
                {
                    types.Add(reader.GetString(0) + ":" + reader.GetString(1));
                }
            }

            using var hash = connection.CreateCommand();
            hash.CommandText = "SELECT count(*), " + string.Join(", ", types.Select(t => t.Split(':')[0]).Select(c =>
                "sum(hash(CAST(" + c + " AS VARCHAR)))::VARCHAR || '/' || count(" + c + ")::VARCHAR")) + " FROM " + source;
            using var values = hash.ExecuteReader();
            values.Read();
            Console.WriteLine(Path.GetFileName(file) + "\trows=" + values.GetValue(0));
            for (int i = 0; i < types.Count; i++)
            {
                Console.WriteLine("  " + types[i] + "\t" + values.GetValue(i + 1));
            }
        }

        return 0;
    }

    /// <summary>The same rows for every writer: deterministic, shaped like the tool's click events.</summary>
    private static IEnumerable<Rows> Batches(int total)
    {
        ulong state = 0x9E3779B97F4A7C15;
        ulong Next()
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            return state;
        }

        var start = new DateTime(2013, 9, 1, 0, 0, 0, DateTimeKind.Utc);
        for (int done = 0; done < total; done += Batch)
        {
            int n = Math.Min(Batch, total - done);
            var batch = new Rows(n);
            for (int i = 0; i < n; i++)
            {
                ulong a = Next(), b = Next(), c = Next();
                int learner = (int)(a % 100_000);
                int video = (int)(b % 400);
                int course = video / 100;
                string type = s_types[(int)(c % (ulong)s_types.Length)];
                batch.EventId[i] = (a ^ b).ToString("x16", CultureInfo.InvariantCulture) + c.ToString("x16", CultureInfo.InvariantCulture) + (a * 31).ToString("x8", CultureInfo.InvariantCulture);
                batch.Course[i] = "course-v1:SynthX+BIG" + course.ToString(CultureInfo.InvariantCulture) + "+2099_T1";
                batch.User[i] = ((ulong)learner * 0x9E3779B97F4A7C15).ToString("x16", CultureInfo.InvariantCulture) + ((ulong)learner * 0xC2B2AE3D27D4EB4F).ToString("x16", CultureInfo.InvariantCulture) + "0a1b2c3d";
                batch.Video[i] = "i4x-SynthX-BIG" + course.ToString(CultureInfo.InvariantCulture) + "-video-" + video.ToString("x24", CultureInfo.InvariantCulture);
                batch.Time[i] = start.AddTicks((long)(done + i) * 3_000_000 + (long)(c % 10) * 10 + (long)(a % 1_000_000) * 10);
                batch.Type[i] = type;
                batch.Url[i] = "https://courses.edx.org/courses/course-v1:SynthX+BIG" + course.ToString(CultureInfo.InvariantCulture) + "+2099_T1/courseware/week" + (video % 12).ToString(CultureInfo.InvariantCulture) + "/";
                batch.Code[i] = (c & 7) == 0 ? "mobile" : "html5";
                double position = (b >> 11) % 600_000 / 1000.0;
                batch.Current[i] = type is "play_video" or "pause_video" or "stop_video" ? position : null;
                batch.New[i] = type == "seek_video" ? position / 2 : null;
                batch.Old[i] = type == "seek_video" ? position : null;
                batch.NewSpeed[i] = type == "speed_change_video" ? 1.5 : null;
                batch.OldSpeed[i] = type == "speed_change_video" ? 1.0 : null;
            }

            yield return batch;
        }
    }

    private static void WriteParquetSharp(int rows, string file)
    {
        var table = GeneratedTables.All.Single(t => t.Info.Name == "click_events").Info;
        using var schema = ParquetTableSink.SchemaOf(table);
        using var properties = new WriterPropertiesBuilder().Compression(Compression.Zstd).MaxRowGroupLength(RowGroup).Build();
        using var writer = new ParquetFileWriter(file, schema, properties);
        RowGroupWriter? group = null;
        int inGroup = 0;
        foreach (var batch in Batches(rows))
        {
            if (group is null || inGroup + batch.Count > RowGroup)
            {
                group?.Close();
                group?.Dispose();
                group = writer.AppendBufferedRowGroup();
                inGroup = 0;
            }

            int column = 0;
            WriteSharp(group, column++, batch.EventId);
            WriteSharp(group, column++, batch.Course);
            WriteSharp(group, column++, batch.User);
            WriteSharp(group, column++, batch.Video);
            using (var times = group.Column(column++).LogicalWriter<DateTime>())
            {
                times.WriteBatch(batch.Time);
            }

            WriteSharp(group, column++, batch.Type);
            WriteSharp(group, column++, batch.Url);
            WriteSharp(group, column++, batch.Code);
            foreach (var values in (double?[][])[batch.Current, batch.New, batch.Old, batch.NewSpeed, batch.OldSpeed])
            {
                using var doubles = group.Column(column++).LogicalWriter<double?>();
                doubles.WriteBatch(values);
            }

            inGroup += batch.Count;
        }

        group?.Close();
        group?.Dispose();
        writer.Close();
    }

    private static void WriteSharp(RowGroupWriter group, int column, string[] values)
    {
        using var writer = group.Column(column).LogicalWriter<string>();
        writer.WriteBatch(values);
    }

    private static async Task WriteParquetNet(int rows, string file, Parquet.Schema.DateTimeFormat timeFormat, System.IO.Compression.CompressionLevel level)
    {
        // Parquet.Net writes a row group from whole columns, so a row group is buffered as .NET arrays first.
        var fields = new NetField[]
        {
            new Parquet.Schema.DataField<string>("observed_event_id", nullable: false),
            new Parquet.Schema.DataField<string>("course_id", nullable: false),
            new Parquet.Schema.DataField<string>("user_id", nullable: false),
            new Parquet.Schema.DataField<string>("video_id", nullable: false),
            new Parquet.Schema.DateTimeDataField("observed_event_timestamp", timeFormat, isAdjustedToUTC: true, unit: Parquet.Schema.DateTimeTimeUnit.Micros, isNullable: false),
            new Parquet.Schema.DataField<string>("observed_event_type", nullable: false),
            new Parquet.Schema.DataField<string>("url", nullable: false),
            new Parquet.Schema.DataField<string>("code", nullable: false),
            new Parquet.Schema.DataField<double?>("video_current_time"),
            new Parquet.Schema.DataField<double?>("video_new_time"),
            new Parquet.Schema.DataField<double?>("video_old_time"),
            new Parquet.Schema.DataField<double?>("video_new_speed"),
            new Parquet.Schema.DataField<double?>("video_old_speed"),
        };
        var schema = new Parquet.Schema.ParquetSchema(fields);
        var options = new Parquet.ParquetOptions { CompressionMethod = Parquet.CompressionMethod.Zstd, CompressionLevel = level, RowGroupSize = RowGroup };
        await using var stream = File.Create(file);
        await using var writer = await Parquet.ParquetWriter.CreateAsync(schema, stream, options);
        var pending = new List<Rows>();
        int pendingRows = 0;
        async Task FlushAsync()
        {
            if (pendingRows == 0)
            {
                return;
            }

            var all = Rows.Concat(pending, pendingRows);
            using (var group = writer.CreateRowGroup())
            {
                await group.WriteAsync(fields[0], all.EventId);
                await group.WriteAsync(fields[1], all.Course);
                await group.WriteAsync(fields[2], all.User);
                await group.WriteAsync(fields[3], all.Video);
                await group.WriteAsync<DateTime>(fields[4], all.Time.AsMemory());
                await group.WriteAsync(fields[5], all.Type);
                await group.WriteAsync(fields[6], all.Url);
                await group.WriteAsync(fields[7], all.Code);
                await group.WriteAsync<double>(fields[8], all.Current.AsMemory());
                await group.WriteAsync<double>(fields[9], all.New.AsMemory());
                await group.WriteAsync<double>(fields[10], all.Old.AsMemory());
                await group.WriteAsync<double>(fields[11], all.NewSpeed.AsMemory());
                await group.WriteAsync<double>(fields[12], all.OldSpeed.AsMemory());
                group.CompleteValidate();
            }

            pending.Clear();
            pendingRows = 0;
        }

        foreach (var batch in Batches(rows))
        {
            if (pendingRows + batch.Count > RowGroup)
            {
                await FlushAsync();
            }

            pending.Add(batch);
            pendingRows += batch.Count;
        }

        await FlushAsync();
    }

    private static void WriteDuckDb(int rows, string file)
    {
        // DuckDB writes Parquet from a table: rows go in through its appender, then COPY … (FORMAT parquet).
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                SET preserve_insertion_order = true;
                CREATE TABLE click_events (observed_event_id VARCHAR NOT NULL, course_id VARCHAR NOT NULL, user_id VARCHAR NOT NULL,
                  video_id VARCHAR NOT NULL, observed_event_timestamp TIMESTAMPTZ NOT NULL, observed_event_type VARCHAR NOT NULL,
                  url VARCHAR NOT NULL, code VARCHAR NOT NULL, video_current_time DOUBLE, video_new_time DOUBLE, video_old_time DOUBLE,
                  video_new_speed DOUBLE, video_old_speed DOUBLE)
                """;
            create.ExecuteNonQuery();
        }

        using (var appender = connection.CreateAppender("click_events"))
        {
            foreach (var batch in Batches(rows))
            {
                for (int i = 0; i < batch.Count; i++)
                {
                    var row = appender.CreateRow();
                    row.AppendValue(batch.EventId[i]).AppendValue(batch.Course[i]).AppendValue(batch.User[i]).AppendValue(batch.Video[i])
                        .AppendValue(new DateTimeOffset(batch.Time[i])).AppendValue(batch.Type[i]).AppendValue(batch.Url[i]).AppendValue(batch.Code[i])
                        .AppendValue(batch.Current[i]).AppendValue(batch.New[i]).AppendValue(batch.Old[i]).AppendValue(batch.NewSpeed[i]).AppendValue(batch.OldSpeed[i])
                        .EndRow();
                }
            }
        }

        using var copy = connection.CreateCommand();
        copy.CommandText = "COPY click_events TO '" + file.Replace("'", "''", StringComparison.Ordinal) + "' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE " + RowGroup.ToString(CultureInfo.InvariantCulture) + ")";
        copy.ExecuteNonQuery();
    }

    /// <summary>A batch of rows, column by column.</summary>
    private sealed class Rows(int count)
    {
        public int Count { get; } = count;

        public string[] EventId { get; } = new string[count];

        public string[] Course { get; } = new string[count];

        public string[] User { get; } = new string[count];

        public string[] Video { get; } = new string[count];

        public DateTime[] Time { get; } = new DateTime[count];

        public string[] Type { get; } = new string[count];

        public string[] Url { get; } = new string[count];

        public string[] Code { get; } = new string[count];

        public double?[] Current { get; } = new double?[count];

        public double?[] New { get; } = new double?[count];

        public double?[] Old { get; } = new double?[count];

        public double?[] NewSpeed { get; } = new double?[count];

        public double?[] OldSpeed { get; } = new double?[count];

        public static Rows Concat(List<Rows> parts, int count)
        {
            var all = new Rows(count);
            int at = 0;
            foreach (var p in parts)
            {
                p.EventId.CopyTo(all.EventId, at);
                p.Course.CopyTo(all.Course, at);
                p.User.CopyTo(all.User, at);
                p.Video.CopyTo(all.Video, at);
                p.Time.CopyTo(all.Time, at);
                p.Type.CopyTo(all.Type, at);
                p.Url.CopyTo(all.Url, at);
                p.Code.CopyTo(all.Code, at);
                p.Current.CopyTo(all.Current, at);
                p.New.CopyTo(all.New, at);
                p.Old.CopyTo(all.Old, at);
                p.NewSpeed.CopyTo(all.NewSpeed, at);
                p.OldSpeed.CopyTo(all.OldSpeed, at);
                at += p.Count;
            }

            return all;
        }
    }
}
