using VisMooc.Modules.Inputs;
using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Tables;

/// <summary><c>videos</c>: one row per <c>video</c> block of <c>course_structure</c>, in course-tree order.</summary>
[VisMoocTable("videos", typeof(CourseStructureInput), Records = InputRecords.Videos, Order = 3, KeyFields = "key")]
[Column("_id", SqlType.Varchar, 255, PrimaryKey = true, From = "key", Convert = "StableId")]
[Column("original_id", SqlType.Varchar, 255, From = "key")]
[Column("name", SqlType.Text, From = "metadata.display_name", Convert = "DisplayName")]
[Column("section", SqlType.Text, From = "section")]
[Column("description", SqlType.Varchar, 255, Convert = "Empty")]
[Column("url", SqlType.Text, From = "metadata.html5_sources[0], metadata.youtube_id_1_0", Convert = "VideoUrl")]
public sealed partial class Videos;
