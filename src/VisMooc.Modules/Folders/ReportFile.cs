namespace VisMooc.Modules.Folders;

/// <summary>The report a conversion leaves in its output folder, which <c>load</c> reads to check the CSVs beside it.</summary>
public static class ReportFile
{
    /// <summary>Its name in the output folder.</summary>
    public const string Name = "report.json";
}
