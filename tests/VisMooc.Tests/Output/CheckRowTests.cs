using System.Globalization;
using System.Text;
using CsCheck;
using VisMooc.Generated;
using VisMooc.Modules.Output;
using VisMooc.Modules.Schema;
using VisMooc.Modules.Values;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Output;

/// <summary>
/// The generated <c>CheckRow</c> (the users job's check of each profile, the course tree's check of
/// each video) decides as <c>WriteRow</c> does: for every generated table, hostile source values
/// and any set of checked columns, it rejects exactly the rows the writer rejects, for the same
/// column and reason, and warns the same. A check it skipped (a column left out, a type's limit not
/// applied, a conversion that wrote nothing not treated as the empty string) makes this fail.
/// </summary>
public sealed class CheckRowTests
{
    // Hostile text: every UTF-8 width, combining marks, NUL, what the dialect escapes, and bytes that are not UTF-8.
    private static readonly byte[][] s_pieces =
        [.. new[] { "a", "Z", "0", "9", " ", "-", ":", "T", ".", "+", "é", "\u0301", "中", "😀", "\0", "\\", "\"", "\n", "\r", "\t", ",", "N" }.Select(Encoding.UTF8.GetBytes),
            [0xFF], [0xC3], [0xED, 0xA0, 0x80]];

    private static Gen<byte[]> Text(int max) =>
        Gen.Int[0, max].SelectMany(n => Gen.OneOf(s_pieces).Array[n].Select(p => p.SelectMany(b => b).ToArray()));

    private static Gen<string> Datetime =>
        Gen.Select(Gen.Int[0, 10_000], Gen.Int[0, 13], Gen.Int[0, 32], Gen.Int[0, 24], Gen.Int[0, 60], Gen.Int[0, 3],
            (y, mo, d, h, mi, shape) => shape switch
            {
                0 => string.Create(CultureInfo.InvariantCulture, $"{y:0000}-{mo:00}-{d:00} {h:00}:{mi:00}:00"),
                1 => string.Create(CultureInfo.InvariantCulture, $"{y:0000}-{mo:00}-{d:00}T{h:00}:{mi:00}:59.123456+05:30"),
                2 => string.Create(CultureInfo.InvariantCulture, $"{y:0000}-{mo:00}-{d:00}T{h:00}:{mi:00}:00Z"),
                _ => string.Create(CultureInfo.InvariantCulture, $"{y:0000}-{mo:00}-{d:00} {h:00}:{mi:00}"),
            });

    // One source value: ids, codes, flags, course and block keys, datetimes, epoch milliseconds, hostile text, now and then
    // text at a TEXT column's 65,535 bytes, NULL.
    private static Gen<(byte[]? Utf8, FieldKind Kind)> SourceValue =>
        Gen.Frequency(
            (6, Gen.Long[-5, 99_999_999_999].Select(n => (Ascii(n.ToString(CultureInfo.InvariantCulture)), FieldKind.String))),
            (6, Gen.OneOf("0", "1", "2", "01", "-1", "yes", "", "NULL", "GB", "UKR", "hs", "none", "p_oth", "1.5", "1e3", "NaN", "-0", "2.0",
                "course-v1:X+Y+Z", "block-v1:X+Y+Z+type@video+block@v", "i4x://X/Y/course/Z", "X/Y/Z", "i4x://X/Y/video/v",
                "play_video", "seek_video", "speed_change_video").Select(s => (Ascii(s), FieldKind.String))),
            (4, Datetime.Select(s => (Ascii(s), FieldKind.String))),
            (2, Gen.Long[-40_000_000_000_000, 260_000_000_000_000].Select(n => (Ascii(n.ToString(CultureInfo.InvariantCulture)), FieldKind.Number))),
            (2, Gen.Double.Select(d => (Ascii(d.ToString("R", CultureInfo.InvariantCulture)), FieldKind.Number))),
            (6, Text(300).Select(t => (t, FieldKind.String))),
            (1, Gen.Int[65_534, 65_537].Select(n => (Encoding.UTF8.GetBytes(new string('\\', n)), FieldKind.String))),
            (2, Gen.Const(((byte[]?)null, FieldKind.Null))));

    [Fact]
    public void CheckRowRejectsExactlyTheRowsWriteRowRejects()
    {
        var tables = GeneratedTables.All;
        var writer = new CellWriter();
        var warnings = new Warnings();
        writer.Warnings = warnings;
        var rejectedColumns = tables.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToArray();
        var rows = Gen.Int[0, tables.Count - 1].SelectMany(t =>
            Gen.Select(SourceValue.Array[tables[t].Info.SourceFields.Count], Gen.ULong, (v, mask) => (Table: t, Values: v, Mask: mask))).Array[300];
        Property.Check(rows, batch =>
        {
            foreach (var (t, values, random) in batch)
            {
                var table = tables[t];
                var source = new Source(values);
                int columns = table.Info.Columns.Count;

                // Every column, each column alone, and a random set (what the course tree, the users job and anything else check).
                var masks = new List<ulong> { ulong.MaxValue, random };
                masks.AddRange(Enumerable.Range(0, columns).Select(c => 1UL << c));
                foreach (ulong mask in masks)
                {
                    var written = Write(table, source, writer, warnings, mask);
                    var checkedOnly = Check(table, source, writer, warnings, mask);
                    Assert.True(written == checkedOnly,
                        $"{table.Info.Name}, columns {mask:x}: WriteRow gives {written}, CheckRow gives {checkedOnly}");
                    if (written.Problem is not null)
                    {
                        rejectedColumns[t].Add(written.Column);
                    }
                }
            }
        }, iterations: 4, seed: 11_000_011);

        // The values reach every table's checks: each table rejected some rows (a table whose
        // columns could never reject would prove nothing here), and the users table the profile columns.
        for (int t = 0; t < tables.Count; t++)
        {
            Assert.True(rejectedColumns[t].Count > 0, $"no row of {tables[t].Info.Name} was rejected: the values do not reach its checks");
        }

        var users = rejectedColumns[tables.ToList().FindIndex(t => t.Info.Name == "users")];
        Assert.Superset(new HashSet<string>(["country", "gender", "education_level", "birth_date"]), users);
    }

    [Fact]
    public void CheckRowWritesNothingAndLeavesTheWriterAsItFoundIt()
    {
        var users = GeneratedTables.All.Single(t => t.Info.Name == "users");
        var writer = new CellWriter();
        var values = users.Info.SourceFields.Select(f => ((byte[]?)Encoding.UTF8.GetBytes(f.EndsWith("country", StringComparison.Ordinal) ? "GBR" : "1"), FieldKind.String)).ToArray();
        writer.CheckOnly = true;
        writer.CheckedColumns = ulong.MaxValue;
        users.CheckRow(new Source(values), writer);
        Assert.Equal("country", writer.ProblemColumn);
        Assert.Equal(0, writer.Row.Length);
        writer.CheckOnly = false;
        writer.CheckedColumns = ulong.MaxValue;

        // A row written after the check is whole and names its own problem (none).
        values = users.Info.SourceFields.Select(f => ((byte[]?)Encoding.UTF8.GetBytes("1"), FieldKind.String)).ToArray();
        users.WriteRow(new Source(values), writer);
        Assert.Null(writer.Problem);
        Assert.Equal((byte)'\n', writer.Row[^1]);
        Assert.Equal(users.Info.Columns.Count - 1, writer.Row.ToArray().Count(b => b == (byte)MySqlCsvDialect.FieldTerminator));
    }

    [Fact]
    public void AFieldTheConversionLeftEmptyIsCheckedAsTheEmptyString()
    {
        // What EndField does with a conversion that wrote no value (the empty string, which a
        // datetime or number column cannot hold) or two (a bug), EndCheck does too.
        foreach (var (type, size, nullable) in new[] { (SqlType.Datetime, 0, false), (SqlType.TinyInt, 0, false), (SqlType.Double, 0, true), (SqlType.Varchar, 2, false) })
        {
            var writer = new CellWriter();
            writer.BeginRow(-1);
            writer.BeginField(0, "c", type, size, nullable);
            writer.EndField();
            string? written = writer.Problem;
            Assert.True(written is not null == (type != SqlType.Varchar), $"{type}: {written}");

            writer.CheckOnly = true;
            writer.BeginRow(-1);
            writer.BeginCheck(0, "c", type, size, nullable);
            writer.EndCheck();
            Assert.Equal(written, writer.Problem);

            writer.BeginRow(-1);
            writer.BeginCheck(0, "c", type, size, nullable);
            writer.WriteNull();
            writer.WriteNull();
            Assert.Throws<InvalidOperationException>(writer.EndCheck);
        }
    }

    private static Verdict Write(TableDescriptor table, Source source, CellWriter writer, Warnings warnings, ulong mask)
    {
        // The reference: the row written in full, its unchecked columns never rejecting it.
        warnings.Clear();
        writer.CheckedColumns = mask;
        table.WriteRow(source, writer);
        writer.CheckedColumns = ulong.MaxValue;
        return new Verdict(writer.Problem, writer.ProblemColumn, warnings.Of(table.Info, mask));
    }

    private static Verdict Check(TableDescriptor table, Source source, CellWriter writer, Warnings warnings, ulong mask)
    {
        warnings.Clear();
        writer.CheckOnly = true;
        writer.CheckedColumns = mask;
        try
        {
            table.CheckRow(source, writer);
            return new Verdict(writer.Problem, writer.ProblemColumn, warnings.Of(table.Info, mask));
        }
        finally
        {
            writer.CheckOnly = false;
            writer.CheckedColumns = ulong.MaxValue;
        }
    }

    private static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);

    private sealed record Verdict(string? Problem, string Column, string Warnings)
    {
        public override string ToString() => Problem is null ? $"no problem; warnings [{Warnings}]" : $"'{Column}: {Problem}'; warnings [{Warnings}]";
    }

    /// <summary>The warnings of a row; those of the checked columns are what a check must give too.</summary>
    private sealed class Warnings : IWarningSink
    {
        private readonly List<(string Column, string Message)> _all = [];

        public void Warn(string column, string message) => _all.Add((column, message));

        public void Clear() => _all.Clear();

        public string Of(TableInfo table, ulong mask)
        {
            var names = table.Columns.Where((_, i) => i < 64 && (mask >> i & 1) != 0).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            return string.Join("; ", _all.Where(w => names.Contains(w.Column)).Select(w => w.Column + ": " + w.Message));
        }
    }

    /// <summary>A source record of given values.</summary>
    private sealed class Source((byte[]? Utf8, FieldKind Kind)[] values) : IRowSource
    {
        public FieldValue Get(int sourceField) =>
            values[sourceField].Utf8 is { } bytes ? new FieldValue(bytes, values[sourceField].Kind) : FieldValue.Null;
    }
}
