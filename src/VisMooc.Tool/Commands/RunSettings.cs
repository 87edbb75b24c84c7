using VisMooc.Modules.Load;

namespace VisMooc.Tool.Commands;

/// <summary>The settings of a <c>vismooc run</c> beyond its conversion's: the load's, and what to print.</summary>
internal sealed record RunSettings(LoadMode Mode, FileInfo? PasswordFile, string? Db, bool Quiet, bool Json, bool Verbose);
