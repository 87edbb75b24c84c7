using System.Text;
using VisMooc.Generated;
using VisMooc.Modules.Folders;
using VisMooc.Modules.Load;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Reporting;

namespace VisMooc.Tests.Support;

/// <summary>Builds small course folders in a temp folder, converts them in-process and reads the tables back.</summary>
public sealed class ConvertHarness : IDisposable
{
    /// <summary>The seven tables, in the order the report lists them.</summary>
    public static readonly string[] Tables = TablesWithoutLogs.All.Select(t => t.Info.Name).ToArray();

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Creates an empty temp folder, deleted on dispose.</summary>
    public ConvertHarness() => Directory.CreateDirectory(Root);

    /// <summary>The temp folder.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "vismooc-convert-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The input folder (a folder of course folders).</summary>
    public string Input => Path.Combine(Root, "in");

    /// <summary>The default output folder.</summary>
    public string Output => Path.Combine(Root, "out");

    /// <summary>The committed fixture packages, as copied next to the test assembly.</summary>
    public static string FixturePackages => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Packages");

    /// <summary>The old-style fixture course: Gen-A TSV, <c>i4x://</c> keys, slash course id, epoch-ms forum dates.</summary>
    public const string OldCourse = "HKUSTx-OLD101-2T2013";

    /// <summary>The new-style fixture course: Gen-B TSV, <c>block-v1:</c> keys, <c>course-v1:</c> id, ISO and <c>$numberLong</c> dates, <c>.gz</c> files.</summary>
    public const string NewCourse = "SynthX-NEW201-2099_T1";

    /// <summary>The folder of course <paramref name="course"/> under <see cref="Input"/> (created).</summary>
    public string Course(string course)
    {
        string dir = Path.Combine(Input, course);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Writes <c>{course}/{course}-{suffix}</c> as UTF-8 (no BOM), bytes exactly as given.</summary>
    public string Write(string course, string suffix, string text) => WriteBytes(course, suffix, s_utf8.GetBytes(text));

    /// <summary>Writes <c>{course}/{course}-{suffix}</c>.</summary>
    public string WriteBytes(string course, string suffix, byte[] bytes)
    {
        string path = Path.Combine(Course(course), course + "-" + suffix);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Copies a committed fixture course into <see cref="Input"/>.</summary>
    public string CopyFixture(string course)
    {
        string target = Course(course);
        foreach (var file in Directory.GetFiles(Path.Combine(FixturePackages, course)))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }

    /// <summary>Converts <paramref name="input"/> (default <see cref="Input"/>) into <paramref name="output"/> (default <see cref="Output"/>) in-process, with the tool's exit codes in <c>report.json</c>.</summary>
    public ConvertResult Convert(string? input = null, string? output = null, string? course = null, bool strict = false, int threads = 2) =>
        PackageConverter.Run(
            new ConvertOptions { Input = input ?? Input, Output = output ?? Output, CoursePattern = course, Strict = strict, Threads = threads, ExitCodeOf = VisMooc.Tool.ExitCodes.Of },
            GeneratedTables.All);

    /// <summary>The bytes of a table as written, decoded as UTF-8 (the dialect escapes CR, LF and NUL, so this is lossless text).</summary>
    public string Csv(string table, string? output = null) => File.ReadAllText(Path.Combine(output ?? Output, table + ".csv"), s_utf8);

    /// <summary>A table read back into values (null = SQL NULL).</summary>
    public List<string?[]> Rows(string table, string? output = null) => ReadRows(output ?? Output, table);

    /// <summary>The row of <paramref name="table"/> whose column <paramref name="column"/> equals <paramref name="value"/>.</summary>
    public string?[] Row(string table, string column, string value, string? output = null) => FindRow(output ?? Output, table, column, value);

    /// <summary>A table of an output folder read back into values (null = SQL NULL).</summary>
    public static List<string?[]> ReadRows(string folder, string table)
    {
        var info = GeneratedTables.All.Single(t => t.Info.Name == table).Info;
        var rows = new List<string?[]>();
        using var reader = new DialectCsvReader(Path.Combine(folder, table + ".csv"), info.Columns.Count);
        while (reader.Read())
        {
            rows.Add(reader.Values.ToArray());
        }

        return rows;
    }

    /// <summary>The one row of a table of an output folder whose <paramref name="column"/> equals <paramref name="value"/>.</summary>
    public static string?[] FindRow(string folder, string table, string column, string value)
    {
        int index = Column(table, column);
        var matches = ReadRows(folder, table).Where(r => r[index] == value).ToList();
        Assert.True(matches.Count == 1, $"{table}: expected one row with {column} = '{value}', found {matches.Count}");
        return matches[0];
    }

    /// <summary>The index of a column in the contract's column order.</summary>
    public static int Column(string table, string column)
    {
        var info = GeneratedTables.All.Single(t => t.Info.Name == table).Info;
        int index = info.Columns.ToList().FindIndex(c => c.Name == column);
        Assert.True(index >= 0, $"{table} has no column {column}");
        return index;
    }

    /// <summary>The value of <paramref name="column"/> in <paramref name="row"/> of <paramref name="table"/>.</summary>
    public static string? Value(string table, string?[] row, string column) => row[Column(table, column)];

    /// <summary>The counts of one course's table.</summary>
    public static TableStats Stats(ConvertResult result, string course, string table) =>
        result.Tables.Single(t => t.Course == course && t.Table == table);

    /// <summary>
    /// Every file under the output folder, relative, in ordinal order, but the folder's lock file
    /// (<c>.vismooc-lock</c>, empty between runs; the lock's own tests are in <c>Safety/ExclusiveOutputTests</c>).
    /// </summary>
    public static List<string> FilesUnder(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f))
            .Where(f => f != OutputFolderLock.FileName).Order(StringComparer.Ordinal).ToList();

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
