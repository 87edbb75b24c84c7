namespace VisMooc.Modules.Output;

/// <summary>
/// The CSV dialect that MySQL <c>LOAD DATA</c> reads back exactly. The writers escape with these
/// bytes and the generated SQL's <c>LOAD DATA</c> clauses are built from the same constants.
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
}
