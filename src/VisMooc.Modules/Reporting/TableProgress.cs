namespace VisMooc.Modules.Reporting;

/// <summary>How far one table of a running conversion is: rows written, and input bytes read of its source files.</summary>
public sealed record TableProgress(string Table, long Rows, long BytesRead, long BytesTotal, bool Done);
