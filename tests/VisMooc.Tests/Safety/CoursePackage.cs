using System.Text;
using VisMooc.Generated;
using VisMooc.Modules.Folders;
using VisMooc.Modules.Load;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Staging;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Safety;

/// <summary>A course folder for safety tests: the SynthX sample's six files, or files written by the test.</summary>
internal sealed class CoursePackage
{
    /// <summary>The course name the files are prefixed with.</summary>
    public const string Course = "SynthX-DS101-2099_T1";

    /// <summary>The file-name suffix of each input, after the course prefix.</summary>
    public static readonly string[] Suffixes =
    [
        "-auth_user-prod-analytics.sql",
        "-auth_userprofile-prod-analytics.sql",
        "-student_courseenrollment-prod-analytics.sql",
        "-certificates_generatedcertificate-prod-analytics.sql",
        "-course_structure-prod-analytics.json",
        "-prod.mongo",
    ];

    private CoursePackage(string root)
    {
        Root = root;
        Folder = Path.Combine(root, Course);
        Directory.CreateDirectory(Folder);
    }

    /// <summary>The package folder (holding the course folder).</summary>
    public string Root { get; }

    /// <summary>The course folder.</summary>
    public string Folder { get; }

    /// <summary>A package in <paramref name="root"/> holding a copy of the SynthX sample.</summary>
    public static CoursePackage Sample(string root)
    {
        var package = new CoursePackage(root);
        foreach (var suffix in Suffixes)
        {
            File.Copy(Path.Combine(RepoPaths.Root, "samples", Course, Course + suffix), package.PathOf(suffix));
        }

        return package;
    }

    /// <summary>The sample with a forum of <paramref name="posts"/> generated posts and as many enrollments (for runs long enough to interrupt).</summary>
    public static CoursePackage Large(string root, int posts)
    {
        var package = Sample(root);
        using (var forum = new StreamWriter(package.PathOf("-prod.mongo"), append: true, new UTF8Encoding(false)) { NewLine = "\n" })
        {
            for (int i = 0; i < posts; i++)
            {
                forum.WriteLine($"{{\"_id\":{{\"$oid\":\"6b{i:x22}\"}},\"_type\":\"Comment\",\"author_id\":\"{7000001 + (i % 2)}\",\"author_username\":\"synth_ada\","
                    + $"\"body\":\"post {i}: a line of forum text, long enough to be typical \\u00e9\\n\",\"course_id\":\"course-v1:SynthX+DS101+2099_T1\","
                    + $"\"comment_thread_id\":{{\"$oid\":\"6a0000000000000000000001\"}},\"created_at\":{{\"$date\":{4076386200000L + i}}},\"updated_at\":{{\"$date\":\"2099-03-05T10:00:00.000Z\"}}}}");
            }
        }

        using (var enrollments = new StreamWriter(package.PathOf("-student_courseenrollment-prod-analytics.sql"), append: true, new UTF8Encoding(false)) { NewLine = "\n" })
        {
            for (int i = 0; i < posts; i++)
            {
                enrollments.WriteLine($"{10000 + i}\t{7000001 + (i % 2)}\tcourse-v1:SynthX+DS101+2099_T1\t2099-02-27 09:20:00\t1\taudit");
            }
        }

        return package;
    }

    /// <summary>An empty package in <paramref name="root"/>.</summary>
    public static CoursePackage Empty(string root) => new(root);

    /// <summary>The path of an input file, by suffix.</summary>
    public string PathOf(string suffix) => Path.Combine(Folder, Course + suffix);

    /// <summary>Writes an input file's bytes.</summary>
    public void Write(string suffix, byte[] bytes) => File.WriteAllBytes(PathOf(suffix), bytes);

    /// <summary>Writes an input file as UTF-8 without BOM.</summary>
    public void Write(string suffix, string text) => Write(suffix, Encoding.UTF8.GetBytes(text));

    /// <summary>Converts the package in-process into <paramref name="output"/>.</summary>
    public ConvertResult Convert(string output, byte[]? key = null) =>
        PackageConverter.Run(new ConvertOptions { Input = Root, Output = output, PseudonymKey = key, Threads = 2 }, GeneratedTables.All);

    /// <summary>The partial file a running conversion writes for <paramref name="finalName"/> (<c>.vismooc-partial-{run id}-{finalName}</c>), or null when there is none.</summary>
    public static string? Partial(string folder, string finalName)
    {
        try
        {
            return Directory.GetFiles(folder, TableOutput.PartialPrefix + "*-" + finalName).SingleOrDefault();
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Every partial file under <paramref name="folder"/>, by relative path.</summary>
    public static List<string> Partials(string folder) =>
        Directory.GetFiles(folder, TableOutput.PartialPrefix + "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).ToList();

    /// <summary>Every file of a folder (recursively), by relative path.</summary>
    public static SortedDictionary<string, byte[]> Files(string folder, bool withReport = false) =>
        new(Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => withReport || Path.GetFileName(f) != ReportFile.Name)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes), StringComparer.Ordinal);

    /// <summary>The rows of one table's CSV, decoded.</summary>
    public static List<string?[]> Rows(string folder, string table)
    {
        var info = GeneratedTables.All.Single(t => t.Info.Name == table).Info;
        var rows = new List<string?[]>();
        using var reader = new DialectCsvReader(Path.Combine(folder, info.CsvFileName), info.Columns.Count);
        while (reader.Read())
        {
            rows.Add([.. reader.Values]);
        }

        return rows;
    }
}
