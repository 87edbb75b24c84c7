namespace VisMooc.Modules.Output;

/// <summary>The CSV flavour a conversion writes.</summary>
public enum OutputFormat
{
    /// <summary>The MySQL <c>LOAD DATA</c> dialect (default): no header, every value enclosed, backslash escapes, NULL as <c>\N</c>.</summary>
    MySql,
    /// <summary>RFC 4180 with a header row: quotes doubled, no backslash escapes, NULL as an empty unquoted field.</summary>
    Rfc4180,
}
