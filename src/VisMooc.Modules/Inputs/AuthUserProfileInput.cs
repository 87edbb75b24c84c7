using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Inputs;

/// <summary><c>…-auth_userprofile-….sql</c>: one profile row per learner.</summary>
[EdxInput("auth_userprofile", Token = "auth_userprofile", Extension = ".sql", Format = InputFormat.EdxTsv)]
[RawField("id", Keep = RawShape.Id)]
[RawField("user_id", Keep = RawShape.Id)]
[RawField("name", Personal = true)]
[RawField("location", Personal = true)]
[RawField("mailing_address", Personal = true)]
[RawField("city", Personal = true)]
[RawField("bio", Personal = true)]
[RawField("gender", Keep = RawShape.Gender)]
[RawField("year_of_birth", Keep = RawShape.SmallNumber)]
[RawField("level_of_education", Keep = RawShape.EducationLevel)]
[RawField("country", Keep = RawShape.Country)]
[RawField("allow_certificate", Keep = RawShape.Flag)]
[RawField("profile_image_uploaded_at", Keep = RawShape.DateLike)]
public sealed partial class AuthUserProfileInput;
