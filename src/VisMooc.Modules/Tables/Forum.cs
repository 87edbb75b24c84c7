using VisMooc.Modules.Checks;
using VisMooc.Modules.Inputs;
using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Tables;

/// <summary><c>forum</c>: one row per thread or comment document of the forum <c>.mongo</c> dump.</summary>
[VisMoocTable("forum", typeof(ForumInput), Order = 5, KeyFields = "_id.$oid")]
[Column("_id", SqlType.Varchar, 255, PrimaryKey = true, From = "_id.$oid", Convert = "StableId")]
[Column("original_id", SqlType.Varchar, 255, From = "_id.$oid")]
[Column("course_id", SqlType.Varchar, 255, From = "course_id", Role = ColumnRole.CourseId)]
[Column("author_id", SqlType.Varchar, 255, From = "author_id", Role = ColumnRole.UserId, References = "users", Finding = CrossFileChecks.AuthorNotInAuthUser)]
[Column("created_at", SqlType.Datetime, Nullable = true, From = "created_at.$date", Convert = "DateTimeUtc")]
[Column("updated_at", SqlType.Datetime, Nullable = true, From = "updated_at.$date", Convert = "DateTimeUtc")]
[Column("body", SqlType.LongText, From = "body")]
[Column("type", SqlType.Varchar, 255, From = "_type")]
[Column("title", SqlType.MediumText, From = "_type, title", Convert = "ThreadOnly")]
[Column("thread_type", SqlType.Varchar, 255, From = "_type, thread_type", Convert = "ThreadOnly")]
[Column("comment_thread_id", SqlType.Varchar, 255, From = "_type, comment_thread_id.$oid", Convert = "CommentOnly")]
[Column("parent_id", SqlType.Varchar, 255, From = "_type, parent_id.$oid", Convert = "CommentOnly")]
public sealed partial class Forum;
