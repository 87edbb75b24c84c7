using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using VisMooc.Modules.Pipeline;
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

        Assert.Equal(VisMooc.Generated.GeneratedTables.All.Count + 1, tables.Count);
        Assert.Equal("certificate_status", tables[^1].Info.Name);
        Assert.Contains("CREATE TABLE IF NOT EXISTS certificate_status (\n    _id varchar(255) NOT NULL,", mysql, StringComparison.Ordinal);
        Assert.Contains("LOAD DATA LOCAL INFILE 'MOOCDB_DIR/certificate_status.csv'", mysql, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE IF NOT EXISTS certificate_status", sqlite, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE IF NOT EXISTS certificate_status (\n    \"_id\" VARCHAR NOT NULL,", (string)registry.GetField("DuckDbScript")!.GetValue(null)!, StringComparison.Ordinal);

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

    [Fact]
    public void TheSecondWalkThroughReadsAnEdxFileThePipelineDidNotKnowWithNoOtherEdit()
    {
        // docs/adding-a-module.md, section 5: student_module from *-courseware_studentmodule-*.sql, its input
        // declared in the same file. Discovery, the TSV job, the SQL and describe follow from it.
        string example = File.ReadAllText(Path.Combine(RepoFiles.Root, "docs", "examples", "StudentModule.cs"));
        var files = RepoFiles.TableDeclarations().Append(("Tables/StudentModule.cs", example));
        var run = GeneratorRunner.Run(GeneratorRunner.Compile(files));
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var assembly = Load(run.Output);
        var registry = assembly.GetType("VisMooc.Generated.GeneratedTables")!;
        var tables = (IReadOnlyList<TableDescriptor>)registry.GetProperty("All")!.GetValue(null)!;
        string mysql = (string)registry.GetField("MySqlScript")!.GetValue(null)!;
        string sqlite = (string)registry.GetField("SqliteScript")!.GetValue(null)!;
        var inputs = (IReadOnlyList<InputDescriptor>)assembly.GetType("VisMooc.Generated.GeneratedSources")!.GetProperty("All")!.GetValue(null)!;

        Assert.Equal(VisMooc.Generated.GeneratedTables.All.Count + 1, tables.Count);
        Assert.Equal("courseware_studentmodule", Assert.Single(inputs).Name);
        Assert.Contains(
            "CREATE TABLE IF NOT EXISTS student_module (\n    _id varchar(255) NOT NULL,\n    user_id varchar(11) NOT NULL,\n    course_id varchar(255) NOT NULL,\n"
            + "    module_type varchar(32) NOT NULL,\n    module_id varchar(255) NOT NULL,\n    grade double NULL,\n    max_grade double NULL,\n"
            + "    created datetime NULL,\n    modified datetime NULL,\n    done varchar(8) NOT NULL,\n    state LONGTEXT NOT NULL,\n    PRIMARY KEY (_id)\n)",
            mysql, StringComparison.Ordinal);
        Assert.Contains("LOAD DATA LOCAL INFILE 'MOOCDB_DIR/student_module.csv'", mysql, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE IF NOT EXISTS student_module (\n    _id TEXT NOT NULL,", sqlite, StringComparison.Ordinal);
        Assert.Contains("    grade REAL NULL,\n", sqlite, StringComparison.Ordinal);

        string described = MappingDescriber.Text(tables.Select(t => t.Info));
        Assert.Contains("student_module  <-  *-courseware_studentmodule-*.sql (one row per row)\n  rejected without: id\n", described, StringComparison.Ordinal);
        Assert.Contains("ValueConversions.Double: number written as the shortest decimal", described, StringComparison.Ordinal);

        string root = Path.Combine(Path.GetTempPath(), "vismooc-module-" + Guid.NewGuid().ToString("N")[..10]);
        try
        {
            string course = Path.Combine(root, "in", "SynthX-DS101-2099_T1");
            Directory.CreateDirectory(course);
            const string C = "course-v1:SynthX+DS101+2099_T1";
            File.WriteAllText(Path.Combine(course, "SynthX-DS101-2099_T1-courseware_studentmodule-prod-analytics.sql"),
                "id\tmodule_type\tmodule_id\tstudent_id\tstate\tgrade\tcreated\tmodified\tmax_grade\tdone\tcourse_id\n"
                + $"11\tproblem\tblock-v1:SynthX+DS101+2099_T1+type@problem+block@p1\t7000001\t{{\"attempts\": 2, \"input_state\": {{}}}}\t0.5\t2099-06-01 00:00:01\t2099-06-02 00:00:02.5\t1.0\tna\t{C}\n"
                + $"12\tvideo\tblock-v1:SynthX+DS101+2099_T1+type@video+block@v1\t7000002\t{{\"saved_video_position\": \"00:01:02\"}}\tNULL\tNULL\t2099-06-03 00:00:00\tNULL\tna\t{C}\n"
                + $"13\tproblem\tblock-v1:SynthX+DS101+2099_T1+type@problem+block@p2\t7000003\t{{}}\t1e-7\t2099-06-04 00:00:00\t2099-06-04 00:00:00\tten\tna\t{C}\n");
            var result = PackageConverter.Run(new ConvertOptions { Input = Path.Combine(root, "in"), Output = Path.Combine(root, "out") }, tables);

            Assert.Equal(0, result.Rejected);
            Assert.Equal(1, result.Tables.Single(t => t.Table == "student_module").Warnings);
            Assert.Equal(
                $"\"11\",\"7000001\",\"{C}\",\"problem\",\"block-v1:SynthX+DS101+2099_T1+type@problem+block@p1\",\"0.5\",\"1\",\"2099-06-01 00:00:01\",\"2099-06-02 00:00:02\",\"na\",\"{{\\\"attempts\\\": 2, \\\"input_state\\\": {{}}}}\"\n"
                + $"\"12\",\"7000002\",\"{C}\",\"video\",\"block-v1:SynthX+DS101+2099_T1+type@video+block@v1\",\\N,\\N,\\N,\"2099-06-03 00:00:00\",\"na\",\"{{\\\"saved_video_position\\\": \\\"00:01:02\\\"}}\"\n"
                + $"\"13\",\"7000003\",\"{C}\",\"problem\",\"block-v1:SynthX+DS101+2099_T1+type@problem+block@p2\",\"0.0000001\",\\N,\"2099-06-04 00:00:00\",\"2099-06-04 00:00:00\",\"na\",\"{{}}\"\n",
                File.ReadAllText(Path.Combine(root, "out", "student_module.csv")));
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
