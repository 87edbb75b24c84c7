namespace VisMooc.Modules.Load;

/// <summary>What a load does with a row whose <c>_id</c> is already in the table.</summary>
public enum LoadMode
{
    /// <summary>Keep the existing row (like the original script's <c>LOAD DATA … IGNORE</c>).</summary>
    Ignore,
    /// <summary>Replace it with the new row (a newer package of the same course).</summary>
    Replace,
}
