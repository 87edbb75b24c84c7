using System.Text.Json.Nodes;
using VisMooc.Generated;
using VisMooc.Modules.Folders;
using VisMooc.Modules.Pipeline;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Converting;

/// <summary>
/// Hardening round 2, item 8: edX ships some packages as one flat <c>{org}-{date}/</c> folder holding
/// the files of all the org's courses (<c>{org}-{course}-{run}-auth_user-prod-analytics.sql</c>…).
/// That folder was one course: the files of every course mixed, each checked against the first
/// course's tree. It is now split into courses by the part of each name before its table token, and
/// each is converted as if it had its own folder.
/// </summary>
public sealed class FlatPackageTests : IDisposable
{
    private static readonly string[] s_courses = ["HKUSTx-COMP102x-2T2014", "SynthX-DS101-2099_T1", "SynthX-STAT201x-3T2014"];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "vismooc-flat-" + Guid.NewGuid().ToString("N")[..12]);

    public FlatPackageTests()
    {
        string flat = Path.Combine(_root, "flat", "HKUSTx-2014-11-30");
        Directory.CreateDirectory(flat);
        foreach (string course in s_courses)
        {
            string folder = Path.Combine(_root, "folders", course);
            Directory.CreateDirectory(folder);
            foreach (string file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "samples", course)))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
                File.Copy(file, Path.Combine(flat, Path.GetFileName(file)));
            }
        }
    }

    private string Flat => Path.Combine(_root, "flat", "HKUSTx-2014-11-30");

    private string Folders => Path.Combine(_root, "folders");

    [Fact]
    public void AFlatFolderOfAllCoursesConvertsAsItsCourseFolders()
    {
        var split = PackageConverter.Run(new ConvertOptions { Input = Flat, Output = Path.Combine(_root, "out-flat") }, GeneratedTables.All);
        var folders = PackageConverter.Run(new ConvertOptions { Input = Folders, Output = Path.Combine(_root, "out-folders") }, GeneratedTables.All);

        Assert.Equal(s_courses, split.Courses.Select(c => c.Name));
        foreach (var table in TablesWithoutLogs.All)
        {
            string name = table.Info.CsvFileName;
            Assert.True(File.ReadAllBytes(Path.Combine(_root, "out-folders", name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_root, "out-flat", name))), name);
        }

        Assert.Equal(Comparable(Path.Combine(_root, "out-folders")), Comparable(Path.Combine(_root, "out-flat")));
        Assert.DoesNotContain(split.Tables, t => t.Findings.ContainsKey("courseIdDiffersFromPackage"));
        Assert.Equal(folders.Outcome, split.Outcome);
    }

    [Fact]
    public void CourseSelectsCoursesOfAFlatFolderByTheirNames()
    {
        var result = PackageConverter.Run(new ConvertOptions { Input = Flat, Output = Path.Combine(_root, "out"), CoursePattern = "SynthX-*" }, GeneratedTables.All);

        Assert.Equal(["SynthX-DS101-2099_T1", "SynthX-STAT201x-3T2014"], result.Courses.Select(c => c.Name));
    }

    [Fact]
    public void AFlatFolderInsideAPackageFolderIsSplitToo()
    {
        string package = Path.Combine(_root, "package");
        Directory.CreateDirectory(package);
        Directory.Move(Flat, Path.Combine(package, "HKUSTx-2014-11-30"));

        var result = PackageConverter.Run(new ConvertOptions { Input = package, Output = Path.Combine(_root, "out") }, GeneratedTables.All);

        Assert.Equal(s_courses, result.Courses.Select(c => c.Name));
    }

    [Fact]
    public void AForumNamedWithoutItsEnvironmentGoesToItsCourse()
    {
        // Older prod dumps were {org}-{course}-{run}.mongo.
        File.Move(Path.Combine(Flat, "SynthX-DS101-2099_T1-prod.mongo"), Path.Combine(Flat, "SynthX-DS101-2099_T1.mongo"));

        var result = PackageConverter.Run(new ConvertOptions { Input = Flat, Output = Path.Combine(_root, "out") }, GeneratedTables.All);

        var course = result.Courses.Single(c => c.Name == "SynthX-DS101-2099_T1");
        Assert.Equal("SynthX-DS101-2099_T1.mongo", Path.GetFileName(Assert.Single(course.FilesOf(VisMooc.Modules.Inputs.ForumInput.Descriptor))));
        Assert.Equal(s_courses, result.Courses.Select(c => c.Name));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>report.json without what names the input folder or the time taken.</summary>
    private static string Comparable(string output)
    {
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(output, ReportFile.Name)))!.AsObject();
        report.Remove("input");
        report.Remove("output");
        report.Remove("elapsedSeconds");
        return report.ToJsonString();
    }
}
