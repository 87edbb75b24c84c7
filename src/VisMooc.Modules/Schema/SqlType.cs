namespace VisMooc.Modules.Schema;

/// <summary>The SQL column types a table declaration may use (MySQL spelling; SQLite maps them to affinities).</summary>
public enum SqlType
{
    /// <summary><c>varchar(n)</c>; needs a size.</summary>
    Varchar = 1,
    /// <summary><c>datetime</c>, written <c>YYYY-MM-DD HH:MM:SS</c> in UTC.</summary>
    Datetime = 2,
    /// <summary><c>TINYINT</c>.</summary>
    TinyInt = 3,
    /// <summary><c>INT</c>.</summary>
    Int = 4,
    /// <summary><c>BIGINT</c>.</summary>
    BigInt = 5,
    /// <summary><c>MEDIUMTEXT</c>.</summary>
    MediumText = 6,
    /// <summary><c>LONGTEXT</c>.</summary>
    LongText = 7,
    /// <summary><c>text</c>: up to 65,535 bytes of UTF-8, for free text such as names, section paths and URLs.</summary>
    Text = 8,
    /// <summary><c>datetime(6)</c> (SQLite: TEXT), written <c>YYYY-MM-DD HH:MM:SS.ffffff</c> in UTC.</summary>
    DateTime6 = 9,
    /// <summary><c>double</c> (SQLite: REAL), written as the shortest decimal that reads back as the same double.</summary>
    Double = 10,
}
