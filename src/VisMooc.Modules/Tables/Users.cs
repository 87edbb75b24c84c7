using VisMooc.Modules.Inputs;
using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Tables;

/// <summary><c>users</c>: <c>auth_user</c> joined to <c>auth_userprofile</c> on <c>user_id</c>, pseudonymised.</summary>
[VisMoocTable("users", typeof(AuthUserInput), Join = typeof(AuthUserProfileInput), JoinOn = "auth_user.id = auth_userprofile.user_id", Order = 7, KeyFields = "auth_user.id")]
[Column("_id", SqlType.Varchar, 255, PrimaryKey = true, From = "auth_userprofile.id, auth_user.id", Convert = "ProfileIdOrUserKey")]
[Column("original_id", SqlType.Varchar, 11, From = "auth_user.id", Convert = "UserId", Role = ColumnRole.UserId)]
[Column("username", SqlType.Varchar, 40, From = "auth_user.username", Convert = "Pseudonym", Role = ColumnRole.Username)]
[Column("name", SqlType.Varchar, 255, From = "auth_userprofile.name", Convert = "PseudonymOrEmpty")]
[Column("language", SqlType.Varchar, 255, From = "auth_userprofile.language")]
[Column("location", SqlType.Varchar, 255, From = "auth_userprofile.location")]
[Column("birth_date", SqlType.Varchar, 11, From = "auth_userprofile.year_of_birth")]
[Column("education_level", SqlType.Varchar, 6, From = "auth_userprofile.level_of_education")]
[Column("bio", SqlType.LongText, From = "auth_userprofile.goals")]
[Column("gender", SqlType.Varchar, 6, From = "auth_userprofile.gender")]
[Column("country", SqlType.Varchar, 2, From = "auth_userprofile.country")]
public sealed partial class Users;
