using VisMooc.Modules.Schema;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.Sources.TrackingLog;

/// <summary>
/// A parsed click event as the source record of a table declaration: field k is the table's k-th
/// source field (<see cref="ClickSourceFields"/> names them), so generated code writes the row.
/// </summary>
public sealed class ClickEventRowSource : IRowSource
{
    private readonly int[] _fields;
    private ParsedClickEvent? _event;

    /// <summary>Binds a table's source fields.</summary>
    /// <exception cref="ArgumentException">The table reads a field click events do not have.</exception>
    public ClickEventRowSource(IReadOnlyList<string> sourceFields)
    {
        _fields = new int[sourceFields.Count];
        for (int i = 0; i < sourceFields.Count; i++)
        {
            int field = -1;
            for (int k = 0; k < ClickSourceFields.All.Count; k++)
            {
                if (string.Equals(ClickSourceFields.All[k], sourceFields[i], StringComparison.Ordinal))
                {
                    field = k;
                }
            }

            _fields[i] = field >= 0 ? field
                : throw new ArgumentException($"click events have no field '{sourceFields[i]}' (they have: {string.Join(", ", ClickSourceFields.All)})", nameof(sourceFields));
        }
    }

    /// <summary>Points the source at the event of a <see cref="ClickLineOutcome.Click"/> line.</summary>
    public void Set(ParsedClickEvent parsed) => _event = parsed;

    /// <inheritdoc/>
    public FieldValue Get(int sourceField)
    {
        var e = _event ?? throw new InvalidOperationException("no click event set");
        return _fields[sourceField] switch
        {
            0 => FieldValue.Text(e.ObservedEventId),
            1 => FieldValue.Text(e.Course?.CourseIdUtf8),
            2 => e.Username,
            3 => e.VideoKey,
            4 => e.Time,
            5 => e.EventType,
            6 => e.Page,
            7 => e.Code,
            8 => e.CurrentTime,
            9 => e.NewTime,
            10 => e.OldTime,
            11 => e.NewSpeed,
            _ => e.OldSpeed,
        };
    }
}
