using System.IO.Enumeration;
using VisMooc.Generated;
using VisMooc.Modules.IO;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Reporting;
using VisMooc.Modules.Schema;
using VisMooc.Modules.Sources.EdxTsv;

namespace VisMooc.Modules.Discovery;

/// <summary>
/// Finds courses and their files. File kinds are recognised by their table token anchored on
/// dashes (<c>-auth_user-</c> never matches <c>-auth_userprofile-</c>), never by splitting names on
/// <c>-</c>; a <c>.gz</c> suffix is read transparently; <c>.failed</c> and <c>.gpg</c> files are not data.
/// </summary>
public static class InputDiscovery
{
    /// <summary>
    /// The inputs discovery recognises for <paramref name="tables"/>: every input declared in VisMooc.Modules
    /// (<see cref="GeneratedSources.All"/>) and any other input the tables read, by name.
    /// </summary>
    public static IReadOnlyList<InputDescriptor> Known(IEnumerable<TableDescriptor> tables)
    {
        // Loops, not LINQ, on a conversion's start (here and below): each lambda is one more method
        // compiled before any work is done (see docs/benchmarks.md).
        var known = new List<InputDescriptor>(GeneratedSources.All);
        foreach (var table in tables)
        {
            foreach (var input in table.Info.Inputs)
            {
                if (!known.Contains(input))
                {
                    known.Add(input);
                }
            }
        }

        // Distinct, then by name (a stable sort, as OrderBy is: equal names keep their order).
        var ordered = new List<InputDescriptor>(known.Count);
        foreach (var input in known)
        {
            if (ordered.Contains(input))
            {
                continue;
            }

            int at = ordered.Count;
            while (at > 0 && string.CompareOrdinal(ordered[at - 1].Name, input.Name) > 0)
            {
                at--;
            }

            ordered.Insert(at, input);
        }

        return ordered;
    }

    /// <summary>What <c>convert --help</c> says about the input files (from the declarations, so it cannot drift).</summary>
    public static string HelpText() =>
        "Input: a course folder, a folder of course folders, or edX's flat {org}-{date} folder of all courses\n"
        + "(split into courses by the name before each file's table token). Package files are recognised by name:\n"
        + string.Concat(GeneratedSources.All.Select(i => $"  {i.Pattern,-45} {i.Title}: {Feeds(i)}\n"))
        + "A .gz copy (gzip) of any of them is read as it is. Decrypt .gpg files first (gpg --decrypt-files *.gpg)\n"
        + "and unzip .zip archives (edX delivers {org}-{date}.zip of .gpg files). MOOC-Learner-Curated's short names\n"
        + "(auth_user-prod-analytics.sql, prod.mongo) match too.";

    // The tables an input feeds, from their declarations; a joined input adds columns to its table.
    private static string Feeds(InputDescriptor input)
    {
        var names = new List<string>();
        foreach (var table in GeneratedTables.All)
        {
            var t = table.Info;
            if (t.Input == input || t.Join == input)
            {
                names.Add(t.Input == input ? t.Name : t.Name + " (joined)");
            }
        }

        return string.Join(", ", names);
    }

    /// <summary>
    /// The courses under <paramref name="input"/>: the folder itself when it holds package files,
    /// else each sub-folder that does, in ordinal order, filtered by <paramref name="coursePattern"/>.
    /// A course whose package files are all unreadable as they are (encrypted, misnamed, a FIFO…)
    /// is still a course, with <see cref="CourseInput.Unreadable"/> saying why.
    /// </summary>
    /// <exception cref="ConvertException">The folder does not exist or holds no course.</exception>
    public static IReadOnlyList<CourseInput> FindCourses(string input, string? coursePattern, IReadOnlyList<InputDescriptor>? inputs = null)
    {
        inputs ??= GeneratedSources.All;
        if (!Directory.Exists(input))
        {
            throw new ConvertException(input, File.Exists(input) ? NotAFolder(Path.GetFileName(input)) : "no such folder");
        }

        var full = Path.GetFullPath(input);
        var courses = new List<CourseInput>();
        var found = new List<string>();
        courses.AddRange(Scan(full, Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar)), found, inputs));
        if (courses.Count == 0)
        {
            var dirs = Directory.GetDirectories(full);
            Array.Sort(dirs, StringComparer.Ordinal);
            foreach (var dir in dirs)
            {
                courses.AddRange(Scan(dir, Path.GetFileName(dir), found, inputs));
            }
        }

        if (coursePattern is not null)
        {
            courses = courses.Where(c => FileSystemName.MatchesSimpleExpression(coursePattern, c.Name, ignoreCase: false)).ToList();
        }

        if (courses.Count == 0)
        {
            throw new ConvertException(full, coursePattern is null ? NothingFound(found) : $"holds no course folder matching '{coursePattern}'");
        }

        return courses;
    }

    private static string NotAFolder(string name) =>
        PackageFileNames.PackedProblem(name) is string packed ? packed + ", then convert the folder it holds"
        : PackageFileNames.IsEncrypted(name) ? $"is encrypted: decrypt it first (gpg --decrypt-files {name}), then convert the folder that holds it"
        : KindOf(name) is not null ? "is a package file; give the folder that holds it (the course folder)"
        : "is a file; give the course folder (or a folder of course folders)";

    /// <summary>Why a folder with no course holds nothing VisMooc reads, from the names of the files it (and its folders) hold.</summary>
    private static string NothingFound(List<string> names)
    {
        int encrypted = names.Count(PackageFileNames.IsEncrypted);
        var archives = names.Where(n => PackageFileNames.IsPacked(n) && !PackageFileNames.IsEncrypted(n)).ToList();
        string message = encrypted > 0
            ? Encrypted(encrypted) + ", and no decrypted package files (" + string.Join(", ", GeneratedSources.All.Select(i => i.Pattern)) + ")"
            : "holds no edX package files (*-auth_user-*.sql, *-course_structure-*.json, *.mongo, …) and no course folders with them";
        if (archives.Count > 0)
        {
            message += "; " + archives[0] + " " + PackageFileNames.PackedProblem(archives[0]) + (archives.Count > 1 ? $" (and {archives.Count - 1} more archives)" : "");
        }

        return message;
    }

    private static string Encrypted(int count) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"holds {count} encrypted file{(count == 1 ? "" : "s")} (*.gpg): decrypt {(count == 1 ? "it" : "them")} first, e.g. gpg --decrypt-files *.gpg in that folder (edX's guide: \"Decrypt an Encrypted File\")");

    /// <summary>The declared input a file name is (a <c>.gz</c> suffix aside), or null when it is not one VisMooc reads.</summary>
    public static InputDescriptor? KindOf(string fileName, IReadOnlyList<InputDescriptor>? inputs = null)
    {
        string name = fileName.EndsWith(".gz", StringComparison.Ordinal) ? fileName[..^3] : fileName;
        foreach (var input in inputs ?? GeneratedSources.All)
        {
            if (input.Scope == InputScope.Course && input.Matches(name))
            {
                return input;
            }
        }

        return null;
    }

    /// <summary>
    /// Opens a package file for one sequential pass, decompressing <c>.gz</c>; reading fails with a
    /// <see cref="ConvertException"/> when the file changes size meanwhile. <paramref name="counter"/>,
    /// when given, counts the file's bytes as they are read.
    /// </summary>
    /// <exception cref="ConvertException">The file is not a regular file, cannot be opened, or (when read) is cut short, corrupt or changes size.</exception>
    public static Stream Open(string path, ProgressCounter? counter = null)
    {
        if (FileType.NotRegular(path) is string what)
        {
            throw new ConvertException(path, $"is {what}, not a regular file: VisMooc reads package files only; copy the data into a file");
        }

        SizeCheckedStream file;
        try
        {
            file = new SizeCheckedStream(path, counter);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConvertException(path, "cannot be opened: " + e.Message);
        }

        return path.EndsWith(".gz", StringComparison.Ordinal) ? new CheckedGzipStream(file, path) : file;
    }

    /// <summary>Opens an edX TSV file (see <see cref="Open"/>) and reads its header.</summary>
    /// <exception cref="ConvertException">The file cannot be read, or is not UTF-8 text split by LF (UTF-16, CR-only line ends…).</exception>
    public static EdxTsvReader OpenTsv(string path, ProgressCounter? counter = null)
    {
        string name = Path.GetFileName(path);
        var stream = Open(path, counter);
        try
        {
            return new EdxTsvReader(stream, name);
        }
        catch (InvalidDataException e)
        {
            stream.Dispose();
            throw new ConvertException(name, e.Message);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The courses a folder makes: one, named like the folder, when its package files name one course
    /// (or none, as MOOC-Learner-Curated's short names do); one per course when they name several, as
    /// in edX's flat <c>{org}-{date}/</c> folder of all the org's courses, each named by the part of
    /// its files' names before the table token (<c>{org}-{course}-{run}</c>). Every file name is added
    /// to <paramref name="names"/>.
    /// </summary>
    private static List<CourseInput> Scan(string folder, string course, List<string> names, IReadOnlyList<InputDescriptor> inputs)
    {
        var here = new List<string>();
        foreach (string file in Directory.GetFiles(folder))
        {
            here.Add(Path.GetFileName(file));
        }

        here.Sort(StringComparer.Ordinal);
        names.AddRange(here);
        var present = new HashSet<string>(here, StringComparer.Ordinal);
        var courses = new List<CourseInput>();
        foreach (var (prefix, files) in SplitByCourse(here, inputs))
        {
            if (ScanFiles(folder, prefix.Length > 0 ? prefix : course, files, present, inputs) is CourseInput one)
            {
                courses.Add(one);
            }
        }

        return courses;
    }

    /// <summary>
    /// The file names of a folder grouped by the course they name: by the text before the table
    /// token (never by splitting on <c>-</c>: course and run may hold dashes), a forum
    /// (<c>{org}-{course}-{run}[-{env}].mongo</c>) and any other file by the longest such course
    /// name it starts with. One group (named "") when the names name at most one course; files that
    /// name none of several courses form a group "" too, named like the folder.
    /// </summary>
    private static List<(string Prefix, List<string> Files)> SplitByCourse(List<string> names, IReadOnlyList<InputDescriptor> inputs)
    {
        var prefixes = new List<string>();
        foreach (string name in names)
        {
            if (TokenPrefix(name, inputs) is { Length: > 0 } prefix && prefixes.IndexOf(prefix) < 0)
            {
                prefixes.Add(prefix);
            }
        }

        if (prefixes.Count <= 1)
        {
            return [("", names)];
        }

        var groups = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (string name in names)
        {
            string prefix = TokenPrefix(name, inputs) ?? ForumPrefix(name, prefixes) ?? prefixes.Where(p => name.StartsWith(p + "-", StringComparison.Ordinal)).MaxBy(p => p.Length) ?? "";
            (groups.TryGetValue(prefix, out var list) ? list : groups[prefix] = []).Add(name);
        }

        return [.. groups.Select(g => (g.Key, g.Value))];
    }

    /// <summary>The text before a file name's table token (<c>X</c> of <c>X-auth_user-…</c>; "" for a name that starts with the token); null for a name without one.</summary>
    private static string? TokenPrefix(string fileName, IReadOnlyList<InputDescriptor> inputs)
    {
        string name = PackageFileNames.Unwrapped(fileName);
        foreach (var input in inputs)
        {
            if (input.Scope != InputScope.Course || input.Token.Length == 0)
            {
                continue;
            }

            string token = input.Token + "-";
            if (name.StartsWith(token, StringComparison.Ordinal))
            {
                return "";
            }

            int at = name.IndexOf("-" + token, StringComparison.Ordinal);
            if (at > 0)
            {
                return name[..at];
            }
        }

        return null;
    }

    /// <summary>The course of a forum dump among <paramref name="prefixes"/>: <c>{course}.mongo</c> or <c>{course}-{env}.mongo</c>, else its name without <c>-prod</c>/<c>-edge</c>; null for a name that is not a forum's.</summary>
    private static string? ForumPrefix(string fileName, List<string> prefixes)
    {
        string name = PackageFileNames.Unwrapped(fileName);
        int end = name.IndexOf(".mongo", StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }

        string stem = name[..end];
        if (prefixes.Where(p => stem == p || stem.StartsWith(p + "-", StringComparison.Ordinal)).MaxBy(p => p.Length) is string known)
        {
            return known;
        }

        foreach (string env in (string[])["-prod", "-edge"])
        {
            if (stem.EndsWith(env, StringComparison.Ordinal))
            {
                return stem[..^env.Length];
            }
        }

        return stem is "prod" or "edge" ? "" : stem;
    }

    /// <summary>
    /// The course that <paramref name="here"/> (file names in <paramref name="folder"/>) make: its
    /// package files by kind, and those that look like package files but cannot be read as they are
    /// (an encrypted or unpacked copy beside a readable one, among <paramref name="present"/>, is not
    /// a problem); null when they hold neither.
    /// </summary>
    private static CourseInput? ScanFiles(string folder, string course, List<string> here, HashSet<string> present, IReadOnlyList<InputDescriptor> inputs)
    {
        var found = new Dictionary<InputDescriptor, List<string>>();
        var unreadable = new List<UnreadableFile>();
        foreach (string name in here)
        {
            string path = Path.Combine(folder, name);
            if (KindOf(name, inputs) is InputDescriptor kind)
            {
                if (FileType.NotRegular(path) is string what)
                {
                    unreadable.Add(new UnreadableFile(path, kind, $"is {what}, not a regular file: VisMooc reads package files only; copy the data into a file", Fatal: true));
                    continue;
                }

                if (!found.TryGetValue(kind, out var list))
                {
                    found[kind] = list = [];
                }

                list.Add(path);
            }
            else if (PackageFileNames.Diagnose(name, course, inputs) is var (looksLike, problem))
            {
                string unwrapped = PackageFileNames.Unwrapped(name);
                bool copyBeside = unwrapped != name && (present.Contains(unwrapped) || present.Contains(unwrapped + ".gz")
                    || (unwrapped.EndsWith(".gz", StringComparison.Ordinal) && present.Contains(unwrapped[..^3])));
                if (!copyBeside)
                {
                    unreadable.Add(new UnreadableFile(path, looksLike, problem));
                }
            }
        }

        if (found.Count == 0 && unreadable.Count == 0)
        {
            return null;
        }

        ConvertException? why = null;
        if (unreadable.FirstOrDefault(u => u.Fatal) is UnreadableFile fatal)
        {
            why = new ConvertException(fatal.Path, fatal.Problem);
        }
        else if (found.Count == 0)
        {
            // Files that look like package files, none of them readable: the course yields no table.
            int encrypted = unreadable.Count(u => PackageFileNames.IsEncrypted(u.Path));
            why = new ConvertException(folder, encrypted == unreadable.Count
                ? Encrypted(encrypted) + ", and no decrypted package files"
                : "holds no package file VisMooc can read: " + string.Join("; ", unreadable.Take(3).Select(u => Path.GetFileName(u.Path) + " " + u.Problem))
                    + (unreadable.Count > 3 ? $"; and {unreadable.Count - 3} more" : ""));
        }

        var files = new Dictionary<InputDescriptor, IReadOnlyList<string>>(found.Count);
        foreach (var (kind, list) in found)
        {
            files.Add(kind, list);
        }

        return new CourseInput(course, folder, files)
        {
            UnreadableFiles = unreadable,
            Unreadable = why,
        };
    }
}
