namespace VisMooc.Modules.Schema;

/// <summary>
/// Declares one edX input file; the source generator gives the class a <c>Descriptor</c> and lists it in
/// <c>VisMooc.Generated.GeneratedSources.All</c>, from which discovery, jobs, messages and <c>describe</c> follow.
/// A table names its input with <c>typeof(TheInput)</c> in <see cref="VisMoocTableAttribute"/>.
/// </summary>
/// <param name="name">The input's name in messages and reports (e.g. <c>student_courseenrollment</c>).</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class EdxInputAttribute(string name) : Attribute
{
    /// <summary>The input's name in messages and reports.</summary>
    public string Name { get; } = name;

    /// <summary>
    /// The word that names the file between dashes (<c>student_courseenrollment</c> matches
    /// <c>X-student_courseenrollment-prod-analytics.sql</c>, and MOOC-Learner-Curated's
    /// <c>student_courseenrollment-prod-analytics.sql</c>); empty when the extension alone names it (<c>*.mongo</c>).
    /// </summary>
    public string Token { get; set; } = "";

    /// <summary>The file name's extension, before any <c>.gz</c> (<c>.sql</c>, <c>.json</c>, <c>.mongo</c>).</summary>
    public string Extension { get; set; } = "";

    /// <summary>How the file is laid out; picks the job that reads it.</summary>
    public InputFormat Format { get; set; }

    /// <summary>Where its files are found.</summary>
    public InputScope Scope { get; set; }

    /// <summary>What the file is, in words, when its name does not say it (<c>forum dump</c>); empty otherwise.</summary>
    public string Description { get; set; } = "";
}
