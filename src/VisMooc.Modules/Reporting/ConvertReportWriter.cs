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
            Files(w, "csvFiles", result.CsvFiles.Select(f => (f.Table, (string?)null, f.File, f.Rows, f.Bytes)));
        }

        if (result.RunId is not null)
        {
            w.WriteString("runId", result.RunId);
        }

        if (result.ParquetFiles.Count > 0)
        {
            Files(w, "parquetFiles", result.ParquetFiles.Select(f => (f.Table, (string?)f.Course, f.File, f.Rows, f.Bytes)));
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
            foreach (var t in result.Tables.Where(t => t.Course == course.Name))
            {
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

    private static void Counts(Utf8JsonWriter w, IReadOnlyCollection<TableStats> stats)
    {
        w.WriteNumber("read", stats.Sum(s => s.Read));
        w.WriteNumber("written", stats.Sum(s => s.Written));
        w.WriteNumber("rejected", stats.Sum(s => s.Rejected));
        w.WriteNumber("duplicates", stats.Sum(s => s.Duplicates));
        w.WriteNumber("warnings", stats.Sum(s => s.Warnings));
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

    /// <summary>A list of written files with what <c>load</c> checks them against: their table (and course partition), rows and bytes.</summary>
    private static void Files(Utf8JsonWriter w, string name, IEnumerable<(string Table, string? Course, string File, long Rows, long Bytes)> files)
    {
        w.WriteStartArray(name);
        foreach (var file in files)
        {
            w.WriteStartObject();
            w.WriteString("table", file.Table);
            if (file.Course is not null)
            {
                w.WriteString("course", file.Course);
            }

            w.WriteString("file", file.File);
            w.WriteNumber("rows", file.Rows);
            w.WriteNumber("bytes", file.Bytes);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
