using System.Text;
using VisMooc.Generated;
using VisMooc.Modules.Privacy;
using VisMooc.Modules.Schema;

namespace VisMooc.Tests.Safety;

/// <summary>
/// The rejects masker reads what it may show from the input declarations ([RawField]): every field an input
/// declares personal is masked, and a new input's declaration is all it takes to mask or keep its fields.
/// </summary>
public sealed class DeclaredRawFieldTests
{
    // Values that a kept field of any shape would show: an id, a date, a course id.
    private static readonly string[] s_keepableValues = ["7000001", "2014-01-01 00:00:00", "course-v1:SynthX+DS101+2099_T1"];

    public static TheoryData<string, string> DeclaredPersonalFields()
    {
        var data = new TheoryData<string, string>();
        foreach (var input in GeneratedSources.All)
        {
            foreach (var field in input.RawFields.Where(f => f.Personal))
            {
                data.Add(input.Name, field.Name);
            }
        }

        return data;
    }

    [Fact]
    public void TsvAndJsonInputsDeclarePersonalFields()
    {
        var personal = GeneratedSources.All.Where(i => i.RawFields.Any(f => f.Personal)).Select(i => i.Format).ToHashSet();
        Assert.Contains(InputFormat.EdxTsv, personal);
        Assert.Contains(InputFormat.JsonLines, personal);
    }

    [Theory]
    [MemberData(nameof(DeclaredPersonalFields))]
    public void EveryDeclaredPersonalFieldIsMaskedInRejects(string input, string field)
    {
        var format = GeneratedSources.All.Single(i => i.Name == input).Format;
        foreach (string value in s_keepableValues)
        {
            if (format == InputFormat.EdxTsv)
            {
                Assert.Equal("7000001\t***", Masked(RawMasker.Mask(Bytes("7000001\t" + value), ["id", field])));
            }
            else
            {
                Assert.Equal("{\"" + field + "\":\"***\"}", Masked(RawMasker.MaskJson(Bytes("{\"" + field + "\":\"" + value + "\"}"))));
            }
        }

        if (format != InputFormat.EdxTsv)
        {
            // Whole: an object under a personal key goes, even the keys inside it that are kept elsewhere.
            Assert.Equal("{\"" + field + "\":***}", Masked(RawMasker.MaskJson(Bytes("{\"" + field + "\":{\"course_id\":\"course-v1:A+B+C\"}}"))));
        }
    }

    [Fact]
    public void ANewTsvInputsDeclarationsDecideWhatItsRejectsShow()
    {
        var pets = new InputDescriptor("pets", "pets", ".sql", InputFormat.EdxTsv, InputScope.Course, "")
        {
            RawFields = [new("pet_id", RawShape.Id, Personal: false), new("pet_name", RawShape.None, Personal: true)],
        };
        var roles = RawMasker.Roles.From(GeneratedSources.All.Append(pets));
        string[] header = ["pet_id", "pet_name"];

        Assert.Equal("42\t***", Masked(RawMasker.Mask(Bytes("42\t12345"), header, roles)));
        Assert.Equal("***\t***", Masked(RawMasker.Mask(Bytes("42\t12345"), header))); // undeclared: nothing shown
    }

    [Fact]
    public void ANewJsonInputsPersonalKeyIsMaskedWhole()
    {
        var notes = new InputDescriptor("notes", "", ".notes", InputFormat.JsonLines, InputScope.Course, "")
        {
            RawFields = [new("nickname", RawShape.None, Personal: true)],
        };
        var roles = RawMasker.Roles.From(GeneratedSources.All.Append(notes));
        byte[] line = Bytes("{\"nickname\":{\"course_id\":\"course-v1:A+B+C\"},\"user_id\":7}");

        Assert.Equal("{\"nickname\":***,\"user_id\":7}", Masked(RawMasker.MaskJson(line, roles)));
        Assert.Equal("{\"***\":{\"course_id\":\"course-v1:A+B+C\"},\"user_id\":7}", Masked(RawMasker.MaskJson(line)));
    }

    [Fact]
    public void AFieldTwoInputsDeclareDifferentlyGetsTheStricterReading()
    {
        static InputDescriptor Tsv(string name, params RawFieldInfo[] fields) =>
            new(name, name, ".sql", InputFormat.EdxTsv, InputScope.Course, "") { RawFields = fields };
        var roles = RawMasker.Roles.From(
        [
            Tsv("a", new("code", RawShape.Id, false), new("who", RawShape.Id, false), new("when", RawShape.DateLike, false)),
            Tsv("b", new("code", RawShape.Flag, false), new("who", RawShape.None, true), new("when", RawShape.DateLike, false)),
        ]);

        Assert.Equal("***\t***\t2014-01-01", Masked(RawMasker.Mask(Bytes("1\t7\t2014-01-01"), ["code", "who", "when"], roles)));
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string Masked(byte[] masked) => Encoding.UTF8.GetString(masked);
}
