namespace VisMooc.Modules.Sources.TrackingLog;

/// <summary>Why a time or speed of a video event is written as NULL.</summary>
public enum ClickNumberProblem
{
    /// <summary>A number the column can hold.</summary>
    None,
    /// <summary>Absent or JSON null: NULL without a warning.</summary>
    Absent,
    /// <summary>Neither a JSON number nor a string holding a decimal number.</summary>
    NotANumber,
    /// <summary>NaN or infinite (a string "NaN", or a number too large for a double).</summary>
    NotFinite,
    /// <summary>Below zero.</summary>
    Negative,
    /// <summary>A speed of zero.</summary>
    Zero,
}
