using System.Buffers.Text;
using System.Text;
using VisMooc.Modules.Collections;
using VisMooc.Modules.Sources.TrackingLog;

namespace VisMooc.Modules.Checks;

/// <summary>
/// The primary-key values already written to a table, to drop later duplicates. Canonical decimal
/// keys up to <see cref="long.MaxValue"/> (the usual case: TSV ids, and <c>H</c> values, which have
/// up to 19 digits) cost one 8-byte slot of a <see cref="LongSet"/>; any other key is kept as a string.
/// </summary>
public sealed class SeenKeys
{
    private readonly LongSet _numbers = new();
    private readonly LongSet _hexIds = new();
    private readonly HashSet<string> _others = new(StringComparer.Ordinal);

    /// <summary>Number of keys held.</summary>
    public int Count => _numbers.Count + _hexIds.Count + _others.Count;

    /// <summary>Adds a key as written in the CSV (enclosed and escaped); false when it was already there.</summary>
    public bool Add(ReadOnlySpan<byte> writtenKey)
    {
        var inner = writtenKey.Length >= 2 && writtenKey[0] == '"' && writtenKey[^1] == '"' ? writtenKey[1..^1] : writtenKey;
        if (inner.Length > 0 && inner.Length <= 19 && (inner[0] != '0' || inner.Length == 1)
            && Utf8Parser.TryParse(inner, out long number, out int consumed) && consumed == inner.Length && inner[0] != '-' && inner[0] != '+')
        {
            return _numbers.Add(number);
        }

        // click_events' ids (32 lowercase hex digits, one per tracking-log event; there can be
        // hundreds of millions): their first 64 bits, 8 bytes each. Two different events share them
        // with a chance of about n²/2^65 (1 in 3,700 for 10^8 events): the second would be counted as
        // a duplicate.
        if (inner.Length == StableEventId.Length && inner.IndexOfAnyExcept("0123456789abcdef"u8) < 0)
        {
            return _hexIds.Add((long)StableEventId.Prefix64(inner));
        }

        return _others.Add(Encoding.UTF8.GetString(writtenKey));
    }
}
