using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Inputs;

/// <summary><c>…-auth_user-….sql</c>: one row per learner account.</summary>
[EdxInput("auth_user", Token = "auth_user", Extension = ".sql", Format = InputFormat.EdxTsv)]
[RawField("id", Keep = RawShape.Id)]
[RawField("username", Personal = true)]
[RawField("first_name", Personal = true)]
[RawField("last_name", Personal = true)]
[RawField("email", Personal = true)]
[RawField("password", Personal = true)]
[RawField("is_staff", Keep = RawShape.Flag)]
[RawField("is_active", Keep = RawShape.Flag)]
[RawField("is_superuser", Keep = RawShape.Flag)]
[RawField("last_login", Keep = RawShape.DateLike)]
[RawField("date_joined", Keep = RawShape.DateLike)]
[RawField("country", Keep = RawShape.Country)]
[RawField("show_country", Keep = RawShape.Flag)]
[RawField("email_tag_filter_strategy", Keep = RawShape.Flag)]
[RawField("display_tag_filter_strategy", Keep = RawShape.Flag)]
[RawField("consecutive_days_visit_count", Keep = RawShape.SmallNumber)]
public sealed partial class AuthUserInput;
