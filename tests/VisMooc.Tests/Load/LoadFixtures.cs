using System.Text.Json;
using System.Text;
using VisMooc.Generated;
using VisMooc.Modules.Folders;
using VisMooc.Modules.Pipeline;

namespace VisMooc.Tests.Load;

/// <summary>Small packages for load tests, converted to CSV folders.</summary>
internal static class LoadFixtures
{
    /// <summary>Values of every character class the dialect escapes, and then some.</summary>
    public static readonly string[] Hostile =
    [
        "comma, \"quote\" and \\backslash\\ and \\\\ double",
        "line1\nline2\r\nline3\rend",
        "nul\0inside",
        "tab\tinside",
        "\\N",
        "NULL",
        "😀 emoji 𝄞 and ümlaut, 中文, עברית",
        "e\u0301 combining marks a\u0308\u0323",
        "",
        "trailing backslash \\",
        "\"",
        "'single' `back` %percent% _under_",
        new string('x', 1024) + string.Concat(Enumerable.Repeat("ab\\c\"d\n😀,", 5 * 1024 * 1024 / 16)),
    ];

    /// <summary>A temp folder, deleted on dispose.</summary>
    public sealed class TempFolder : IDisposable
    {
        public TempFolder() => Directory.CreateDirectory(Path);

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vismooc-test-" + Guid.NewGuid().ToString("N")[..12]);

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>The forum oid of hostile value <paramref name="i"/>.</summary>
    public static string Oid(int i) => "6a" + i.ToString("x22", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Writes a course with a forum whose bodies are the hostile values, and users whose goals are, and converts it.</summary>
    public static string ConvertHostile(string root, string grade = "0.87")
    {
        string course = Path.Combine(root, "in", "SynthX-DS101-2099_T1");
        Directory.CreateDirectory(course);
        var forum = new StringBuilder();
        for (int i = 0; i < Hostile.Length; i++)
        {
            string created = i == 0 ? "null" : "{\"$date\": " + (4076386200000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture) + "}";
            forum.Append("{\"_id\":{\"$oid\":\"").Append(Oid(i)).Append("\"},\"_type\":\"CommentThread\",\"course_id\":\"course-v1:SynthX+DS101+2099_T1\",")
                 .Append("\"author_id\":\"7000001\",\"title\":").Append(JsonSerializer.Serialize(Hostile[i]))
                 .Append(",\"body\":").Append(JsonSerializer.Serialize(Hostile[i]))
                 .Append(",\"created_at\":").Append(created).Append(",\"updated_at\":null}\n");
        }

        File.WriteAllText(Path.Combine(course, "SynthX-DS101-2099_T1-prod.mongo"), forum.ToString(), new UTF8Encoding(false));

        var users = new StringBuilder("id\tusername\temail\n");
        var profiles = new StringBuilder("id\tuser_id\tname\tlanguage\tlocation\tyear_of_birth\tlevel_of_education\tgoals\tgender\tcountry\n");
        for (int i = 0; i < Hostile.Length; i++)
        {
            users.Append(7000000 + i).Append("\tsynth_").Append(i).Append("\tu").Append(i).Append("@example.invalid\n");
            profiles.Append(50 + i).Append('\t').Append(7000000 + i).Append("\tName ").Append(i).Append("\t\t\t1990\tb\t").Append(TsvEscape(Hostile[i])).Append("\tf\tZZ\n");
        }

        File.WriteAllText(Path.Combine(course, "SynthX-DS101-2099_T1-auth_user-prod-analytics.sql"), users.ToString(), new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(course, "SynthX-DS101-2099_T1-auth_userprofile-prod-analytics.sql"), profiles.ToString(), new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(course, "SynthX-DS101-2099_T1-certificates_generatedcertificate-prod-analytics.sql"),
            "id\tuser_id\tgrade\tcourse_id\tcreated_date\n31\t7000001\t" + grade + "\tcourse-v1:SynthX+DS101+2099_T1\t2099-06-01 00:00:01\n32\t7000002\t\tcourse-v1:SynthX+DS101+2099_T1\tNULL\n",
            new UTF8Encoding(false));

        string csv = Path.Combine(root, "csv");
        var result = PackageConverter.Run(new ConvertOptions { Input = Path.Combine(root, "in"), Output = csv }, GeneratedTables.All);
        Assert.Equal(0, result.Rejected);
        return csv;
    }

    /// <summary>
    /// Makes <paramref name="folder"/>'s <c>report.json</c> list its CSVs as they are now (rows,
    /// bytes), as a conversion that wrote them would: for tests that edit a converted CSV (to make a
    /// load fail halfway, or to plant values) or write a folder by hand, which a load refuses otherwise.
    /// </summary>
    public static void Vouch(string folder)
    {
        string path = Path.Combine(folder, ReportFile.Name);
        var report = File.Exists(path) ? System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject() : [];
        var files = new System.Text.Json.Nodes.JsonArray();
        foreach (string csv in Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal))
        {
            byte[] bytes = File.ReadAllBytes(csv);
            files.Add(new System.Text.Json.Nodes.JsonObject
            {
                ["table"] = Path.GetFileNameWithoutExtension(csv),
                ["file"] = Path.GetFileName(csv),
                ["rows"] = bytes.AsSpan().Count((byte)'\n'),
                ["bytes"] = bytes.Length,
            });
        }

        report["csvFiles"] = files;
        File.WriteAllText(path, report.ToJsonString());
    }

    /// <summary>edX TSV escaping (the exporter's Gen B rules).</summary>
    public static string TsvEscape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
             .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal);
}
