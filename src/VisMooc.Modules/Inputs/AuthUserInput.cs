using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Inputs;

/// <summary><c>…-auth_user-….sql</c>: one row per learner account.</summary>
[EdxInput("auth_user", Token = "auth_user", Extension = ".sql", Format = InputFormat.EdxTsv)]
public sealed partial class AuthUserInput;
