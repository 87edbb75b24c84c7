using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Inputs;

/// <summary><c>…-auth_userprofile-….sql</c>: one profile row per learner.</summary>
[EdxInput("auth_userprofile", Token = "auth_userprofile", Extension = ".sql", Format = InputFormat.EdxTsv)]
public sealed partial class AuthUserProfileInput;
