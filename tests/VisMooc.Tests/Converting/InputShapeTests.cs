using System.Text;
using VisMooc.Modules.Pipeline;
using VisMooc.Tests.Input;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Converting;

/// <summary>
/// Issue 11, items 1 and 3: an input that ends early (a cut-short <c>.gz</c>) or that no reader can
/// split into records (CR-only line ends, UTF-16/32, compressed data under a plain name) is a
/// one-line error naming the file, for every format, never a shorter table or a file of rejects.
/// </summary>
public sealed class InputShapeTests
{
    private const string C = "SynthX-SHAPE1-2099_T1";

    private const string CrOnly = "its first line holds a CR followed by more text: the file has old-Mac (CR-only) line ends, which VisMooc cannot split into records; convert them to LF first (e.g. mac2unix FILE)";
    private const string Utf16Bom = "the file is UTF-16 text (it starts with a UTF-16 byte order mark), not UTF-8: convert it first, e.g. iconv -f UTF-16 -t UTF-8 FILE > NEW";
    private const string Utf32Bom = "the file is UTF-32 text (it starts with a UTF-32 byte order mark), not UTF-8: convert it first, e.g. iconv -f UTF-32 -t UTF-8 FILE > NEW";
    private const string Nul = "the file is not UTF-8 text: its first line holds NUL bytes (UTF-16 without a byte order mark?); convert it to UTF-8 first, e.g. iconv -f UTF-16 -t UTF-8 FILE > NEW";
    private const string GzipUnnamed = "the file is gzip-compressed but its name does not end in .gz: add .gz to its name (VisMooc then reads it as it is)";

    /// <summary>A good file of each kind, as (suffix, text).</summary>
    public static readonly (string Suffix, string Text)[] Files =
    [
        ("auth_user-prod-analytics.sql", "id\tusername\temail\n7\tsynth_ada\tada@example.invalid\n8\tsynth_bo\tbo@example.invalid\n"),
        ("auth_userprofile-prod-analytics.sql", "id\tuser_id\tname\tlanguage\tlocation\tyear_of_birth\tlevel_of_education\tgoals\tgender\tcountry\n50\t7\tAda\t\t\t1990\tb\t\tf\tZZ\n"),
        ("student_courseenrollment-prod-analytics.sql", "id\tuser_id\tcourse_id\tcreated\tis_active\n1\t7\tx\t2099-01-01 00:00:00\t1\n2\t8\tx\tNULL\t0\n"),
        ("certificates_generatedcertificate-prod-analytics.sql", "id\tuser_id\tcourse_id\tcreated_date\tgrade\n1\t7\tx\tNULL\t0.5\n"),
        ("prod.mongo", "{\"_id\":{\"$oid\":\"a1\"},\"_type\":\"Comment\",\"body\":\"ok\"}\n{\"_id\":{\"$oid\":\"a2\"},\"_type\":\"Comment\",\"body\":\"ok too\"}\n"),
        ("course_structure-prod-analytics.json", "{\"i4x://X/Y/course/Z\": {\"category\": \"course\", \"children\": [], \"metadata\": {}}}\n"),
    ];

    public static TheoryData<string, string> Shapes()
    {
        var data = new TheoryData<string, string>();
        foreach (var (suffix, _) in Files)
        {
            foreach (string shape in new[] { "utf-16le+bom", "utf-16be+bom", "utf-16le", "utf-16be", "utf-32le+bom", "gzip under a plain name", "cr-only" })
            {
                if (shape == "cr-only" && suffix.EndsWith(".json", StringComparison.Ordinal))
                {
                    continue; // CR is JSON whitespace: a one-document file reads the same with CR line ends
                }

                data.Add(suffix, shape);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void AFileNoReaderCanSplitIntoRecordsIsAnErrorNamingIt(string suffix, string shape)
    {
        string text = Files.Single(f => f.Suffix == suffix).Text;
        var (bytes, expected) = shape switch
        {
            "utf-16le+bom" => (Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray(), Utf16Bom),
            "utf-16be+bom" => (Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(text)).ToArray(), Utf16Bom),
            "utf-16le" => (Encoding.Unicode.GetBytes(text), Nul),
            "utf-16be" => (Encoding.BigEndianUnicode.GetBytes(text), Nul),
            "utf-32le+bom" => (Encoding.UTF32.GetPreamble().Concat(Encoding.UTF32.GetBytes(text)).ToArray(), Utf32Bom),
            "gzip under a plain name" => (CheckedGzipStreamTests.Gzip(Encoding.UTF8.GetBytes(text)), GzipUnnamed),
            "cr-only" => (Encoding.UTF8.GetBytes(text.Replace('\n', '\r')), CrOnly),
            _ => throw new ArgumentException(shape),
        };
        using var h = new ConvertHarness();
        h.WriteBytes(C, suffix, bytes);
        WithUsersForProfile(h, suffix);

        var e = Assert.Throws<ConvertException>(() => h.Convert());

        string prefix = suffix.EndsWith(".json", StringComparison.Ordinal) ? "line 1, column 1: " : "";
        Assert.Equal($"{C}-{suffix}: {prefix}{expected}", e.Message);
        Assert.False(Directory.Exists(h.Output) && Directory.GetFiles(h.Output, "*.csv").Length > 0, "a table was written");
    }

    [Theory]
    [MemberData(nameof(Suffixes))]
    public void CrlfLineEndsStillReadAsTheContractAllows(string suffix)
    {
        // The header ends in CR LF: one CR before each LF belongs to the line end.
        string text = Files.Single(f => f.Suffix == suffix).Text;
        using var h = new ConvertHarness();
        h.Write(C, suffix, text.Replace("\n", "\r\n"));
        using var plain = new ConvertHarness();
        plain.Write(C, suffix, text);

        var result = h.Convert();
        plain.Convert();

        Assert.Equal(0, result.Rejected);
        foreach (string table in ConvertHarness.Tables)
        {
            Assert.Equal(plain.Csv(table), h.Csv(table));
        }
    }

    /// <summary>Profiles are read only for a course with an auth_user file.</summary>
    private static void WithUsersForProfile(ConvertHarness h, string suffix)
    {
        if (suffix.StartsWith("auth_userprofile", StringComparison.Ordinal))
        {
            h.Write(C, Files[0].Suffix, Files[0].Text);
        }
    }

    public static TheoryData<string> Suffixes() => [.. Files.Select(f => f.Suffix)];

    [Theory]
    [MemberData(nameof(Suffixes))]
    public void AGzippedInputCutShortIsAnErrorNotAShorterTable(string suffix)
    {
        // Enough rows that half of the compressed bytes hold whole rows: GZipStream read those and stopped, exit 0.
        string text = Files.Single(f => f.Suffix == suffix).Text;
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var many = new StringBuilder(lines[0]).Append('\n');
        if (suffix.EndsWith(".json", StringComparison.Ordinal))
        {
            many.Clear().Append(text).Append(' ', 300_000);
        }
        else
        {
            var random = new Random(3);
            for (int i = 0; i < 20_000; i++)
            {
                many.Append(lines[1 + (i % (lines.Length - 1))].Replace("a1", "a" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))).Append('\t', 0).Append('\n');
                _ = random.Next();
            }
        }

        byte[] gz = CheckedGzipStreamTests.Gzip(Encoding.UTF8.GetBytes(many.ToString()));
        using var h = new ConvertHarness();
        string path = h.WriteBytes(C, suffix + ".gz", gz[..(gz.Length / 2)]);
        WithUsersForProfile(h, suffix);

        var e = Assert.Throws<ConvertException>(() => h.Convert());

        Assert.Equal(path + ": the gzip data ends early, inside member 1: the file is incomplete (an unfinished download or copy?); get the whole file again", e.Message);
    }
}
