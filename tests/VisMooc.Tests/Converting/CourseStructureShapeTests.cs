using VisMooc.Modules.Pipeline;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Converting;

/// <summary>course_structure files whose blocks lack keys the exporter usually writes (metadata holds only what was set).</summary>
public sealed class CourseStructureShapeTests
{
    private const string C = "O-C-R";

    [Fact]
    public void BlocksWithoutChildrenCategoryOrMetadataAreReadAsLeavesAndUnnamedSteps()
    {
        using var h = new ConvertHarness();
        h.Write(C, "course_structure-prod-analytics.json", """
            {"i4x://O/C/chapter/a": {"category": "chapter", "metadata": {"display_name": "No children key"}},
             "i4x://O/C/course/R": {"category": "course", "children": ["i4x://O/C/chapter/a", "i4x://O/C/chapter/b", "i4x://O/C/chapter/c"]},
             "i4x://O/C/chapter/b": {"category": "chapter", "children": null, "metadata": {"display_name": "Null children"}},
             "i4x://O/C/chapter/c": {"children": ["i4x://O/C/video/v"], "metadata": {"display_name": "No category"}},
             "i4x://O/C/video/v": {"category": "video"},
             "i4x://O/C/video/w": {"category": "video", "children": "not a list", "metadata": "not an object"}}
            """);

        var result = h.Convert();

        Assert.Equal(ConvertOutcome.Done, result.Outcome);

        // The root has no metadata at all: no name, no start (so no year), no end.
        Assert.Equal(new string?[] { "O/C/R", "", "", "O", "", "", null, null, "", "" }, h.Rows("courses").Single()[1..]);
        Assert.Equal(
            [("i4x://O/C/video/v", "", "2>>No category>>0>>>>", ""), ("i4x://O/C/video/w", "", "", "")],
            h.Rows("videos").Select(r => (r[1], r[2], r[3], r[5])));
        Assert.All(h.Rows("course_video"), r => Assert.Equal("O/C/R", r[1]));
    }

    [Fact]
    public void WithoutACourseBlockThereIsNoCourseRowAndEveryVideoIsUnreachable()
    {
        // Contract: courses comes from "the first block whose category is course"; videos the tree does
        // not reach get an empty section. With no root, course_video has no course id to give ('').
        using var h = new ConvertHarness();
        h.Write(C, "course_structure-prod-analytics.json", """
            {"i4x://O/C/video/z": {"category": "video", "children": [], "metadata": {"display_name": "Z"}},
             "i4x://O/C/video/a": {"category": "video", "children": [], "metadata": {"display_name": "A"}}}
            """);

        var result = h.Convert();

        Assert.Equal(ConvertOutcome.Done, result.Outcome);
        Assert.Empty(h.Rows("courses"));
        Assert.Equal([C + "-course_structure-prod-analytics.json: course tree: no block has category 'course'; no course row written"],
            ConvertHarness.Stats(result, C, "courses").WarningExamples);
        Assert.Equal([("i4x://O/C/video/a", ""), ("i4x://O/C/video/z", "")], h.Rows("videos").Select(r => (r[1], r[3])));
        Assert.Equal([("", "i4x://O/C/video/a"), ("", "i4x://O/C/video/z")], h.Rows("course_video").Select(r => (r[1], r[2])));
        Assert.Equal(ConvertContractTests.ReferenceHash("|i4x://O/C/video/a"), h.Rows("course_video")[0][0]);
    }
}
