using VisMooc.Modules.Values;

namespace VisMooc.Modules.Sources.CourseStructure;

/// <summary>One block of a <c>course_structure</c> file, with only the metadata fields the tables read.</summary>
public sealed class CourseBlock(string key)
{
    /// <summary>The block key (<c>i4x://…</c> or <c>block-v1:…</c>).</summary>
    public string Key { get; } = key;

    /// <summary>The block's <c>category</c>, or empty.</summary>
    public string Category { get; set; } = "";

    /// <summary>Child keys in display order.</summary>
    public List<string> Children { get; } = [];

    /// <summary>Captured metadata values by field name (e.g. <c>display_name</c>, <c>html5_sources[0]</c>).</summary>
    public Dictionary<string, (byte[] Utf8, FieldKind Kind)> Metadata { get; } = new(StringComparer.Ordinal);

    /// <summary>A captured metadata value, NULL when absent.</summary>
    public FieldValue Get(string name) =>
        Metadata.TryGetValue(name, out var v) ? new FieldValue(v.Utf8, v.Kind) : FieldValue.Null;
}
