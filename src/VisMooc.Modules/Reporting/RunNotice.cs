namespace VisMooc.Modules.Reporting;

/// <summary>A notice of a conversion run, with what places it among the report's notices (see <see cref="NoticeOrder"/>).</summary>
/// <param name="Course">The position, in the run's course list, of the course it is about; -1 for a notice of the whole run.</param>
/// <param name="Input">The name of the input kind it is about (<see cref="Schema.InputDescriptor.Name"/>); empty for a notice of the whole run.</param>
/// <param name="Raised">Its place in the order the run's notices were raised.</param>
/// <param name="Text">The notice.</param>
public readonly record struct RunNotice(int Course, string Input, long Raised, string Text);
