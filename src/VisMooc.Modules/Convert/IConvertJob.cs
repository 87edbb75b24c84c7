namespace VisMooc.Modules.Convert;

/// <summary>Converts one kind of input, for every course in order, into its tables. Jobs run in parallel.</summary>
public interface IConvertJob
{
    /// <summary>The tables this job writes.</summary>
    IReadOnlyList<TableOutput> Outputs { get; }

    /// <summary>Converts the courses, in order.</summary>
    void Run(IReadOnlyList<CourseInput> courses, ConvertRun run);
}
