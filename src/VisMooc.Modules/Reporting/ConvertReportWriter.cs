using System.Text.Json;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Staging;

namespace VisMooc.Modules.Reporting;

/// <summary>Writes <c>report.json</c>: per course and table counts, first examples, notices and elapsed time.</summary>
public static class ConvertReportWriter
{
    /// <summary>Writes the report atomically (temporary name, then rename); <paramref name="exitCodeOf"/> gives its <c>exitCode</c> (none when null).</summary>
    public static void Write(ConvertResult result, string path, Func<ConvertOutcome, int>? exitCodeOf)
    {
        string partial = Path.Combine(Path.GetDirectoryName(path)!, TableOutput.PartialPrefix + Path.GetFileName(path));
        using (var stream = File.Create(partial))
        {
            Write(result, stream, exitCodeOf);
        }

        File.Move(partial, path, overwrite: true);
    }

    /// <summary>Writes the report as indented JSON to <paramref name="stream"/>; <paramref name="exitCodeOf"/> gives its <c>exitCode</c> (none when null).</summary>
    public static void Write(ConvertResult result, Stream stream, Func<ConvertOutcome, int>? exitCodeOf)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("input", result.Input);
        w.WriteString("output", result.Output);
        w.WriteNumber("elapsedSeconds", Math.Round(result.Elapsed.TotalSeconds, 3));
        if (exitCodeOf is not null)
        {
            w.WriteNumber("exitCode", exitCodeOf(result.Outcome));
        }

        w.WriteStartObject("totals");
        Counts(w, result.Tables);
        w.WriteEndObject();
        if (result.CsvFiles.Count > 0)
        {
            // What vismooc load checks each CSV against: a file cut short or changed since is refused.
            w.WriteStartArray("csvFiles");
            foreach (var f in result.CsvFiles)
            {
                FileEntry(w, f.Table, null, f.File, f.Rows, f.Bytes);
            }

            w.WriteEndArray();
        }

        if (result.RunId is not null)
        {
            w.WriteString("runId", result.RunId);
        }

        if (result.ParquetFiles.Count > 0)
        {
            w.WriteStartArray("parquetFiles");
            foreach (var f in result.ParquetFiles)
            {
                FileEntry(w, f.Table, f.Course, f.File, f.Rows, f.Bytes);
            }

            w.WriteEndArray();
        }

        w.WriteStartArray("notices");
        foreach (var notice in result.Notices)
        {
            w.WriteStringValue(notice);
        }

        w.WriteEndArray();
        if (result.FailedCourses.Count > 0)
        {
            w.WriteStartArray("failedCourses");
            foreach (var failure in result.FailedCourses)
            {
                w.WriteStartObject();
                w.WriteString("course", failure.Course);
                w.WriteString("error", failure.Error);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteStartArray("courses");
        foreach (var course in result.Courses)
        {
            w.WriteStartObject();
            w.WriteString("course", course.Name);
            w.WriteStartArray("tables");
            foreach (var t in result.Tables)
            {
                if (t.Course != course.Name)
                {
                    continue;
                }

                w.WriteStartObject();
                w.WriteString("table", t.Table);
                w.WriteStartArray("files");
                foreach (var f in t.Files)
                {
                    w.WriteStringValue(f);
                }

                w.WriteEndArray();
                if (t.MissingFile is not null)
                {
                    w.WriteString("missingFile", t.MissingFile);
                }

                Counts(w, [t]);
                Strings(w, "warningExamples", t.WarningExamples);
                Strings(w, "rejectExamples", t.RejectExamples);
                if (t.Findings.Count > 0)
                {
                    w.WriteStartObject("findings");
                    foreach (var (name, finding) in t.Findings)
                    {
                        w.WriteStartObject(name);
                        w.WriteNumber("count", finding.Count);
                        Strings(w, "examples", finding.Examples);
                        w.WriteEndObject();
                    }

                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    // Loops, not LINQ: the report is written once per run, and each lambda is one more method to compile then.
    private static void Counts(Utf8JsonWriter w, IReadOnlyCollection<TableStats> stats)
    {
        long read = 0, written = 0, rejected = 0, duplicates = 0, warnings = 0;
        foreach (var s in stats)
        {
            read += s.Read;
            written += s.Written;
            rejected += s.Rejected;
            duplicates += s.Duplicates;
            warnings += s.Warnings;
        }

        w.WriteNumber("read", read);
        w.WriteNumber("written", written);
        w.WriteNumber("rejected", rejected);
        w.WriteNumber("duplicates", duplicates);
        w.WriteNumber("warnings", warnings);
    }

    private static void Strings(Utf8JsonWriter w, string name, List<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    /// <summary>A written file with what <c>load</c> checks it against: its table (and course partition), rows and bytes.</summary>
    private static void FileEntry(Utf8JsonWriter w, string table, string? course, string file, long rows, long bytes)
    {
        w.WriteStartObject();
        w.WriteString("table", table);
        if (course is not null)
        {
            w.WriteString("course", course);
        }

        w.WriteString("file", file);
        w.WriteNumber("rows", rows);
        w.WriteNumber("bytes", bytes);
        w.WriteEndObject();
    }
}
