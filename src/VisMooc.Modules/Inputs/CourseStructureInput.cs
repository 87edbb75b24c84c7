using VisMooc.Modules.Schema;
using VisMooc.Modules.Sources.CourseStructure;

namespace VisMooc.Modules.Inputs;

/// <summary><c>…-course_structure-….json</c>: the course tree, one JSON object of blocks keyed by id.</summary>
[EdxInput("course_structure", Token = "course_structure", Extension = ".json", Format = InputFormat.CourseTree)]
public sealed partial class CourseStructureInput;
