using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using VisMooc.Modules.Convert;
using VisMooc.Modules.Schema;

namespace VisMooc.Generators.Tests;

/// <summary>Proves docs/adding-a-module.md: one declaration file is all an eighth table needs.</summary>
public sealed class AddingAModuleTests
{
    [Fact]
    public void TheWalkThroughTableReachesTheSqlTheWriterAndDescribeWithNoOtherEdit()
    {
        string example = File.ReadAllText(Path.Combine(RepoFiles.Root, "docs", "examples", "CertificateStatus.cs"));
        var files = RepoFiles.TableDeclarations().Append(("Tables/CertificateStatus.cs", example));
        var run = GeneratorRunner.Run(GeneratorRunner.Compile(files));
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var assembly = Load(run.Output);
        var registry = assembly.GetType("VisMooc.Generated.GeneratedTables")!;
        var tables = (IReadOnlyList<TableDescriptor>)registry.GetProperty("All")!.GetValue(null)!;
        string mysql = (string)registry.GetField("MySqlScript")!.GetValue(null)!;
        string sqlite = (string)registry.GetField("SqliteScript")!.GetValue(null)!;

        Assert.Equal(RepoFiles.TableDeclarations().Count() + 1, tables.Count);
        Assert.Equal("certificate_status", tables[^1].Info.Name);
        Assert.Contains("CREATE TABLE IF NOT EXISTS certificate_status (\n    _id varchar(255) NOT NULL,", mysql, StringComparison.Ordinal);
        Assert.Contains("LOAD DATA LOCAL INFILE 'MOOCDB_DIR/certificate_status.csv'", mysql, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE IF NOT EXISTS certificate_status", sqlite, StringComparison.Ordinal);

        string described = MappingDescriber.Text(tables.Select(t => t.Info));
        Assert.Contains("passed", described, StringComparison.Ordinal);
        Assert.Contains("CertificateStatus.Passed: 1 when status is downloadable", described, StringComparison.Ordinal);

        string root = Path.Combine(Path.GetTempPath(), "vismooc-module-" + Guid.NewGuid().ToString("N")[..10]);
        try
        {
            string course = Path.Combine(root, "in", "SynthX-DS101-2099_T1");
            Directory.CreateDirectory(course);
            File.WriteAllText(Path.Combine(course, "SynthX-DS101-2099_T1-certificates_generatedcertificate-prod-analytics.sql"),
                "id\tuser_id\tgrade\tcourse_id\tstatus\tcreated_date\tmodified_date\n"
                + "31\t7000001\t0.87\tcourse-v1:SynthX+DS101+2099_T1\tdownloadable\t2099-06-01 00:00:01\t2099-06-01 00:00:09.5\n"
                + "32\t7000002\t\tcourse-v1:SynthX+DS101+2099_T1\taudit_notpassing\t2099-06-01 00:00:02\tNULL\n");
            var result = PackageConverter.Run(new ConvertOptions { Input = Path.Combine(root, "in"), Output = Path.Combine(root, "out") }, tables);

            Assert.Equal(0, result.Rejected);
            Assert.Equal(
                "\"31\",\"7000001\",\"course-v1:SynthX+DS101+2099_T1\",\"downloadable\",\"1\",\"2099-06-01 00:00:09\"\n"
                + "\"32\",\"7000002\",\"course-v1:SynthX+DS101+2099_T1\",\"audit_notpassing\",\"0\",\\N\n",
                File.ReadAllText(Path.Combine(root, "out", "certificate_status.csv")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static Assembly Load(Compilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        // VisMooc.Modules resolves to the copy the tests already loaded, so the types are shared.
        return new AssemblyLoadContext("walk-through", isCollectible: true).LoadFromStream(image);
    }
}
