using Sylvan.Data.Csv;
using VisMooc.Generated;
using VisMooc.Modules.Load;
using VisMooc.Modules.Output;
using VisMooc.Modules.Pipeline;
using VisMooc.Tests.Load;

namespace VisMooc.Tests.Output;

public sealed class Rfc4180OutputTests
{
    [Fact]
    public void Rfc4180TablesReadBackWithSylvanEqualTheDefaultDialectValues()
    {
        using var temp = new LoadFixtures.TempFolder();
        string dialect = LoadFixtures.ConvertHostile(temp.Path);
        string rfc = Path.Combine(temp.Path, "rfc");
        var result = PackageConverter.Run(new ConvertOptions { Input = Path.Combine(temp.Path, "in"), Output = rfc, Format = OutputFormat.Rfc4180 }, GeneratedTables.All);
        Assert.Equal(0, result.Rejected);

        foreach (var table in VisMooc.Tests.Support.TablesWithoutLogs.All.Select(t => t.Info))
        {
            var expected = new List<string?[]>();
            using (var reader = new DialectCsvReader(Path.Combine(dialect, table.CsvFileName), table.Columns.Count))
            {
                while (reader.Read())
                {
                    expected.Add(reader.Values.ToArray());
                }
            }

            using var csv = CsvDataReader.Create(Path.Combine(rfc, table.CsvFileName), new CsvDataReaderOptions { HasHeaders = true, BufferSize = 1 << 24 });
            Assert.Equal(table.Columns.Select(c => c.Name), Enumerable.Range(0, csv.FieldCount).Select(csv.GetName));
            int row = 0;
            while (csv.Read())
            {
                Assert.Equal(table.Columns.Count, csv.RowFieldCount);
                for (int i = 0; i < table.Columns.Count; i++)
                {
                    // NULL is an empty field in RFC 4180; every other value comes back exactly.
                    Assert.Equal(expected[row][i] ?? "", csv.GetString(i));
                }

                row++;
            }

            Assert.Equal(expected.Count, row);
        }
    }

    [Fact]
    public void Rfc4180QuotesByDoublingAndKeepsNullDistinctFromEmpty()
    {
        using var temp = new LoadFixtures.TempFolder();
        LoadFixtures.ConvertHostile(temp.Path);
        string rfc = Path.Combine(temp.Path, "rfc");
        PackageConverter.Run(new ConvertOptions { Input = Path.Combine(temp.Path, "in"), Output = rfc, Format = OutputFormat.Rfc4180 }, GeneratedTables.All);

        string grades = File.ReadAllText(Path.Combine(rfc, "grades.csv"));
        Assert.StartsWith("_id,user_id,course_id,timestamp,grade\r\n", grades, StringComparison.Ordinal);
        Assert.Contains("\"32\",\"7000002\",\"course-v1:SynthX+DS101+2099_T1\",,\"\"\r\n", grades, StringComparison.Ordinal);
        string forum = File.ReadAllText(Path.Combine(rfc, "forum.csv"));
        Assert.Contains("\"comma, \"\"quote\"\" and \\backslash\\ and \\\\ double\"", forum, StringComparison.Ordinal);
    }
}
