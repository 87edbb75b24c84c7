using VisMooc.Modules.Schema;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.Sources.JsonLines;

/// <summary>
/// Values captured for one record, in slots, backed by one reused byte buffer: a row source for
/// readers that pick fields out of a document (forum JSON lines).
/// </summary>
public sealed class CapturedFields : IRowSource
{
    private readonly int[] _offsets;
    private readonly int[] _lengths;
    private readonly FieldKind[] _kinds;
    private byte[] _bytes = new byte[4096];
    private int _used;

    /// <summary>Creates storage for <paramref name="slots"/> fields.</summary>
    public CapturedFields(int slots)
    {
        _offsets = new int[slots];
        _lengths = new int[slots];
        _kinds = new FieldKind[slots];
    }

    /// <summary>Number of slots.</summary>
    public int Count => _kinds.Length;

    /// <summary>Sets every slot to NULL.</summary>
    public void Clear()
    {
        Array.Clear(_kinds);
        _used = 0;
    }

    /// <summary>Whether slot <paramref name="slot"/> was set since <see cref="Clear"/>.</summary>
    public bool IsSet(int slot) => _kinds[slot] != FieldKind.Null;

    /// <summary>Reserves <paramref name="length"/> bytes for slot <paramref name="slot"/> and returns them to fill.</summary>
    public Span<byte> Reserve(int slot, int length, FieldKind kind)
    {
        if (_bytes.Length - _used < length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _used + length));
        }

        _offsets[slot] = _used;
        _lengths[slot] = length;
        _kinds[slot] = kind;
        _used += length;
        return _bytes.AsSpan(_offsets[slot], length);
    }

    /// <summary>Shortens the value last reserved for <paramref name="slot"/> to <paramref name="length"/> bytes.</summary>
    public void Trim(int slot, int length)
    {
        _used -= _lengths[slot] - length;
        _lengths[slot] = length;
    }

    /// <summary>Stores a copy of <paramref name="value"/> in slot <paramref name="slot"/>.</summary>
    public void Set(int slot, ReadOnlySpan<byte> value, FieldKind kind) => value.CopyTo(Reserve(slot, value.Length, kind));

    /// <inheritdoc/>
    public FieldValue Get(int sourceField) =>
        _kinds[sourceField] == FieldKind.Null ? FieldValue.Null : new FieldValue(_bytes.AsSpan(_offsets[sourceField], _lengths[sourceField]), _kinds[sourceField]);
}
