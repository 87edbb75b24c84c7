using System.Runtime.CompilerServices;

namespace VisMooc.Modules.Sources.EdxTsv;

/// <summary>
/// The edX research-package TSV dialect (the mysql CLI's batch mode, see the package spec §2):
/// fields split by TAB, records end at LF, SQL NULL is the four letters <c>NULL</c>, and
/// backslash, TAB, LF, CR and NUL inside a value are escaped as <c>\\ \t \n \r \0</c>. There is
/// no <c>\N</c>: that is <c>SELECT … INTO OUTFILE</c>'s NULL, not the exporter's. The reader
/// decodes with <see cref="TryUnescape"/>; rejects files are written with <see cref="AppendEscaped"/>.
/// </summary>
public static class EdxTsvDialect
{
    /// <summary>Field separator.</summary>
    public const byte FieldTerminator = (byte)'\t';

    /// <summary>Record terminator.</summary>
    public const byte LineTerminator = (byte)'\n';

    /// <summary>Escape character.</summary>
    public const byte Escape = (byte)'\\';

    /// <summary>How SQL NULL is written (a text value that is literally NULL cannot be told apart).</summary>
    public static ReadOnlySpan<byte> NullToken => "NULL"u8;

    /// <summary>Whether a raw (undecoded) field is SQL NULL.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsNull(ReadOnlySpan<byte> rawField) => rawField.SequenceEqual(NullToken);

    /// <summary>
    /// The byte that the escape <c>\<paramref name="escaped"/></c> stands for; false for an escape the
    /// exporter never writes (the caller keeps it as typed).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryUnescape(byte escaped, out byte value)
    {
        switch (escaped)
        {
            case Escape: value = Escape; return true;
            case (byte)'t': value = (byte)'\t'; return true;
            case (byte)'n': value = (byte)'\n'; return true;
            case (byte)'r': value = (byte)'\r'; return true;
            case (byte)'0': value = 0; return true;
            default: value = escaped; return false;
        }
    }

    /// <summary>Appends <paramref name="value"/> escaped to <paramref name="output"/> (for rejects files).</summary>
    public static void AppendEscaped(Stream output, ReadOnlySpan<byte> value)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (byte b in value)
        {
            switch (b)
            {
                case Escape: output.Write("\\\\"u8); break;
                case (byte)'\t': output.Write("\\t"u8); break;
                case (byte)'\n': output.Write("\\n"u8); break;
                case (byte)'\r': output.Write("\\r"u8); break;
                case 0: output.Write("\\0"u8); break;
                default: output.WriteByte(b); break;
            }
        }
    }
}
