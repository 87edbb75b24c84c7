using VisMooc.Generated;

namespace VisMooc.Generators.Tests;

/// <summary>The committed SQL under schema/ must be exactly what the table declarations generate.</summary>
public sealed class SchemaFileTests
{
    [Fact]
    public void MySqlSchemaFileMatchesDeclarations() =>
        AssertCommitted("schema/import_vismooc_to_moocdb.sql", GeneratedTables.MySqlScript);

    [Fact]
    public void SqliteSchemaFileMatchesDeclarations() =>
        AssertCommitted("schema/vismooc_sqlite.sql", GeneratedTables.SqliteScript);

    [Fact]
    public void DuckDbSchemaFileMatchesDeclarations() =>
        AssertCommitted("schema/vismooc_duckdb.sql", GeneratedTables.DuckDbScript);

    // Compares with HEAD, not the disk: the build rewrites the file on disk, so only the committed copy can be stale.
    private static void AssertCommitted(string relativePath, string generated)
    {
        string? committed = RepoFiles.Committed(relativePath)?.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (committed == generated)
        {
            return;
        }

        string detail = committed is null ? "it is not committed" : FirstDifference(committed, generated);
        Assert.Fail($"{relativePath} differs from the table declarations; build and commit schema/ ({detail}).");
    }

    private static string FirstDifference(string committed, string generated)
    {
        string[] left = committed.Split('\n');
        string[] right = generated.Split('\n');
        for (int i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            string? l = i < left.Length ? left[i] : null;
            string? r = i < right.Length ? right[i] : null;
            if (l != r)
            {
                return $"line {i + 1}: committed '{l ?? "<end of file>"}', generated '{r ?? "<end of file>"}'";
            }
        }

        return "they differ";
    }
}
