using System.IO.Compression;
using System.Text;
using VisMooc.Modules.Synth;

namespace VisMooc.Tests.Support;

/// <summary>
/// A package of two generated courses (old and new style) with bad rows sprinkled through every
/// file: duplicates, wrong field counts, broken and unknown escapes, missing keys, bad dates,
/// invalid UTF-8, over-long values, raw CRs, blank lines, second and orphan profiles (profiles in
/// reverse order), a CRLF file, BOMs, no final LF, <c>.gz</c> files and two files of one kind.
/// </summary>
internal static class DirtyPackage
{
    private delegate byte[] Maker(List<byte[]> rows, int i);

    /// <summary>Writes the package into <paramref name="root"/> (a folder of two course folders).</summary>
    public static void Write(string root, int learners = 1200)
    {
        var random = new Random(11);
        foreach (var (course, style, seed) in new[] { ("A-dirty", SynthStyle.Old, 21UL), ("B-dirty", SynthStyle.New, 22UL) })
        {
            string folder = Path.Combine(root, course);
            PackageSynthesizer.Run(new SynthOptions { Learners = learners, Style = style, Seed = seed, Output = folder });
            bool old = style == SynthStyle.Old;
            foreach (string path in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
            {
                string name = Path.GetFileName(path);
                if (name.EndsWith(".json", StringComparison.Ordinal))
                {
                    continue;
                }

                var rows = Lines(path);
                File.Delete(path);
                if (name.EndsWith(".mongo", StringComparison.Ordinal))
                {
                    rows.Insert(0, "H"u8.ToArray());
                    rows = Sprinkle(random, rows, ForumMakers(random), 5);
                    rows.RemoveAt(0);
                    WriteFile(path, rows, bom: old, finalLf: old, gz: !old);
                }
                else if (name.Contains("-auth_userprofile-", StringComparison.Ordinal))
                {
                    rows = Sprinkle(random, rows, [.. TsvMakers(random), .. ProfileMakers(random)], 19);
                    rows = [rows[0], .. rows.Skip(1).Reverse()];
                    WriteFile(path, rows);
                }
                else if (name.Contains("-auth_user-", StringComparison.Ordinal))
                {
                    Maker longId = (r, i) =>
                    {
                        var f = Fields(r[i]);
                        f[0] = [(byte)'1', .. f[0], .. f[0]]; // longer than original_id's 11 characters
                        return Join(f);
                    };
                    rows = Sprinkle(random, rows, [.. TsvMakers(random), longId], 21);
                    WriteFile(path, rows, finalLf: false, gz: !old);
                }
                else if (name.Contains("-student_courseenrollment-", StringComparison.Ordinal))
                {
                    Maker badDate = (r, i) => WithField(WithId(r[i], 93_000_000 + i), 3, "2014-13-45 25:61:00"u8.ToArray());
                    Maker isoDate = (r, i) => WithField(WithId(r[i], 94_000_000 + i), 3, "2014-02-03T04:05:06.123456789+05:30"u8.ToArray());
                    rows = Sprinkle(random, rows, [.. TsvMakers(random), badDate, isoDate], 13);
                    int half = rows.Count / 2;
                    WriteFile(path, rows[..half], bom: true);

                    // A second file of the kind, read after the first, repeating some of its ids.
                    WriteFile(path.Replace("-prod-", "-zedge-", StringComparison.Ordinal), [rows[0], .. rows[(half - 50)..]]);
                }
                else
                {
                    Maker longGrade = (r, i) => WithField(WithId(r[i], 95_000_000 + i), 3, [.. "0."u8, .. Enumerable.Repeat((byte)'7', 40)]);
                    rows = Sprinkle(random, rows, [.. TsvMakers(random), longGrade], 11);
                    WriteFile(path, rows, crlf: true);
                }
            }
        }
    }

    private static List<byte[]> Lines(string path)
    {
        byte[] data = File.ReadAllBytes(path);
        var lines = new List<byte[]>();
        int start = 0;
        for (int i = 0; i < data.Length; i++)
        {
            if (data[i] == '\n')
            {
                lines.Add(data[start..i]);
                start = i + 1;
            }
        }

        if (start < data.Length)
        {
            lines.Add(data[start..]);
        }

        return lines;
    }

    /// <summary>After about every <paramref name="every"/>th row (the header aside), one made by the next maker.</summary>
    private static List<byte[]> Sprinkle(Random random, List<byte[]> rows, Maker[] makers, int every)
    {
        var result = new List<byte[]> { rows[0] };
        int next = 0;
        for (int i = 1; i < rows.Count; i++)
        {
            result.Add(rows[i]);
            if (random.Next(every) == 0)
            {
                result.Add(makers[next++ % makers.Length](rows, i));
            }
        }

        return result;
    }

    private static Maker[] TsvMakers(Random random) =>
    [
        (r, i) => r[random.Next(1, i + 1)], // an earlier row again: a duplicate
        (r, i) => Join(Fields(r[i])[..^2]),
        (r, i) => WithField(WithId(r[i], 90_000_000 + i), ^1, [.. Fields(r[i])[^1], .. @"\q\N"u8]),
        (r, i) => WithField(r[i], 1, [.. Fields(r[i])[1], (byte)'\\']),
        (r, i) => WithField(WithId(r[i], 91_000_000 + i), ^1, [.. Fields(r[i])[^1], 0xFF, 0xFE, 0xC3]),
        (r, i) => WithField(r[i], 0, "NULL"u8.ToArray()),
        (r, i) => [.. r[i], .. "\textra\tfields"u8],
        (r, i) => WithField(WithId(r[i], 92_000_000 + i), ^1, [.. Fields(r[i])[^1], (byte)'\r']),
        (r, i) => WithField(r[i], 0, []),
        (r, i) => [],
    ];

    private static Maker[] ProfileMakers(Random random) =>
    [
        (r, i) => WithId(r[random.Next(1, i + 1)], 80_000_000 + i), // a second profile for an earlier user
        (r, i) => WithField(WithId(r[i], 81_000_000 + i), 1, [(byte)'u', .. Fields(r[i])[1]]),
        (r, i) => WithField(WithId(r[i], 82_000_000 + i), 1, "NULL"u8.ToArray()),
        (r, i) => WithField(WithId(r[i], 83_000_000 + i), 1, Ascii(99_000_000 + i)), // no such user
        (r, i) => WithField(WithId(r[i], 84_000_000 + i), 4, Encoding.UTF8.GetBytes(new string('é', 300))),
    ];

    private static Maker[] ForumMakers(Random random) =>
    [
        (r, i) => r[random.Next(1, i + 1)],
        (r, i) => r[i][..(r[i].Length / 2)],
        (r, i) => "{\"_type\":\"Comment\",\"body\":\"no id\"}"u8.ToArray(),
        (r, i) => [.. "{\"_id\":{\"$oid\":\"ff"u8, .. Ascii(i), .. "\"},\"_type\":\"Comment\",\"body\":\"bad "u8, 0xFF, 0xFE, .. "\"}"u8],
        (r, i) => "   \r"u8.ToArray(),
        (r, i) => [.. "{\"_id\":{\"$oid\":\"bd"u8, .. Ascii(i), .. "\"},\"_type\":\"Comment\",\"created_at\":{\"$date\":\"2014-13-45\"},\"updated_at\":\"x\"}"u8],
        (r, i) => [.. "{\"_id\":{\"$oid\":\"tc"u8, .. Ascii(i), .. "\"},\"_type\":\"Comment\",}"u8],
        (r, i) => [.. "{\"_id\":{\"$oid\":\"su"u8, .. Ascii(i), .. "\"},\"_type\":\"Comment\",\"body\":\"\\ud800\"}"u8],
        (r, i) => [.. r[i][..^1], .. ", \"x\": 1}\r"u8],
    ];

    private static byte[][] Fields(byte[] row)
    {
        var fields = new List<byte[]>();
        int start = 0;
        for (int i = 0; i <= row.Length; i++)
        {
            if (i == row.Length || row[i] == '\t')
            {
                fields.Add(row[start..i]);
                start = i + 1;
            }
        }

        return [.. fields];
    }

    private static byte[] Join(byte[][] fields) => [.. fields.SelectMany((f, k) => k == 0 ? f : [(byte)'\t', .. f])];

    private static byte[] WithField(byte[] row, Index field, byte[] value)
    {
        var fields = Fields(row);
        fields[field] = value;
        return Join(fields);
    }

    private static byte[] WithId(byte[] row, int id) => WithField(row, 0, Ascii(id));

    private static byte[] Ascii(int n) => Encoding.ASCII.GetBytes(n.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static void WriteFile(string path, List<byte[]> rows, bool crlf = false, bool bom = false, bool finalLf = true, bool gz = false)
    {
        byte[] eol = crlf ? "\r\n"u8.ToArray() : "\n"u8.ToArray();
        using var bytes = new MemoryStream();
        if (bom)
        {
            bytes.Write("\uFEFF"u8);
        }

        for (int i = 0; i < rows.Count; i++)
        {
            bytes.Write(rows[i]);
            if (i < rows.Count - 1 || finalLf)
            {
                bytes.Write(eol);
            }
        }

        if (gz)
        {
            using var file = File.Create(path + ".gz");
            using var zip = new GZipStream(file, CompressionLevel.Fastest);
            bytes.Position = 0;
            bytes.CopyTo(zip);
        }
        else
        {
            File.WriteAllBytes(path, bytes.ToArray());
        }
    }
}
