using System.IO.Compression;
using System.IO.Enumeration;

namespace VisMooc.Modules.Convert;

/// <summary>
/// Finds courses and their files. File kinds are recognised by their table token anchored on
/// dashes (<c>-auth_user-</c> never matches <c>-auth_userprofile-</c>), never by splitting names on
/// <c>-</c>; a <c>.gz</c> suffix is read transparently; <c>.failed</c> and <c>.gpg</c> files are not data.
/// </summary>
public static class InputDiscovery
{
    private static readonly (EdxFileKind Kind, string Token, string Extension)[] s_tokens =
    [
        (EdxFileKind.AuthUser, "auth_user-", ".sql"),
        (EdxFileKind.AuthUserProfile, "auth_userprofile-", ".sql"),
        (EdxFileKind.StudentCourseEnrollment, "student_courseenrollment-", ".sql"),
        (EdxFileKind.CertificatesGeneratedCertificate, "certificates_generatedcertificate-", ".sql"),
        (EdxFileKind.CourseStructure, "course_structure-", ".json"),
    ];

    /// <summary>How each kind's file is named, for messages.</summary>
    public static string Pattern(EdxFileKind kind) => kind switch
    {
        EdxFileKind.Forum => "*.mongo",
        _ => "*-" + s_tokens.First(t => t.Kind == kind).Token + "*" + s_tokens.First(t => t.Kind == kind).Extension,
    };

    /// <summary>The input files as <c>vismooc convert --help</c> and <c>vismooc run --help</c> list them, one line each.</summary>
    public static string HelpText() =>
        "Input files, in a course folder (or in each course folder of a package folder):\n"
        + string.Concat(Enum.GetValues<EdxFileKind>().Select(k => "  " + Pattern(k) + "\n"))
        + "MOOC-Learner-Curated's short names (auth_user-prod-analytics.sql, prod.mongo) match too; .gz copies are read as they are; decrypt .gpg files first.";

    /// <summary>
    /// The courses under <paramref name="input"/>: the folder itself when it holds package files,
    /// else each sub-folder that does, in ordinal order, filtered by <paramref name="coursePattern"/>.
    /// </summary>
    /// <exception cref="ConvertException">The folder does not exist or holds no course.</exception>
    public static IReadOnlyList<CourseInput> FindCourses(string input, string? coursePattern)
    {
        if (!Directory.Exists(input))
        {
            throw new ConvertException(input, File.Exists(input) ? "is a file; give the course folder (or a folder of course folders)" : "no such folder");
        }

        var full = Path.GetFullPath(input);
        var courses = new List<CourseInput>();
        var here = Scan(full);
        if (here.Count > 0)
        {
            courses.Add(new CourseInput(Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar)), full, here));
        }
        else
        {
            foreach (var dir in Directory.GetDirectories(full).Order(StringComparer.Ordinal))
            {
                var files = Scan(dir);
                if (files.Count > 0)
                {
                    courses.Add(new CourseInput(Path.GetFileName(dir), dir, files));
                }
            }
        }

        if (coursePattern is not null)
        {
            courses = courses.Where(c => FileSystemName.MatchesSimpleExpression(coursePattern, c.Name, ignoreCase: false)).ToList();
        }

        if (courses.Count == 0)
        {
            throw new ConvertException(full, coursePattern is null
                ? "holds no edX package files (*-auth_user-*.sql, *-course_structure-*.json, *.mongo, …) and no course folders with them"
                : $"holds no course folder matching '{coursePattern}'");
        }

        return courses;
    }

    /// <summary>The kind of a file name, or null when it is not one VisMooc reads.</summary>
    public static EdxFileKind? KindOf(string fileName)
    {
        string name = fileName.EndsWith(".gz", StringComparison.Ordinal) ? fileName[..^3] : fileName;
        foreach (var (kind, token, extension) in s_tokens)
        {
            if (name.EndsWith(extension, StringComparison.Ordinal)
                && (name.StartsWith(token, StringComparison.Ordinal) || name.Contains("-" + token, StringComparison.Ordinal)))
            {
                return kind;
            }
        }

        return name.EndsWith(".mongo", StringComparison.Ordinal) ? EdxFileKind.Forum : null;
    }

    /// <summary>
    /// Opens a package file for one sequential pass, decompressing <c>.gz</c>; reading fails with a
    /// <see cref="ConvertException"/> when the file changes size meanwhile. <paramref name="counter"/>,
    /// when given, counts the file's bytes as they are read.
    /// </summary>
    public static Stream Open(string path, ProgressCounter? counter = null)
    {
        var file = new SizeCheckedStream(path, counter);
        return path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    private static Dictionary<EdxFileKind, IReadOnlyList<string>> Scan(string folder)
    {
        var found = new Dictionary<EdxFileKind, List<string>>();
        foreach (var path in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
        {
            if (KindOf(Path.GetFileName(path)) is EdxFileKind kind)
            {
                if (!found.TryGetValue(kind, out var list))
                {
                    found[kind] = list = [];
                }

                list.Add(path);
            }
        }

        return found.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value);
    }
}
