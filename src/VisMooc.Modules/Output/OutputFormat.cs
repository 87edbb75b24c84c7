namespace VisMooc.Modules.Output;

/// <summary>What a conversion writes: a CSV flavour, or Parquet.</summary>
public enum OutputFormat
{
    /// <summary>The MySQL <c>LOAD DATA</c> dialect (default): no header, every value enclosed, backslash escapes, NULL as <c>\N</c>.</summary>
    MySql,
    /// <summary>RFC 4180 with a header row: quotes doubled, no backslash escapes, NULL as an empty unquoted field.</summary>
    Rfc4180,
    /// <summary>
    /// Parquet datasets instead of CSV: <c>{table}/course={course}/part-{run id}.parquet</c> (Hive partitions), one part per run,
    /// so runs over disjoint courses or tracking-log days write into one dataset side by side.
    /// </summary>
    Parquet,
}
