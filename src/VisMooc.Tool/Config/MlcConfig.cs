using System.Globalization;
using System.Text.RegularExpressions;
using VisMooc.Modules.Discovery;
using VisMooc.Modules.IO;
using VisMooc.Modules.Inputs;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Schema;
using VisMooc.Modules.Staging;
using YamlDotNet.RepresentationModel;

namespace VisMooc.Tool.Config;

/// <summary>
/// The parts of a MOOC-Learner-Curated <c>config.yml</c> the vismooc step reads, taken as MLC takes
/// them: folders derived from <c>data_file</c> and <c>csv_path</c>, files named exactly by
/// <c>data_file.vismooc_file.*</c>, steps switched by <c>pipeline.vismooc_extensions.*</c>.
/// Relative paths are relative to the current directory, as in MLC. Unknown sections are ignored;
/// every value that is read is checked, and a wrong one is a <see cref="ConfigException"/> naming
/// the file, line, column and key.
/// </summary>
internal sealed partial record MlcConfig
{
    /// <summary>The keys that name the input files, by kind (for messages).</summary>
    private static readonly (InputDescriptor Kind, string Key)[] s_fileKeys =
    [
        (CourseStructureInput.Descriptor, "course_structure_file"),
        (CertificatesGeneratedCertificateInput.Descriptor, "course_certificates_file"),
        (StudentCourseEnrollmentInput.Descriptor, "course_enrollment_file"),
        (AuthUserInput.Descriptor, "course_user_file"),
        (AuthUserProfileInput.Descriptor, "course_profile_file"),
        (ForumInput.Descriptor, "course_forum_file"),
    ];

    /// <summary>The config file's full path.</summary>
    public required string ConfigFile { get; init; }

    public required string CourseName { get; init; }

    public required string InputFolder { get; init; }

    /// <summary>The tracking log <c>data_file.log_file</c> names (in the course's <c>log_data_folder</c>), or null; read for click_events when it exists.</summary>
    public string? LogFile { get; init; }

    public required string OutputFolder { get; init; }

    /// <summary>The file name each kind's key gives, as written in the config.</summary>
    public required IReadOnlyDictionary<InputDescriptor, string> FileNames { get; init; }

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
    /// <exception cref="ConfigException">The file is missing or not YAML, lacks a key MLC needs, or holds a value of the wrong kind; the message names the key.</exception>
    public static MlcConfig Read(string path)
    {
        var yaml = new YamlStream();

        // A FIFO would block the run until someone writes to it, a device never ends: only a regular file is read.
        if (FileType.NotRegular(path) is string what)
        {
            throw new ConfigException($"{path}: is {what}, not a regular file: give the config file (config.yml)");
        }

        try
        {
            using var reader = File.OpenText(path);
            yaml.Load(reader);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ConfigException(path + ": no such config file");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(path + ": cannot read the config file: " + (e is UnauthorizedAccessException ? "permission denied" : e.Message));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            // YamlDotNet's message starts with the location, which the line gives in the usual FILE:LINE:COLUMN form.
            string problem = LocationPrefix().Replace(e.Message.Split('\n')[0], "");
            throw new ConfigException(string.Create(CultureInfo.InvariantCulture, $"{path}:{e.Start.Line}:{e.Start.Column}: not valid YAML: {problem}"));
        }

        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way, without a position, inside an unclosed flow collection.
            throw new ConfigException(path + ": not valid YAML: the parser stopped without saying where; look for an unclosed [ or {");
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ConfigException(path + ": not a MOOC-Learner-Curated config (expected a YAML mapping with sections such as data_file and mysql)");
        }

        var config = new ConfigReader(path, root);
        string courseFolder = config.Path("data_file", "course_folder");
        string courseDir = Path.Combine(config.Path("data_file", "data_dir"), courseFolder);
        string input = Path.GetFullPath(Path.Combine(courseDir, config.Path("data_file", "log_data_folder"), config.Path("data_file", "vismooc_data_folder")));
        var names = s_fileKeys.ToDictionary(f => f.Kind, f => config.Path("data_file", "vismooc_file", f.Key));
        return new MlcConfig
        {
            ConfigFile = Path.GetFullPath(path),
            CourseName = courseFolder,
            InputFolder = input,
            OutputFolder = Path.GetFullPath(Path.Combine(courseDir, config.Path("csv_path", "moocdb_csv_dir"))),
            FileNames = names,
            LogFile = config.Text("data_file", "log_file") is string log
                ? Path.GetFullPath(Path.Combine(courseDir, config.Path("data_file", "log_data_folder"), log))
                : null,
            Process = config.Flag(true, "pipeline", "vismooc_extensions", "vismooc_process"),
            Populate = config.Flag(true, "pipeline", "vismooc_extensions", "vismooc_populate"),
            Host = config.Text("mysql", "host") ?? "localhost",
            Port = config.Port("mysql", "port") ?? 3306,
            User = config.Text("mysql", "user"),
            QueryUser = config.Flag(false, "mysql", "query_user"),
            Password = config.Text("mysql", "password"),
            QueryPassword = config.Flag(false, "mysql", "query_password"),
            Database = config.Text("mysql", "database"),
            QueryDatabase = config.Flag(false, "mysql", "query_database"),
        };
    }

    /// <summary>The course with exactly the files the config names (a missing one is a missing file, named as the config names it).</summary>
    /// <exception cref="ConvertException">The input folder does not exist, or holds none of the six files.</exception>
    public CourseInput Course()
    {
        string keys = "data_file.data_dir, course_folder, log_data_folder and vismooc_data_folder of " + ConfigFile;
        if (!Directory.Exists(InputFolder))
        {
            throw new ConvertException(InputFolder, $"no such folder (made from {keys})");
        }

        var found = FileNames
            .Where(f => File.Exists(Path.Combine(InputFolder, f.Value)))
            .ToDictionary(f => f.Key, f => (IReadOnlyList<string>)[Path.Combine(InputFolder, f.Value)]);
        if (found.Count == 0)
        {
            throw new ConvertException(InputFolder, $"holds none of the six files that data_file.vismooc_file of {ConfigFile} names ({string.Join(", ", s_fileKeys.Select(k => FileNames[k.Kind]))})");
        }

        return new CourseInput(CourseName, InputFolder, found) { ExpectedNames = FileNames };
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex LocationPrefix();
}
