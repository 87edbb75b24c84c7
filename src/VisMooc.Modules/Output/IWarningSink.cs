namespace VisMooc.Modules.Output;

/// <summary>Receives value-level warnings (the row is still written).</summary>
public interface IWarningSink
{
    /// <summary>Records a warning about <paramref name="column"/> of the current row.</summary>
    void Warn(string column, string message);
}
