using VisMooc.Modules.Values;

namespace VisMooc.Modules.Sources.TrackingLog;

/// <summary>Where a value sits in <see cref="ParsedClickEvent"/>'s buffer, and what it was in the JSON (Null: absent or null).</summary>
internal readonly record struct ValueSlot(int Start, int Length, FieldKind Kind)
{
    /// <summary>An absent value.</summary>
    public static ValueSlot Absent => default;
}
