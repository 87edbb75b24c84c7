using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Inputs;

/// <summary><c>…-prod.mongo</c> / <c>…-edge.mongo</c> / <c>….mongo</c>: the forum dump, one JSON document per line.</summary>
[EdxInput("forum", Extension = ".mongo", Format = InputFormat.JsonLines, Description = "forum dump")]
public sealed partial class ForumInput;
