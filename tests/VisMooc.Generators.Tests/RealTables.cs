namespace VisMooc.Generators.Tests;

/// <summary>The generator run over the real declarations in src/VisMooc.Modules/Tables, done once per test run.</summary>
internal static class RealTables
{
    public const string RegistryHint = "VisMooc.Generated.GeneratedTables.g.cs";

    private static readonly Lazy<GeneratorRun> s_run = new(() => GeneratorRunner.Run(GeneratorRunner.Compile(RepoFiles.TableDeclarations())));

    private static readonly Lazy<IReadOnlyDictionary<string, string>> s_hintsByTable = new(() =>
        Run.Sources.Keys
            .Where(hint => hint != RegistryHint)
            .ToDictionary(hint => Run.Constant(TypeName(hint), "TableName"), hint => hint, StringComparer.Ordinal));

    public static GeneratorRun Run => s_run.Value;

    /// <summary>Generated source hint by SQL table name.</summary>
    public static IReadOnlyDictionary<string, string> HintsByTable => s_hintsByTable.Value;

    /// <summary>The metadata name of the class a per-table hint (<c>Namespace.Class.g.cs</c>) was generated for.</summary>
    public static string TypeName(string hint) => hint[..^".g.cs".Length];
}
