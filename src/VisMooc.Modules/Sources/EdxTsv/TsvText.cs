namespace VisMooc.Modules.Sources.EdxTsv;

/// <summary>Escapes text the way edX TSV does (for rejects files): backslash, TAB, LF, CR and NUL.</summary>
public static class TsvText
{
    /// <summary>Appends <paramref name="value"/> escaped to <paramref name="output"/>.</summary>
    public static void AppendEscaped(Stream output, ReadOnlySpan<byte> value)
    {
        foreach (byte b in value)
        {
            switch (b)
            {
                case (byte)'\\': output.Write("\\\\"u8); break;
                case (byte)'\t': output.Write("\\t"u8); break;
                case (byte)'\n': output.Write("\\n"u8); break;
                case (byte)'\r': output.Write("\\r"u8); break;
                case 0: output.Write("\\0"u8); break;
                default: output.WriteByte(b); break;
            }
        }
    }
}
