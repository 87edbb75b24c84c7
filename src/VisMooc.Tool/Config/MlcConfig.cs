using VisMooc.Modules.Convert;
using YamlDotNet.RepresentationModel;

namespace VisMooc.Tool.Config;

/// <summary>
/// The parts of a MOOC-Learner-Curated <c>config.yml</c> the vismooc step reads, taken as MLC takes
/// them: folders derived from <c>data_file</c> and <c>csv_path</c>, files named exactly by
/// <c>data_file.vismooc_file.*</c>, steps switched by <c>pipeline.vismooc_extensions.*</c>.
/// Relative paths are relative to the current directory, as in MLC. Unknown sections are ignored.
/// </summary>
internal sealed record MlcConfig
{
    public required string CourseName { get; init; }

    public required string InputFolder { get; init; }

    public required string OutputFolder { get; init; }

    public required IReadOnlyDictionary<EdxFileKind, string> Files { get; init; }

    public bool Process { get; init; } = true;

    public bool Populate { get; init; } = true;

    public string Host { get; init; } = "localhost";

    public int Port { get; init; } = 3306;

    public string? User { get; init; }

    public bool QueryUser { get; init; }

    public string? Password { get; init; }

    public bool QueryPassword { get; init; }

    public string? Database { get; init; }

    public bool QueryDatabase { get; init; }

    /// <summary>Reads a config file.</summary>
    /// <exception cref="ConvertException">The file is not YAML or lacks a key MLC needs; the message names the key.</exception>
    public static MlcConfig Read(string path)
    {
        var yaml = new YamlStream();
        try
        {
            using var reader = File.OpenText(path);
            yaml.Load(reader);
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or IOException)
        {
            throw new ConvertException(path, "not a readable YAML file: " + e.Message.Split('\n')[0]);
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ConvertException(path, "not a MOOC-Learner-Curated config (expected a YAML mapping)");
        }

        string Need(params string[] keys) => Text(root, keys) ?? throw new ConvertException(path, "missing key " + string.Join(".", keys));

        string courseDir = Path.Combine(Need("data_file", "data_dir"), Need("data_file", "course_folder"));
        string input = Path.GetFullPath(Path.Combine(courseDir, Need("data_file", "log_data_folder"), Need("data_file", "vismooc_data_folder")));
        var names = new Dictionary<EdxFileKind, string>
        {
            [EdxFileKind.CourseStructure] = Need("data_file", "vismooc_file", "course_structure_file"),
            [EdxFileKind.CertificatesGeneratedCertificate] = Need("data_file", "vismooc_file", "course_certificates_file"),
            [EdxFileKind.StudentCourseEnrollment] = Need("data_file", "vismooc_file", "course_enrollment_file"),
            [EdxFileKind.AuthUser] = Need("data_file", "vismooc_file", "course_user_file"),
            [EdxFileKind.AuthUserProfile] = Need("data_file", "vismooc_file", "course_profile_file"),
            [EdxFileKind.Forum] = Need("data_file", "vismooc_file", "course_forum_file"),
        };
        string? port = Text(root, "mysql", "port");
        return new MlcConfig
        {
            CourseName = Need("data_file", "course_folder"),
            InputFolder = input,
            OutputFolder = Path.GetFullPath(Path.Combine(courseDir, Need("csv_path", "moocdb_csv_dir"))),
            Files = names.ToDictionary(p => p.Key, p => Path.Combine(input, p.Value)),
            Process = Flag(root, true, "pipeline", "vismooc_extensions", "vismooc_process"),
            Populate = Flag(root, true, "pipeline", "vismooc_extensions", "vismooc_populate"),
            Host = Text(root, "mysql", "host") ?? "localhost",
            Port = port is null ? 3306 : int.Parse(port, System.Globalization.CultureInfo.InvariantCulture),
            User = Text(root, "mysql", "user"),
            QueryUser = Flag(root, false, "mysql", "query_user"),
            Password = Text(root, "mysql", "password"),
            QueryPassword = Flag(root, false, "mysql", "query_password"),
            Database = Text(root, "mysql", "database"),
            QueryDatabase = Flag(root, false, "mysql", "query_database"),
        };
    }

    /// <summary>The course with exactly the files the config names (a missing one is a missing file).</summary>
    public CourseInput Course() => new(
        CourseName,
        InputFolder,
        Files.Where(f => File.Exists(f.Value)).ToDictionary(f => f.Key, f => (IReadOnlyList<string>)[f.Value]));

    private static string? Text(YamlMappingNode root, params string[] keys)
    {
        YamlNode node = root;
        foreach (var key in keys)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                return null;
            }

            node = child;
        }

        return node is YamlScalarNode scalar ? scalar.Value : null;
    }

    private static bool Flag(YamlMappingNode root, bool fallback, params string[] keys) =>
        Text(root, keys)?.Trim().ToLowerInvariant() switch
        {
            "yes" or "true" or "on" or "y" => true,
            "no" or "false" or "off" or "n" => false,
            _ => fallback,
        };
}
