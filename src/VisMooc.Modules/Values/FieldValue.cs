namespace VisMooc.Modules.Values;

/// <summary>One decoded source field: UTF-8 bytes plus what kind of value they were. Valid until the next row.</summary>
public readonly ref struct FieldValue
{
    /// <summary>The value's UTF-8 bytes (empty for NULL).</summary>
    public readonly ReadOnlySpan<byte> Utf8;

    /// <summary>What the value was in its source.</summary>
    public readonly FieldKind Kind;

    /// <summary>Creates a value.</summary>
    public FieldValue(ReadOnlySpan<byte> utf8, FieldKind kind)
    {
        Utf8 = utf8;
        Kind = kind;
    }

    /// <summary>The NULL value.</summary>
    public static FieldValue Null => default;

    /// <summary>A text value.</summary>
    public static FieldValue Text(ReadOnlySpan<byte> utf8) => new(utf8, FieldKind.String);

    /// <summary>True when the value is NULL.</summary>
    public bool IsNull => Kind == FieldKind.Null;

    /// <summary>True when the value is NULL or has no bytes.</summary>
    public bool IsNullOrEmpty => Kind == FieldKind.Null || Utf8.IsEmpty;

    /// <summary>The value as a .NET string (NULL gives null); for messages and tests, not hot paths.</summary>
    public string? ToStringOrNull() => IsNull ? null : System.Text.Encoding.UTF8.GetString(Utf8);
}
