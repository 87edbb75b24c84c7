namespace VisMooc.Generators.Emit;

/// <summary>
/// What the emitters put on the types they write whole (the registries) and on the members they add to a
/// declaration's partial class (not on the class: that would mark the hand-written conversions beside them as generated too).
/// </summary>
internal static class Generated
{
    public const string Attribute = "[global::System.CodeDom.Compiler.GeneratedCode(\"VisMooc.Generators\", \"1.0\")]";
}
