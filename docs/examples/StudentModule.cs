using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Tables;

/// <summary><c>…-courseware_studentmodule-….sql</c>: learners' problem and video state, one row per learner and module.</summary>
[EdxInput("courseware_studentmodule", Token = "courseware_studentmodule", Extension = ".sql", Format = InputFormat.EdxTsv)]
public sealed partial class CoursewareStudentModuleInput;

/// <summary><c>student_module</c>: one row per <c>courseware_studentmodule</c> row (the state VisMOOC's data server reads for grades).</summary>
[VisMoocTable("student_module", typeof(CoursewareStudentModuleInput), Order = 10, KeyFields = "id")]
[Column("_id", SqlType.Varchar, 255, PrimaryKey = true, From = "id")]
[Column("user_id", SqlType.Varchar, 11, From = "student_id", Convert = "UserId", Role = ColumnRole.UserId)]
[Column("course_id", SqlType.Varchar, 255, From = "course_id", Role = ColumnRole.CourseId)]
[Column("module_type", SqlType.Varchar, 32, From = "module_type")]
[Column("module_id", SqlType.Varchar, 255, From = "module_id")]
[Column("grade", SqlType.Double, Nullable = true, From = "grade", Convert = "Double")]
[Column("max_grade", SqlType.Double, Nullable = true, From = "max_grade", Convert = "Double")]
[Column("created", SqlType.Datetime, Nullable = true, From = "created", Convert = "DateTimeUtc")]
[Column("modified", SqlType.Datetime, Nullable = true, From = "modified", Convert = "DateTimeUtc")]
[Column("done", SqlType.Varchar, 8, From = "done")]
[Column("state", SqlType.LongText, From = "state")]
public sealed partial class StudentModule;
