namespace VisMooc.Modules.Schema;

/// <summary>
/// How MySQL/MariaDB bulk-loads one table's CSV, generated with the table from the same dialect
/// constants as its <c>LOAD DATA</c> text: the loader applies it instead of spelling the settings out.
/// </summary>
/// <param name="Table">The table the rows go into.</param>
/// <param name="Columns">The CSV's columns, in file order.</param>
/// <param name="CharacterSet">The files' character set, as MySQL names it.</param>
/// <param name="FieldTerminator">Between fields.</param>
/// <param name="Encloser">Encloses every non-NULL value (optionally, so <paramref name="NullToken"/> stays NULL).</param>
/// <param name="Escape">The escape character.</param>
/// <param name="LineTerminator">After each row.</param>
/// <param name="NullToken">How SQL NULL is written (not enclosed).</param>
public sealed record MySqlLoadDescription(
    string Table,
    IReadOnlyList<string> Columns,
    string CharacterSet,
    char FieldTerminator,
    char Encloser,
    char Escape,
    char LineTerminator,
    string NullToken);
