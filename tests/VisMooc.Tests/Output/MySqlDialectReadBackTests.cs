using System.Text;
using CsvHelper;
using VisMooc.Generated;
using VisMooc.Modules.Output;
using VisMooc.Modules.Schema;
using VisMooc.Modules.Values;
using VisMooc.Tests.Load;

namespace VisMooc.Tests.Output;

/// <summary>
/// Issue 2, item 7: the generated row writer on hostile values, read back by an independent parser
/// (CsvHelper 34.0.0), equals the input; NULL and the empty string stay apart.
/// </summary>
public sealed class MySqlDialectReadBackTests
{
    private static readonly string[] s_extra =
    [
        ",", "\\", "\"", "\\\"", "\",\"", "a\\,b", "\\\\,", "N", "\r\n", "\0", "\t", " leading and trailing ", "x\n\\n\r\\r\0\\0",

        // 5 MB of UTF-8, every byte class the dialect escapes among commas, tabs and multi-byte text
        string.Concat(Enumerable.Repeat("\\\",\n\r\0\t😀e\u0301 ", (5 * 1024 * 1024 / 15) + 1)),
    ];

    private static readonly TableDescriptor s_forum = GeneratedTables.All.Single(t => t.Info.Name == "forum");

    /// <summary>
    /// Reads the MySQL <c>LOAD DATA</c> dialect with CsvHelper, and decodes what CsvHelper leaves.
    /// </summary>
    /// <remarks>
    /// CsvHelper 34 has no mode that both encloses values in quotes and escapes with a backslash
    /// (measured in <see cref="CsvHelperAloneMisreadsTheDialect"/>). So it runs in <see cref="CsvMode.Escape"/>
    /// with escape <c>\</c> and separator <c>,</c>, where it does exactly this: a record ends at an LF
    /// that no <c>\</c> precedes; fields split at every comma that no <c>\</c> precedes; a quote is
    /// ordinary text; <see cref="CsvReader.GetRawSpan"/> gives a field's bytes as written. Our
    /// writer never writes a raw LF or CR (it writes <c>\n</c>, <c>\r</c>), so CsvHelper's records
    /// are our rows; but it leaves commas inside values unescaped (they are enclosed), so CsvHelper
    /// cuts such a value in pieces. The test then (1) rejoins pieces with the comma CsvHelper
    /// consumed until the field's closing quote (a <c>"</c> after an even number of backslashes);
    /// (2) reads an unenclosed <c>\N</c> as NULL; (3) drops the enclosing quotes and decodes
    /// <c>\\</c> <c>\"</c> <c>\n</c> <c>\r</c> <c>\0</c> left to right (CsvHelper's own unescaping
    /// would turn <c>\n</c> into the letter n, so its decoded value cannot be used).
    /// </remarks>
    private static List<string?[]> ReadWithCsvHelper(byte[] csv)
    {
        var options = new CsvReaderOptions
        {
            Mode = CsvMode.Escape,
            Escape = '\\',
            Separator = ',',
            HasHeader = false,
            TrimWhitespace = false,
            SkipEmptyLines = false,
        };
        var rows = new List<string?[]>();
        using var reader = CsvReader.Create(csv, options);
        while (reader.Read())
        {
            var pieces = new List<byte[]>();
            for (int i = 0; i < reader.FieldCount; i++)
            {
                pieces.Add(reader.GetRawSpan(i).ToArray());
            }

            var fields = new List<string?>();
            for (int p = 0; p < pieces.Count; p++)
            {
                if (pieces[p].AsSpan().SequenceEqual("\\N"u8))
                {
                    fields.Add(null);
                    continue;
                }

                var field = new List<byte>(pieces[p]);
                Assert.True(field.Count > 0 && field[0] == '"', "a non-NULL value must be enclosed: " + Encoding.UTF8.GetString(pieces[p]));
                while (!EndsWithClosingQuote(field))
                {
                    Assert.True(++p < pieces.Count, "unterminated value");
                    field.Add((byte)',');
                    field.AddRange(pieces[p]);
                }

                fields.Add(Decode(field.ToArray().AsSpan(1, field.Count - 2)));
            }

            rows.Add(fields.ToArray());
        }

        return rows;
    }

    private static bool EndsWithClosingQuote(List<byte> field)
    {
        if (field.Count < 2 || field[^1] != '"')
        {
            return false;
        }

        int backslashes = 0;
        for (int i = field.Count - 2; i >= 1 && field[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 0;
    }

    // The contract's escapes, inverted: \\ \" \n \r \0; anything else after a backslash is a writer bug.
    private static string Decode(ReadOnlySpan<byte> enclosed)
    {
        var bytes = new List<byte>(enclosed.Length);
        for (int i = 0; i < enclosed.Length; i++)
        {
            byte b = enclosed[i];
            Assert.False(b is (byte)'"' or (byte)'\n' or (byte)'\r' or 0, $"unescaped byte 0x{b:X2} inside a value");
            if (b != '\\')
            {
                bytes.Add(b);
                continue;
            }

            byte next = enclosed[++i];
            bytes.Add(next switch
            {
                (byte)'\\' => (byte)'\\',
                (byte)'"' => (byte)'"',
                (byte)'n' => (byte)'\n',
                (byte)'r' => (byte)'\r',
                (byte)'0' => 0,
                _ => throw new Xunit.Sdk.XunitException($"'\\{(char)next}' is not one of the dialect's escapes"),
            });
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static byte[] WriteForumRows(IReadOnlyList<string> values)
    {
        var writer = new CellWriter();
        using var csv = new MemoryStream();
        var source = new ForumRow();
        for (int i = 0; i < values.Count; i++)
        {
            source.Set(i, values[i]);
            s_forum.WriteRow(source, writer);
            csv.Write(writer.Row);
        }

        return csv.ToArray();
    }

    [Fact]
    public void HostileValuesReadBackByCsvHelperEqualTheInput()
    {
        var values = LoadFixtures.Hostile.Concat(s_extra).ToList();
        Assert.Contains(values, v => Encoding.UTF8.GetByteCount(v) >= 5 * 1024 * 1024);

        var rows = ReadWithCsvHelper(WriteForumRows(values));

        Assert.Equal(values.Count, rows.Count);
        for (int i = 0; i < values.Count; i++)
        {
            string v = values[i];
            string?[] expected =
            [
                PythonHash.Compute(Encoding.UTF8.GetBytes(ForumRow.Oid(i))).ToString(System.Globalization.CultureInfo.InvariantCulture), ForumRow.Oid(i),
                v, v, null, "2099-03-05 09:30:00", v, "CommentThread", v, v, "", "",
            ];
            Assert.True(expected.SequenceEqual(rows[i]), $"row {i} ({Shorten(v)}) came back as [{string.Join("|", rows[i].Select(x => x is null ? "NULL" : Shorten(x)))}]");
        }
    }

    [Fact]
    public void TheWriterEscapesExactlyWhatTheContractSays()
    {
        // Contract, CSV dialect: every non-NULL value in "…"; \ " LF CR NUL escaped with a backslash,
        // nothing else (TAB, comma and non-ASCII stay as they are); NULL is an unenclosed \N; rows end in LF.
        byte[] row = WriteForumRows(["a\"b\\c\nd\re\0f\tg,h😀"]);

        Assert.Equal(
            "\"" + PythonHash.Compute("6a0000000000000000000000"u8) + "\",\"6a0000000000000000000000\","
            + string.Concat(Enumerable.Repeat("\"a\\\"b\\\\c\\nd\\re\\0f\tg,h😀\",", 2))
            + "\\N,\"2099-03-05 09:30:00\",\"a\\\"b\\\\c\\nd\\re\\0f\tg,h😀\",\"CommentThread\","
            + string.Concat(Enumerable.Repeat("\"a\\\"b\\\\c\\nd\\re\\0f\tg,h😀\",", 2)) + "\"\",\"\"\n",
            Encoding.UTF8.GetString(row));
    }

    [Fact]
    public void CsvHelperAloneMisreadsTheDialect()
    {
        // Why the test above decodes after CsvHelper splits: measured with CsvHelper 34.0.0. If this
        // starts failing, CsvHelper may have gained a mode for the dialect and the decoding can go.
        byte[] quoteThenComma = "\"x\\\",y\",\"z\"\n"u8.ToArray();   // values: x",y and z
        using (var rfc = CsvReader.Create(quoteThenComma, new CsvReaderOptions { Mode = CsvMode.Rfc4180, Separator = ',', HasHeader = false }))
        {
            Assert.True(rfc.Read());
            Assert.Equal(3, rfc.FieldCount);                           // the quote of \" ends the field
        }

        byte[] commaAndLf = "\"a,b\",\"l\\nm\"\n"u8.ToArray();        // values: a,b and l<LF>m
        using var escape = CsvReader.Create(commaAndLf, new CsvReaderOptions { Mode = CsvMode.Escape, Escape = '\\', Separator = ',', HasHeader = false });
        Assert.True(escape.Read());
        Assert.Equal(3, escape.FieldCount);                            // quotes are text: the comma splits
        Assert.Equal("\"lnm\"", escape.GetString(2));                  // \n is the letter n
    }

    private static string Shorten(string s) => s.Length > 40 ? s[..40] + $"…({s.Length})" : s;

    // A forum document as the generated writer reads it: field k is forum's k-th source field.
    private sealed class ForumRow : IRowSource
    {
        private readonly (byte[] Utf8, FieldKind Kind)[] _fields = new (byte[], FieldKind)[s_forum.Info.SourceFields.Count];

        public static string Oid(int i) => "6a" + i.ToString("x22", System.Globalization.CultureInfo.InvariantCulture);

        public void Set(int i, string hostile)
        {
            for (int k = 0; k < _fields.Length; k++)
            {
                _fields[k] = s_forum.Info.SourceFields[k] switch
                {
                    "_id.$oid" => (Encoding.UTF8.GetBytes(Oid(i)), FieldKind.String),
                    "_type" => ("CommentThread"u8.ToArray(), FieldKind.String),
                    "created_at.$date" => ([], FieldKind.Null),
                    "updated_at.$date" => ("4076386200000"u8.ToArray(), FieldKind.Number),
                    "comment_thread_id.$oid" or "parent_id.$oid" => (Encoding.UTF8.GetBytes(hostile), FieldKind.String),
                    _ => (Encoding.UTF8.GetBytes(hostile), FieldKind.String),
                };
            }
        }

        public FieldValue Get(int sourceField) => new(_fields[sourceField].Utf8, _fields[sourceField].Kind);
    }
}
