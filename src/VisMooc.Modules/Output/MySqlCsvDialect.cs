using System.Buffers;
using System.Runtime.CompilerServices;

namespace VisMooc.Modules.Output;

/// <summary>
/// The CSV dialect that MySQL <c>LOAD DATA</c> reads back exactly, and the one place that knows it:
/// <see cref="CellWriter"/> escapes with <see cref="NeedsEscape"/> and <see cref="EscapeLetter"/>,
/// <see cref="Load.DialectCsvReader"/> decodes with <see cref="Unescape"/>, and the generated SQL's
/// <c>LOAD DATA</c> clauses are built from the same constants.
/// </summary>
public static class MySqlCsvDialect
{
    /// <summary>Field separator.</summary>
    public const char FieldTerminator = ',';

    /// <summary>Encloses every non-NULL value.</summary>
    public const char Encloser = '"';

    /// <summary>Escape character.</summary>
    public const char Escape = '\\';

    /// <summary>Row terminator.</summary>
    public const char LineTerminator = '\n';

    /// <summary>How SQL NULL is written (not enclosed).</summary>
    public const string NullToken = @"\N";

    /// <summary>Character set of the files, as MySQL names it.</summary>
    public const string CharacterSet = "utf8mb4";

    /// <summary>The <c>CHARACTER SET</c> clause of <c>LOAD DATA</c>.</summary>
    public const string CharacterSetClause = "CHARACTER SET " + CharacterSet;

    /// <summary>The <c>FIELDS</c> clause of <c>LOAD DATA</c>, in SQL string-literal syntax.</summary>
    public const string FieldsClause = "FIELDS TERMINATED BY ','" + " OPTIONALLY ENCLOSED BY '\"'" + " ESCAPED BY '\\\\'";

    /// <summary>The <c>LINES</c> clause of <c>LOAD DATA</c>, in SQL string-literal syntax.</summary>
    public const string LinesClause = "LINES TERMINATED BY '\\n'";

    /// <summary><see cref="NullToken"/> as UTF-8.</summary>
    public static ReadOnlySpan<byte> NullTokenUtf8 => @"\N"u8;

    /// <summary>The bytes that the writers escape inside an enclosed value: the escape character, the encloser, LF, CR and NUL.</summary>
    public static SearchValues<byte> NeedsEscape { get; } = SearchValues.Create("\\\"\n\r\0"u8);

    /// <summary>The byte written after <see cref="Escape"/> for <paramref name="b"/>, one of <see cref="NeedsEscape"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte EscapeLetter(byte b) => b switch
    {
        (byte)'\n' => (byte)'n',
        (byte)'\r' => (byte)'r',
        0 => (byte)'0',
        _ => b,
    };

    /// <summary>
    /// The byte that <see cref="Escape"/> followed by <paramref name="letter"/> stands for, as
    /// <c>LOAD DATA</c> reads it: <c>n r 0 t</c> are LF, CR, NUL and TAB; any other byte stands for itself.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Unescape(byte letter) => letter switch
    {
        (byte)'n' => (byte)'\n',
        (byte)'r' => (byte)'\r',
        (byte)'0' => 0,
        (byte)'t' => (byte)'\t',
        _ => letter,
    };
}
