using System.Globalization;
using System.Text;
using CsCheck;
using VisMooc.Generated;
using VisMooc.Modules.Conversions;
using VisMooc.Modules.Load;
using VisMooc.Modules.Output;
using VisMooc.Modules.Schema;
using VisMooc.Modules.Sources.TrackingLog;
using VisMooc.Modules.Values;
using VisMooc.Tests.Load;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Safety;

/// <summary>
/// Every row that reaches a CSV loads into SQLite and MariaDB (strict mode) alike, and a row is
/// rejected exactly when a database would refuse it or give back another value than the CSV
/// holds. Values at the edges of every declared column type and size (code points at n-1, n,
/// n+1 with astral characters, combining marks and NUL; TEXT at 65,535 bytes; integers at their
/// type's bounds; datetimes at the years 1000 and 9999) go through the real writer and
/// conversions and the real loaders of both databases.
/// </summary>
[Collection(MariaDbCollection.Name)]
public sealed class ColumnTypePropertyTests(MariaDbServerFixture fixture)
{
    private const string Probe = "column_probe";

    // One code point each (what MySQL counts), of every width in UTF-8 and UTF-16, and what the dialect escapes.
    private static readonly string[] s_characters =
        ["a", "Z", "0", " ", "é", "\u0301", "中", "😀", "𝄞", "\0", "\\", "\"", "\n", "\r", "\t", ",", "\uFFFD", "ÿ", "N"];

    private MariaDbServer Server => fixture.Server;

    /// <summary>A column kind: what the declarations use, and the integer types they do not (yet).</summary>
    private sealed record Kind(SqlType Type, int Size, bool Nullable, string MySqlType)
    {
        public override string ToString() => MySqlType + (Nullable ? " NULL" : "");
    }

    /// <summary>One probe row: which kind its one interesting column has, and the input value (null: NULL; for datetimes, an input text or epoch milliseconds).</summary>
    private sealed record Case(Kind Kind, string? Value, bool EpochMilliseconds = false)
    {
        public override string ToString() =>
            $"{Kind}: {(Value is null ? "NULL" : Value.Length > 80 ? $"{Value.Length} chars starting '{Escape(Value[..40])}'" : "'" + Escape(Value) + "'")}";
    }

    private static readonly Kind[] s_kinds = GeneratedTables.All.SelectMany(t => t.Info.Columns)
        .Select(c => new Kind(c.Type, c.Size, c.Nullable, c.MySqlType))
        .Concat([new Kind(SqlType.Int, 0, false, "INT"), new Kind(SqlType.BigInt, 0, false, "BIGINT"), new Kind(SqlType.TinyInt, 0, false, "TINYINT"),
            new Kind(SqlType.DateTime6, 0, false, "datetime(6)"), new Kind(SqlType.Double, 0, true, "double")])
        .Distinct()
        .OrderBy(k => k.ToString(), StringComparer.Ordinal)
        .ToArray();

    [MariaDbFact]
    public void ARowIsRejectedExactlyWhenADatabaseWouldRefuseItOrHoldAnotherValue()
    {
        var cases = EdgeCases().ToList();
        Property.Check(CaseGen, cases.Add, iterations: 250, seed: 11_000_005, print: c => c.ToString());
        var (table, written) = WriteProbe(cases);
        Assert.Contains(written, w => w.Problem is not null);
        Assert.Contains(written, w => w.Problem is null);

        using var temp = new LoadFixtures.TempFolder();
        string database = "t_" + Guid.NewGuid().ToString("N")[..16];
        string sqlite = Path.Combine(temp.Path, "probe.sqlite");

        // The rows that reach the CSV: one load each into both databases, all or nothing.
        var accepted = written.Where(w => w.Problem is null).ToList();
        string folder = WriteCsv(temp.Path, "accepted", accepted.Select(w => w.Row));
        MySqlLoader.Load(folder, LoadTarget.Parse(Server.Target(database)), MariaDbServer.Password, LoadMode.Ignore, [table]);
        SqliteLoader.Load(folder, sqlite, LoadMode.Ignore, [table]);
        var fromCsv = CoursePackageRows(folder, table.Info);
        using (var connection = Server.OpenAdmin(database))
        {
            var mariadb = DatabaseReader.MySql(connection, Probe).ToDictionary(r => r[0]!);
            var sqliteRows = DatabaseReader.Sqlite(sqlite, Probe).ToDictionary(r => r[0]!);
            foreach (var row in fromCsv)
            {
                var w = accepted.Single(a => a.Id == row[0]);
                Assert.True(row.SequenceEqual(mariadb[row[0]!]), $"{w.Case} was written as {Show(row)}, MariaDB holds {Show(mariadb[row[0]!])}");
                Assert.True(row.SequenceEqual(sqliteRows[row[0]!]), $"{w.Case} was written as {Show(row)}, SQLite holds {Show(sqliteRows[row[0]!])}");
            }
        }

        // The rows rejected: each loaded alone, with the bytes the writer made of it, must fail
        // the strict load or come back as another value from one of the databases.
        foreach (var w in written.Where(w => w.Problem is not null))
        {
            string one = WriteCsv(temp.Path, "rejected-" + w.Id, [w.Row]);
            try
            {
                MySqlLoader.Load(one, LoadTarget.Parse(Server.Target(database)), MariaDbServer.Password, LoadMode.Ignore, [table]);
            }
            catch (LoadException)
            {
                continue; // refused by MariaDB
            }

            SqliteLoader.Load(one, sqlite, LoadMode.Ignore, [table]);
            var csvRow = CoursePackageRows(one, table.Info).Single();
            using var connection = Server.OpenAdmin(database);
            var inMariaDb = DatabaseReader.MySql(connection, Probe).Single(r => r[0] == w.Id);
            var inSqlite = DatabaseReader.Sqlite(sqlite, Probe).Single(r => r[0] == w.Id);
            Assert.False(csvRow.SequenceEqual(inMariaDb) && csvRow.SequenceEqual(inSqlite),
                $"{w.Case} was rejected ({w.Problem}), but both databases hold it exactly as written: {Show(csvRow)}");
        }
    }

    [MariaDbFact]
    public void EveryRowTheRealTablesWriteFromRandomSourceValuesLoadsIntoBothDatabasesAlike()
    {
        // The real declarations and conversions (ids, pseudonyms, user ids, 0/1, datetimes, copies),
        // fed random source values: what they write loads, and the same in both databases.
        var tables = GeneratedTables.All;
        var rowsGen = Gen.Int[0, tables.Count - 1].SelectMany(t => SourceValue.Array[tables[t].Info.SourceFields.Count].Select(v => (Table: t, Values: v))).Array[400];
        using var temp = new LoadFixtures.TempFolder();
        string folder = Path.Combine(temp.Path, "csv");
        Directory.CreateDirectory(folder);
        var writer = new CellWriter();
        var csv = tables.Select(_ => new MemoryStream()).ToArray();
        var seen = tables.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToArray();
        int accepted = 0, rejected = 0;
        Property.Check(rowsGen, rows =>
        {
            foreach (var (t, values) in rows)
            {
                tables[t].WriteRow(new Source(values), writer);
                string key = Encoding.UTF8.GetString(writer.Key);
                if (writer.Problem is not null)
                {
                    // Named by table and column, as a reject reason is.
                    Assert.Contains(writer.ProblemColumn, tables[t].Info.Columns.Select(c => c.Name));
                    rejected++;
                }
                else if (seen[t].Add(key))
                {
                    csv[t].Write(writer.Row);
                    accepted++;
                }
            }
        }, iterations: 1, seed: 11_000_007);
        Assert.True(accepted > 100 && rejected > 50, $"{accepted} accepted, {rejected} rejected: the generator should give both");
        for (int t = 0; t < tables.Count; t++)
        {
            File.WriteAllBytes(Path.Combine(folder, tables[t].Info.CsvFileName), csv[t].ToArray());
        }

        LoadFixtures.Vouch(folder);

        string database = "t_" + Guid.NewGuid().ToString("N")[..16];
        string sqlite = Path.Combine(temp.Path, "db.sqlite");
        MySqlLoader.Load(folder, LoadTarget.Parse(Server.Target(database)), MariaDbServer.Password, LoadMode.Ignore, tables);
        SqliteLoader.Load(folder, sqlite, LoadMode.Ignore, tables);

        using var connection = Server.OpenAdmin(database);
        foreach (var table in tables)
        {
            var expected = CoursePackageRows(folder, table.Info).OrderBy(r => r[table.Info.PrimaryKeyColumn], StringComparer.Ordinal).Select(Show).ToList();
            Assert.Equal(expected, DatabaseReader.MySql(connection, table.Info.Name).OrderBy(r => r[table.Info.PrimaryKeyColumn], StringComparer.Ordinal).Select(Show));
            Assert.Equal(expected, DatabaseReader.Sqlite(sqlite, table.Info.Name).OrderBy(r => r[table.Info.PrimaryKeyColumn], StringComparer.Ordinal).Select(Show));
        }
    }

    /// <summary>The edges of every kind, always checked; the random cases add to them.</summary>
    private static IEnumerable<Case> EdgeCases()
    {
        foreach (var kind in s_kinds)
        {
            switch (kind.Type)
            {
                case SqlType.Varchar:
                    foreach (int n in new[] { kind.Size - 1, kind.Size, kind.Size + 1 })
                    {
                        yield return new Case(kind, string.Concat(Enumerable.Repeat("😀", n)));
                        yield return new Case(kind, string.Concat(Enumerable.Repeat("e\u0301", n / 2)) + (n % 2 == 1 ? "\0" : ""));
                        yield return new Case(kind, new string('a', Math.Max(0, n - 1)) + " ");
                    }

                    break;
                case SqlType.Text or SqlType.MediumText:
                    int bytes = kind.Type == SqlType.Text ? ColumnValues.TextBytes : ColumnValues.MediumTextBytes;
                    foreach (int b in new[] { bytes - 1, bytes, bytes + 1 })
                    {
                        // Astral characters (4 bytes each), then ASCII to the exact byte count.
                        yield return new Case(kind, string.Concat(Enumerable.Repeat("😀", (b / 4) - 1)) + new string('\\', b - (4 * ((b / 4) - 1))));
                    }

                    break;
                case SqlType.TinyInt or SqlType.Int or SqlType.BigInt:
                    var (min, max) = Range(kind.Type);
                    foreach (var n in new[] { (decimal)min - 1, min, max, (decimal)max + 1, 0, 1, -1 })
                    {
                        yield return new Case(kind, n.ToString(CultureInfo.InvariantCulture));
                    }

                    foreach (var text in new[] { "", "01", "-0", "+1", " 1", "1 ", "1.0", "1.5", "1e1", "yes", "１", "0x1", "99999999999999999999999", "-" })
                    {
                        yield return new Case(kind, text);
                    }

                    break;
                case SqlType.Datetime:
                    foreach (var text in new[] { "0999-12-31 23:59:59", "1000-01-01 00:00:00", "9999-12-31 23:59:59.999999", "1000-01-01T00:30:00+01:00", "9999-12-31T23:00:00-01:00", "0001-01-01 00:00:00", "2014-02-29 00:00:00", "", "NULL" })
                    {
                        yield return new Case(kind, text);
                    }

                    foreach (long ms in new[] { -30610224000000L, -30610224000001L, 253402300799999L, 253402300800000L, long.MinValue, long.MaxValue })
                    {
                        yield return new Case(kind, ms.ToString(CultureInfo.InvariantCulture), EpochMilliseconds: true);
                    }

                    break;
                case SqlType.DateTime6:
                    foreach (var text in new[] { "0999-12-31T23:59:59.999999", "1000-01-01T00:00:00", "9999-12-31T23:59:59.9999999", "2014-05-15T19:03:19.487373+00:00", "2013-06-08T23:29:58.796908", "2014-12-09T03:57:24+01:00", "2014-02-29T00:00:00", "" })
                    {
                        yield return new Case(kind, text);
                    }

                    break;
                case SqlType.Double:
                    // What the writer makes of numbers (the shortest round trip, plain notation) and what it never writes.
                    foreach (var text in new[] { "290", "308.506103515625", "1.5", "0.1", "0.30000000000000004", "-0", "0", "-2.5", "123456789012345680000",
                        "0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000005",
                        "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
                        "1.50", "01", "1e3", "+1", ".5", "5.", "1.0", "0.10000000000000001", "NaN", "Infinity", "", "1,5", " 1" })
                    {
                        yield return new Case(kind, text);
                    }

                    break;
            }
        }
    }

    private static Gen<Case> CaseGen =>
        Gen.Int[0, s_kinds.Length - 1].SelectMany(k =>
        {
            var kind = s_kinds[k];
            Gen<string> values = kind.Type switch
            {
                SqlType.Varchar => Gen.Int[0, 3].SelectMany(near => Text(near switch { 0 => kind.Size - 1, 1 => kind.Size, 2 => kind.Size + 1, _ => -1 }, kind.Size + 2)),
                SqlType.TinyInt or SqlType.Int or SqlType.BigInt => Integer(kind.Type),
                SqlType.Datetime => Datetime,
                SqlType.DateTime6 => Datetime.Select(d => d.Replace(' ', 'T') + "123"),
                SqlType.Double => Gen.Frequency(
                    (3, Gen.Double.Select(d => d.ToString("R", CultureInfo.InvariantCulture))),
                    (3, Gen.Double[0, 100_000].Select(d => DoubleTextOf(d))),
                    (1, Text(-1, 8))),
                _ => Text(-1, 300),
            };
            return values.Select(v => new Case(kind, v));
        });

    private static Gen<string> Text(int codePoints, int max) =>
        (codePoints >= 0 ? Gen.Const(Math.Max(0, codePoints)) : Gen.Int[0, Math.Max(0, max)])
            .SelectMany(n => Gen.OneOf(s_characters).Array[n].Select(string.Concat));

    private static Gen<string> Integer(SqlType type)
    {
        var (min, max) = Range(type);
        return Gen.Frequency(
            (4, Gen.Long[min == long.MinValue ? min : min - 2, max == long.MaxValue ? max : max + 2].Select(n => n.ToString(CultureInfo.InvariantCulture))),
            (2, Gen.Long.Select(n => n.ToString(CultureInfo.InvariantCulture))),
            (1, Gen.OneOf("0", "1", "-1", "00", "+0", "1.0", "")),
            (1, Text(-1, 4)));
    }

    private static Gen<string> Datetime =>
        Gen.Select(Gen.Int[0, 10_000], Gen.Int[1, 12], Gen.Int[1, 31], Gen.Int[0, 23], Gen.Int[0, 59], Gen.Int[0, 59], Gen.Bool,
            (y, mo, d, h, mi, s, iso) => iso
                ? string.Create(CultureInfo.InvariantCulture, $"{y:0000}-{mo:00}-{d:00}T{h:00}:{mi:00}:{s:00}+05:30")
                : string.Create(CultureInfo.InvariantCulture, $"{y:0000}-{mo:00}-{d:00} {h:00}:{mi:00}:{s:00}.5"));

    // Source values for the real tables: ids, flags, dates, codes, long and hostile text, NULL.
    private static Gen<(string? Text, FieldKind Kind)> SourceValue =>
        Gen.Frequency(
            (3, Gen.Long[0, 99_999_999_999].Select(n => ((string?)n.ToString(CultureInfo.InvariantCulture), FieldKind.String))),
            (2, Gen.OneOf("0", "1", "2", "01", "yes", "", "NULL", "GB", "UKR", "hs", "course-v1:X+Y+Z", "block-v1:X+Y+Z+type@video+block@v", "i4x://X/Y/course/Z").Select(s => ((string?)s, FieldKind.String))),
            (2, Datetime.Select(s => ((string?)s, FieldKind.String))),
            (1, Gen.Long[-40_000_000_000_000, 260_000_000_000_000].Select(n => ((string?)n.ToString(CultureInfo.InvariantCulture), FieldKind.Number))),
            (3, Text(-1, 300).Select(s => ((string?)s, FieldKind.String))),
            (1, Gen.Const(((string?)null, FieldKind.Null))));

    private static (long Min, long Max) Range(SqlType type) => type switch
    {
        SqlType.TinyInt => (sbyte.MinValue, sbyte.MaxValue),
        SqlType.Int => (int.MinValue, int.MaxValue),
        _ => (long.MinValue, long.MaxValue),
    };

    /// <summary>
    /// A probe table with a key and one column per kind; each case's row holds its value in its
    /// kind's column and a value every other column holds (empty text, 0, NULL), written through
    /// the writer and the conversions the declarations name (Text, DateTimeUtc).
    /// </summary>
    private static (TableDescriptor Table, List<(string Id, Case Case, byte[] Row, string? Problem)> Written) WriteProbe(List<Case> cases)
    {
        var columns = new List<ColumnInfo> { new("_id", SqlType.Varchar, 40, false, true, ["id"], "ValueConversions.Text", "varchar(40)", "") };
        columns.AddRange(s_kinds.Select((k, i) => new ColumnInfo("c" + i.ToString(CultureInfo.InvariantCulture), k.Type, k.Size, k.Nullable, false, ["v"], "ValueConversions.Text", k.MySqlType, "")));
        string Ddl(Func<ColumnInfo, string> type, string end) =>
            $"CREATE TABLE IF NOT EXISTS {Probe} (\n" + string.Concat(columns.Select(c => $"    {c.Name} {type(c)} {(c.Nullable ? "NULL" : "NOT NULL")},\n")) + "    PRIMARY KEY (_id)\n" + end;
        // The generator's SQLite mapping: integer types are INTEGER, everything else TEXT.
        string sqliteCreate = Ddl(c => c.Type is SqlType.TinyInt or SqlType.Int or SqlType.BigInt ? "INTEGER" : c.Type == SqlType.Double ? "REAL" : "TEXT", ");");
        string mysqlCreate = Ddl(c => c.MySqlType, ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;");
        // The generator's SQLite insert: parameters $p0… in column order.
        string sqliteInsert = $"INSERT OR IGNORE INTO {Probe} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
        // The generator's load description: the columns in order, the writers' dialect.
        var bulkLoad = new MySqlLoadDescription(Probe, columns.Select(c => c.Name).ToList(), MySqlCsvDialect.CharacterSet, MySqlCsvDialect.FieldTerminator,
            MySqlCsvDialect.Encloser, MySqlCsvDialect.Escape, MySqlCsvDialect.LineTerminator, MySqlCsvDialect.NullToken);
        var info = new TableInfo(Probe, VisMooc.Modules.Inputs.ForumInput.Descriptor, InputRecords.All, null, "", 99, columns, ["id"], [0], 0, mysqlCreate, "", bulkLoad, sqliteCreate, sqliteInsert, "", "");

        var writer = new CellWriter();
        var written = new List<(string, Case, byte[], string?)>();
        for (int n = 0; n < cases.Count; n++)
        {
            var c = cases[n];
            string id = "r" + n.ToString(CultureInfo.InvariantCulture);
            writer.BeginRow(0);
            writer.BeginField(0, "_id", SqlType.Varchar, 40, false);
            ValueConversions.Text(writer, FieldValue.Text(Encoding.UTF8.GetBytes(id)));
            writer.EndField();
            for (int i = 0; i < s_kinds.Length; i++)
            {
                var kind = s_kinds[i];
                writer.BeginField(i + 1, "c" + i.ToString(CultureInfo.InvariantCulture), kind.Type, kind.Size, kind.Nullable);
                bool mine = kind == c.Kind;
                string? value = mine ? c.Value
                    : kind.Type is SqlType.TinyInt or SqlType.Int or SqlType.BigInt or SqlType.Double ? "0"
                    : kind.Type == SqlType.DateTime6 ? "2014-05-15T19:03:19.487373+00:00"
                    : kind.Type == SqlType.Datetime ? null : "";
                var field = value is null ? FieldValue.Null : new FieldValue(Encoding.UTF8.GetBytes(value), mine && c.EpochMilliseconds ? FieldKind.Number : FieldKind.String);
                if (kind.Type == SqlType.Datetime)
                {
                    ValueConversions.DateTimeUtc(writer, field);
                }
                else if (kind.Type == SqlType.DateTime6)
                {
                    ClickConversions.DateTime6Utc(writer, field);
                }
                else
                {
                    ValueConversions.Text(writer, field);
                }

                writer.EndField();
            }

            writer.EndRow();
            written.Add((id, c, writer.Row.ToArray(), writer.Problem));
        }

        return (new TableDescriptor(info, (_, _) => throw new NotSupportedException(), (_, _) => throw new NotSupportedException()), written);
    }

    private static string DoubleTextOf(double value)
    {
        Span<byte> text = stackalloc byte[DoubleText.MaxLength];
        DoubleText.TryFormat(value, text, out int n);
        return Encoding.ASCII.GetString(text[..n]);
    }

    private static string WriteCsv(string root, string name, IEnumerable<byte[]> rows)
    {
        string folder = Path.Combine(root, name);
        Directory.CreateDirectory(folder);
        using var file = File.Create(Path.Combine(folder, Probe + ".csv"));
        foreach (var row in rows)
        {
            file.Write(row);
        }

        file.Close();
        LoadFixtures.Vouch(folder);
        return folder;
    }

    private static List<string?[]> CoursePackageRows(string folder, TableInfo info)
    {
        var rows = new List<string?[]>();
        using var reader = new DialectCsvReader(Path.Combine(folder, info.CsvFileName), info.Columns.Count);
        while (reader.Read())
        {
            rows.Add([.. reader.Values]);
        }

        return rows;
    }

    private static string Show(string?[] row) => string.Join(" | ", row.Select(v => v is null ? "NULL" : v.Length > 60 ? $"<{v.Length} chars>" : "'" + Escape(v) + "'"));

    private static string Escape(string s) =>
        string.Concat(s.Select(ch => char.IsControl(ch) ? "\\u" + ((int)ch).ToString("x4", CultureInfo.InvariantCulture) : ch.ToString()));

    /// <summary>A source record of random values.</summary>
    private sealed class Source((string? Text, FieldKind Kind)[] values) : IRowSource
    {
        private readonly byte[]?[] _utf8 = values.Select(v => v.Text is null ? null : Encoding.UTF8.GetBytes(v.Text)).ToArray();

        public FieldValue Get(int sourceField) =>
            _utf8[sourceField] is { } bytes ? new FieldValue(bytes, values[sourceField].Kind) : FieldValue.Null;
    }
}
