using System.Globalization;
using VisMooc.Modules.Folders;
using VisMooc.Modules.Pipeline;

namespace VisMooc.Tool.Commands;

/// <summary>The console summary of a conversion.</summary>
internal static class Summary
{
    /// <summary>How many warning and reject examples per table go to the console (all are counted in report.json).</summary>
    public const int ExamplesPerTable = 5;

    public static void Print(ConvertResult result, TextWriter output)
    {
        int courseWidth = Math.Max(6, result.Courses.Max(c => c.Name.Length));
        string Row(string course, string table, string read, string written, string rejected, string duplicates, string warnings) =>
            string.Create(CultureInfo.InvariantCulture, $"{course.PadRight(courseWidth)}  {table,-13}{read,10}{written,10}{rejected,10}{duplicates,12}{warnings,10}");
        static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

        output.WriteLine(Row("course", "table", "read", "written", "rejected", "duplicates", "warnings"));
        foreach (var t in result.Tables)
        {
            output.WriteLine(t.MissingFile is null
                ? Row(t.Course, t.Table, N(t.Read), N(t.Written), N(t.Rejected), N(t.Duplicates), N(t.Warnings))
                : Row(t.Course, t.Table, "-", "-", "-", "-", "-") + "  (no " + t.MissingFile + ")");
        }

        var all = result.Tables;
        output.WriteLine(Row("total", "", N(all.Sum(t => t.Read)), N(all.Sum(t => t.Written)), N(all.Sum(t => t.Rejected)), N(all.Sum(t => t.Duplicates)), N(all.Sum(t => t.Warnings))));
        if (result.FailedCourses.Count > 0)
        {
            output.WriteLine($"not converted: {string.Join(", ", result.FailedCourses.Select(f => f.Course))} (the errors are on standard error and in {ReportName(result)})");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {result.Output} ({ReportName(result)}{(result.Rejected > 0 ? ", rejects/" : "")}) in {result.Elapsed.TotalSeconds:0.00} s"));
    }

    /// <summary>The courses that could not be converted: errors, so printed even with --quiet.</summary>
    public static void PrintFailedCourses(ConvertResult result, TextWriter error)
    {
        foreach (var failure in result.FailedCourses)
        {
            error.WriteLine($"vismooc: error: course {failure.Course} was not converted: {failure.Error}");
        }
    }

    public static void PrintProblems(ConvertResult result, TextWriter error)
    {
        foreach (var notice in result.Notices)
        {
            error.WriteLine("vismooc: warning: " + notice);
        }

        foreach (var t in result.Tables)
        {
            foreach (var r in t.RejectExamples.Take(ExamplesPerTable))
            {
                error.WriteLine($"vismooc: rejected ({t.Table}): {r}");
            }

            if (t.Rejected > ExamplesPerTable)
            {
                error.WriteLine($"vismooc: … {t.Rejected - ExamplesPerTable} more rejected {t.Table} rows in {t.Course}: see rejects/{t.Table}.tsv");
            }

            foreach (var w in t.WarningExamples.Take(ExamplesPerTable))
            {
                error.WriteLine($"vismooc: warning ({t.Table}): {w}");
            }

            if (t.Warnings > ExamplesPerTable)
            {
                error.WriteLine($"vismooc: … {t.Warnings - ExamplesPerTable} more warnings for {t.Table} in {t.Course}: see report.json");
            }

            foreach (var (name, finding) in t.Findings)
            {
                error.WriteLine($"vismooc: note ({t.Table}, {t.Course}): {finding.Count} {name}" + (finding.Examples.Count > 0 ? $", e.g. {string.Join("; ", finding.Examples.Take(3))}" : ""));
            }
        }
    }

    // A Parquet run's report is named by its run id, beside the reports of the dataset's other runs.
    private static string ReportName(ConvertResult result) =>
        result.RunId is string runId ? Modules.Pipeline.PackageConverter.ParquetReportName(runId) : ReportFile.Name;
}
