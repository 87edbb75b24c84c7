using VisMooc.Modules.Values;

namespace VisMooc.Modules.Sources.EdxTsv;

/// <summary>Where one field of the current TSV record lives: sliced from the input buffer, or decoded into the scratch buffer.</summary>
internal readonly struct TsvFieldSlot
{
    /// <summary>True when the bytes are in the scratch buffer (the field had escapes).</summary>
    public readonly bool InScratch;

    /// <summary>Offset of the bytes in their buffer.</summary>
    public readonly int Start;

    /// <summary>Number of bytes.</summary>
    public readonly int Length;

    /// <summary>Null for the raw text <c>NULL</c>, otherwise String.</summary>
    public readonly FieldKind Kind;

    /// <summary>Creates a slot.</summary>
    public TsvFieldSlot(bool inScratch, int start, int length, FieldKind kind)
    {
        InScratch = inScratch;
        Start = start;
        Length = length;
        Kind = kind;
    }
}
