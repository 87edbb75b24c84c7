namespace VisMooc.Modules.Schema;

/// <summary>How an edX input file is laid out, which picks the job that reads it.</summary>
public enum InputFormat
{
    /// <summary>edX's tab-separated table export (<c>.sql</c>): a header line, then one record per line; read in chunks by the generic TSV job.</summary>
    EdxTsv = 1,
    /// <summary>One JSON document per line (the forum <c>.mongo</c> dump); fields are dotted paths.</summary>
    JsonLines = 2,
    /// <summary>One JSON object of blocks keyed by id (<c>course_structure</c>); records are the course root or its videos.</summary>
    CourseTree = 3,
    /// <summary>Daily tracking-log files of a whole organisation (JSON lines, usually gzipped). Reserved: no job reads it yet.</summary>
    TrackingLog = 4,
}
