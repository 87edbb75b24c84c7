using System.Text;
using VisMooc.Modules.Output;
using VisMooc.Modules.Schema;
using VisMooc.Modules.Values;
using static VisMooc.Tests.TrackingLogs.LogSamples;
using VisMooc.Modules.Sources.TrackingLog;

namespace VisMooc.Tests.TrackingLogs;

/// <summary>
/// Whole <c>click_events</c> rows as the proposed declaration (docs/drafts/ClickEvents.cs.txt) will
/// write them through generated code: the row source, the conversions and the CellWriter, against
/// rows written out by hand from the contract.
/// </summary>
public sealed class ClickRowTests
{
    // The draft declaration's columns: name, size (0: unsized), source field, conversion.
    private static readonly (string Name, int Size, string Field, Action<CellWriter, FieldValue> Convert)[] s_columns =
    [
        ("observed_event_id", 50, ClickSourceFields.LineId, Modules.Conversions.ValueConversions.Text),
        ("course_id", 255, ClickSourceFields.CourseId, Modules.Conversions.ValueConversions.Text),
        ("user_id", 50, ClickSourceFields.Username, Modules.Conversions.ValueConversions.Pseudonym),
        ("video_id", 255, ClickSourceFields.VideoKey, Modules.Conversions.ValueConversions.Text),
        ("observed_event_timestamp", 0, ClickSourceFields.Time, ClickConversions.DateTime6Utc),
        ("observed_event_type", 255, ClickSourceFields.EventType, Modules.Conversions.ValueConversions.Text),
        ("url", 2083, ClickSourceFields.Page, Modules.Conversions.ValueConversions.Text),
        ("code", 50, ClickSourceFields.Code, Modules.Conversions.ValueConversions.Text),
        ("video_current_time", 0, ClickSourceFields.CurrentTime, ClickConversions.VideoTime),
        ("video_new_time", 0, ClickSourceFields.NewTime, ClickConversions.VideoTime),
        ("video_old_time", 0, ClickSourceFields.OldTime, ClickConversions.VideoTime),
        ("video_new_speed", 0, ClickSourceFields.NewSpeed, ClickConversions.VideoSpeed),
        ("video_old_speed", 0, ClickSourceFields.OldSpeed, ClickConversions.VideoSpeed),
    ];

    [Fact]
    public void ABrowserPlayBecomesTheRowTheContractDescribes()
    {
        var (row, warnings) = Row(BrowserPlay);
        Assert.Equal(
            "\"17dee809561f6a5ecb1092571d9ec39b\",\"BerkeleyX/Stat_2.1x/1T2014\",\"7a9a231f7bd6f3ceb6f4c91f5937d5ccccd099ce\","
            + "\"i4x://BerkeleyX/Stat_2.1x/video/58424ad2f75048798b4480aa699cc215\",\"2014-05-15 19:03:19.487373\",\"play_video\","
            + "\"https://courses.edx.org/courses/BerkeleyX/Stat_2.1x/1T2014/courseware/week1/lecture1/\",\"html5\",\"308.506103515625\",\\N,\\N,\\N,\\N\n",
            row);
        Assert.Empty(warnings);
    }

    [Fact]
    public void AMobilePauseInANewCourseWritesTheConvertedCoursesSpelling()
    {
        string line = MobilePause.Replace("\"course_id\": \"course-v1:DelftX+FP101x+3T2015\"", "\"course_id\": \"DelftX/FP101x/3T2015\"", StringComparison.Ordinal);
        var (row, _) = Row(line);
        Assert.StartsWith("\"", row, StringComparison.Ordinal);
        Assert.Contains(",\"course-v1:DelftX+FP101x+3T2015\",\"0d72b8b559a8782d1f08a220f0c1658cc42e1a2f\",\"" + NewVideo + "\",\"2015-11-02 10:14:58.000000\",\"pause_video\",", row, StringComparison.Ordinal);
        Assert.EndsWith(",\"mobile\",\"12.5\",\\N,\\N,\\N,\\N\n", row, StringComparison.Ordinal);
    }

    [Fact]
    public void ASpeedChangeWithStringSpeedsAndSnakeCaseTime()
    {
        string line = TrackingLogLineParserTests.ReplaceEvent(BrowserPlay.Replace("\"play_video\"", "\"speed_change_video\"", StringComparison.Ordinal),
            "\"event\": \"{\\\"id\\\": \\\"" + OldVideoHtmlId + "\\\", \\\"current_time\\\": 290, \\\"old_speed\\\": \\\"1.0\\\", \\\"new_speed\\\": \\\"1.50\\\"}\"");
        var (row, warnings) = Row(line);
        Assert.EndsWith(",\"speed_change_video\",\"https://courses.edx.org/courses/BerkeleyX/Stat_2.1x/1T2014/courseware/week1/lecture1/\",\"\",\"290\",\\N,\\N,\"1.5\",\"1\"\n", row, StringComparison.Ordinal);
        Assert.Empty(warnings);
    }

    [Theory]
    [InlineData("\\\"currentTime\\\": \\\"NaN\\\"", "video_current_time", "not a finite number")]
    [InlineData("\\\"currentTime\\\": \\\"Infinity\\\"", "video_current_time", "not a finite number")]
    [InlineData("\\\"currentTime\\\": 1e400", "video_current_time", "not a finite number")]
    [InlineData("\\\"currentTime\\\": -3.5", "video_current_time", "negative")]
    [InlineData("\\\"new_time\\\": \\\"-0.5\\\"", "video_new_time", "negative")]
    [InlineData("\\\"old_time\\\": \\\"twelve\\\"", "video_old_time", "not a number")]
    [InlineData("\\\"old_time\\\": \\\"\\\"", "video_old_time", "not a number")]
    [InlineData("\\\"old_time\\\": true", "video_old_time", "not a number")]
    [InlineData("\\\"old_time\\\": [1]", "video_old_time", "not a number")]
    [InlineData("\\\"new_speed\\\": \\\"0\\\"", "video_new_speed", "a speed of zero")]
    [InlineData("\\\"old_speed\\\": -0.0", "video_old_speed", "a speed of zero")]
    [InlineData("\\\"old_speed\\\": \\\"NaN\\\"", "video_old_speed", "not a finite number")]
    public void ABadNumberIsNullWithAWarningAndTheRowIsKept(string member, string column, string warning)
    {
        string line = TrackingLogLineParserTests.ReplaceEvent(BrowserPlay, "\"event\": \"{\\\"id\\\": \\\"" + OldVideoHtmlId + "\\\", " + member + "}\"");
        var (row, warnings) = Row(line);
        int index = Array.FindIndex(s_columns, c => c.Name == column);
        Assert.Equal("\\N", Fields(row)[index]);
        var only = Assert.Single(warnings);
        Assert.Equal(column, only.Column);
        Assert.StartsWith(warning, only.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\\\"currentTime\\\": null", "video_current_time", "\\N")]
    [InlineData("\\\"currentTime\\\": 0", "video_current_time", "\"0\"")]
    [InlineData("\\\"currentTime\\\": -0.0", "video_current_time", "\"0\"")]
    [InlineData("\\\"currentTime\\\": \\\" 12.50 \\\"", "video_current_time", "\"12.5\"")]
    [InlineData("\\\"currentTime\\\": 1.5E-7", "video_current_time", "\"0.00000015\"")]
    [InlineData("\\\"currentTime\\\": 3000000000", "video_current_time", "\"3000000000\"")]
    [InlineData("\\\"new_time\\\": \\\"1e3\\\"", "video_new_time", "\"1000\"")]
    [InlineData("\\\"new_speed\\\": \\\"2.0\\\"", "video_new_speed", "\"2\"")]
    [InlineData("\\\"new_speed\\\": 0.75", "video_new_speed", "\"0.75\"")]
    [InlineData("\\\"code\\\": \\\"hls\\\"", "code", "\"hls\"")]
    public void GoodNumbersAreWrittenShortAndPlain(string member, string column, string expected)
    {
        string line = TrackingLogLineParserTests.ReplaceEvent(BrowserPlay, "\"event\": \"{\\\"id\\\": \\\"" + OldVideoHtmlId + "\\\", " + member + "}\"");
        var (row, warnings) = Row(line);
        Assert.Equal(expected, Fields(row)[Array.FindIndex(s_columns, c => c.Name == column)]);
        Assert.Empty(warnings);
    }

    [Fact]
    public void TheUserIdIsThePseudonymOfTheStrippedUsernameAlsoKeyed()
    {
        var (plain, _) = Row(BrowserPlay.Replace("\"learner7\"", "\"learner7\\n\"", StringComparison.Ordinal));
        Assert.Equal("\"" + Pseudonym.Ripemd160Hex("learner7") + "\"", Fields(plain)[2]);

        byte[] key = Encoding.UTF8.GetBytes("a secret key");
        var (keyed, _) = Row(BrowserPlay, key);
        Span<byte> hex = stackalloc byte[40];
        Pseudonym.Hex(key, "learner7"u8, hex);
        Assert.Equal("\"" + Encoding.ASCII.GetString(hex) + "\"", Fields(keyed)[2]);
        Assert.NotEqual(Fields(plain)[2], Fields(keyed)[2]);
    }

    [Fact]
    public void TheUrlAndCodeAreEmptyWhenAbsentAndTextIsEscapedForTheDialect()
    {
        string line = BrowserPlay.Replace(", \"page\": \"https://courses.edx.org/courses/BerkeleyX/Stat_2.1x/1T2014/courseware/week1/lecture1/\"", ", \"page\": null", StringComparison.Ordinal)
            .Replace("\\\"code\\\":\\\"html5\\\"", "\\\"code\\\":null", StringComparison.Ordinal)
            .Replace("\"learner7\"", "\"a\\\"b\\\\c\"", StringComparison.Ordinal);
        var (row, _) = Row(line);
        var fields = Fields(row);
        Assert.Equal("\"\"", fields[6]);
        Assert.Equal("\"\"", fields[7]);
        Assert.Equal("\"" + Pseudonym.Ripemd160Hex("a\"b\\c") + "\"", fields[2]);
    }

    [Fact]
    public void TheRowSourceRefusesAFieldItDoesNotHave()
    {
        var e = Assert.Throws<ArgumentException>(() => new ClickEventRowSource(["event.id", "username"]));
        Assert.Contains("'event.id'", e.Message, StringComparison.Ordinal);
        Assert.Contains(ClickSourceFields.VideoKey, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DateTime6RejectsNothingItCannotReadSilently()
    {
        var cell = new CellWriter();
        var sink = new Sink();
        cell.Warnings = sink;
        cell.BeginRow(0);
        cell.BeginField(0, "t", SqlType.LongText, 0, nullable: true);
        ClickConversions.DateTime6Utc(cell, FieldValue.Text("2014-05-15 19:03"u8));
        cell.EndField();
        cell.BeginField(1, "u", SqlType.LongText, 0, nullable: true);
        ClickConversions.DateTime6Utc(cell, FieldValue.Null);
        cell.EndField();
        cell.BeginField(2, "v", SqlType.LongText, 0, nullable: true);
        ClickConversions.WriteDateTime6(cell, new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(19));
        cell.EndField();
        cell.EndRow();
        Assert.Equal("\\N,\\N,\"0001-01-01 00:00:00.000001\"\n", Encoding.UTF8.GetString(cell.Row));
        Assert.Single(sink.Warnings);
    }

    private static string[] Fields(string row) => row.TrimEnd('\n').Split(',');

    private static (string Row, List<(string Column, string Message)> Warnings) Row(string line, byte[]? pseudonymKey = null)
    {
        var parser = Parser();
        Assert.Equal(ClickLineOutcome.Click, parser.Parse(Bytes(line)));
        var source = new ClickEventRowSource([.. s_columns.Select(c => c.Field)]);
        source.Set(parser.Event);
        var sink = new Sink();
        var cell = new CellWriter { PseudonymKey = pseudonymKey, Warnings = sink };
        cell.BeginRow(0);
        for (int i = 0; i < s_columns.Length; i++)
        {
            // Until click_events is declared (its datetime(6) and double types), a column without a size is written unchecked.
            cell.BeginField(i, s_columns[i].Name, s_columns[i].Size > 0 ? SqlType.Varchar : SqlType.LongText, s_columns[i].Size, nullable: true);
            s_columns[i].Convert(cell, source.Get(i));
            cell.EndField();
        }

        cell.EndRow();
        return (Encoding.UTF8.GetString(cell.Row), sink.Warnings);
    }

    private sealed class Sink : IWarningSink
    {
        public List<(string Column, string Message)> Warnings { get; } = [];

        public void Warn(string column, string message) => Warnings.Add((column, message));
    }
}
