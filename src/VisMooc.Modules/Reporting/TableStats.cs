namespace VisMooc.Modules.Reporting;

/// <summary>Counts for one table of one course, and the first examples of what went wrong.</summary>
public sealed class TableStats(string course, string table)
{
    /// <summary>How many examples of each kind are kept for the report.</summary>
    public const int MaxExamples = 20;

    /// <summary>The course folder name.</summary>
    public string Course { get; } = course;

    /// <summary>The table name.</summary>
    public string Table { get; } = table;

    /// <summary>The input files read for this table.</summary>
    public List<string> Files { get; } = [];

    /// <summary>Records read from the input (rows, documents or blocks).</summary>
    public long Read { get; set; }

    /// <summary>Rows written to the CSV.</summary>
    public long Written { get; set; }

    /// <summary>Records rejected (see <c>rejects/{table}.tsv</c>).</summary>
    public long Rejected { get; set; }

    /// <summary>Records dropped because their <c>_id</c> was already written.</summary>
    public long Duplicates { get; set; }

    /// <summary>Value-level warnings (the row was written).</summary>
    public long Warnings { get; set; }

    /// <summary>Not written because the source file is missing (named here), or null.</summary>
    public string? MissingFile { get; set; }

    /// <summary>First warnings, as <c>file:line: column 'c': message</c>.</summary>
    public List<string> WarningExamples { get; } = [];

    /// <summary>First rejects, as <c>file:line: reason</c>.</summary>
    public List<string> RejectExamples { get; } = [];

    /// <summary>Other findings (e.g. profiles without a user), counted by name, with first examples.</summary>
    public SortedDictionary<string, Finding> Findings { get; } = new(StringComparer.Ordinal);

    /// <summary>Counts a finding and keeps its first examples (null: counted only, as when enough are kept).</summary>
    public void Note(string name, string? example)
    {
        if (!Findings.TryGetValue(name, out var finding))
        {
            Findings[name] = finding = new Finding();
        }

        finding.Count++;
        if (example is not null && finding.Examples.Count < MaxExamples)
        {
            finding.Examples.Add(example);
        }
    }

    /// <summary>Whether <see cref="Note"/> would still keep an example of <paramref name="name"/> (so it is worth making one).</summary>
    public bool WantsExample(string name) => !Findings.TryGetValue(name, out var finding) || finding.Examples.Count < MaxExamples;

    /// <summary>A counted finding.</summary>
    public sealed class Finding
    {
        /// <summary>How many.</summary>
        public long Count { get; set; }

        /// <summary>The first few.</summary>
        public List<string> Examples { get; } = [];
    }
}
