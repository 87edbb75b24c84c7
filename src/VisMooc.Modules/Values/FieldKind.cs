namespace VisMooc.Modules.Values;

/// <summary>What a source field held before conversion.</summary>
public enum FieldKind : byte
{
    /// <summary>SQL NULL (TSV <c>NULL</c>), a JSON <c>null</c>, or an absent field.</summary>
    Null = 0,
    /// <summary>Text (a TSV field, a JSON string).</summary>
    String = 1,
    /// <summary>A JSON number, or the digits of a <c>{"$numberLong": "…"}</c> wrapper.</summary>
    Number = 2,
    /// <summary>Any other JSON value (true, false, object, array), as its JSON text.</summary>
    Json = 3,
}
