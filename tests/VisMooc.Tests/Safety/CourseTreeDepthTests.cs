using System.Text;
using VisMooc.Modules.Sources.CourseStructure;
using VisMooc.Tests.Load;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Safety;

/// <summary>
/// Issue 11, item 8: a course tree that is one long chain of blocks took memory quadratic in its
/// depth (every ancestor's whole section path was kept: depth 20,000 took 1.26 GB for a 3.7 MB
/// file, 40,000 ran out of memory). Memory is now linear in the file, and nothing recurses.
/// </summary>
public sealed class CourseTreeDepthTests
{
    [Fact]
    public void ADeepChainIsReadAndWalkedInMemoryLinearInTheFile()
    {
        byte[] json = Chain(20_000, videoEvery: 2_000);

        long allocated = 0;
        List<string> sections = [];
        Property.Bounded(json.Length, () =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var blocks = CourseStructureReader.Read(new MemoryStream(json), new HashSet<string>(StringComparer.Ordinal) { "display_name" });
            var tree = CourseTree.Build(blocks);
            byte[] section = [];
            foreach (var (_, node) in tree.Videos)
            {
                int length = tree.Section(node, ref section);
                sections.Add(Encoding.UTF8.GetString(section, 0, Math.Min(length, 40)) + "…" + length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }, perInputByte: 64);

        // The video under chapter i has i + 1 steps, each "0>>c{i}>>" (the chain's blocks are each other's only child).
        Assert.Equal(10, sections.Count);
        Assert.StartsWith("0>>c0>>0>>c1>>0>>c2>>", sections[0], StringComparison.Ordinal);
        Assert.True(allocated < 64L * json.Length, $"allocated {allocated} bytes for a {json.Length}-byte file");
    }

    [Fact]
    public void ADeepChainConvertsWithinASmallHeap()
    {
        // Depth 40,000 (7 MB): the quadratic version needed gigabytes and died; 256 MB is plenty now.
        // A video 5,000 levels down has a section of about 49 KB, which fits videos.section (text,
        // 65,535 bytes); the deeper ones' sections do not, so they are rejected (never cut).
        using var temp = new LoadFixtures.TempFolder();
        var package = CoursePackage.Empty(Path.Combine(temp.Path, "in"));
        package.Write("-course_structure-prod-analytics.json", Chain(40_000, videoEvery: 5_000));
        string output = Path.Combine(temp.Path, "out");

        var run = ToolRunner.Run(["convert", package.Root, "--out", output, "--quiet"],
            new Dictionary<string, string?> { ["DOTNET_GCHeapHardLimit"] = "0x10000000" });

        Assert.True(run.ExitCode == 3, run.StdErr);
        var video = Assert.Single(CoursePackage.Rows(output, "videos"));
        Assert.EndsWith("v4999", video[1]!, StringComparison.Ordinal);
        string section = video[3]!;
        Assert.Equal(5_001, section.Split(">>", StringSplitOptions.RemoveEmptyEntries).Length / 2);
        Assert.StartsWith("0>>c0>>0>>c1>>", section, StringComparison.Ordinal);
        Assert.EndsWith(">>0>>c4999>>1>>v4999>>", section, StringComparison.Ordinal);
        var rejected = File.ReadAllLines(Path.Combine(output, "rejects", "videos.tsv")).Skip(1).ToList();
        Assert.Equal(7, rejected.Count);
        Assert.All(rejected, r => Assert.Contains("videos.section", r, StringComparison.Ordinal));
    }

    /// <summary>A course root, a chain of <paramref name="depth"/> chapters, each the only child of the one before; a video below every <paramref name="videoEvery"/>-th, as a second child.</summary>
    private static byte[] Chain(int depth, int videoEvery)
    {
        var json = new StringBuilder("{\"i4x://X/Y/course/Z\": {\"category\": \"course\", \"children\": [\"i4x://X/Y/chapter/c0\"], \"metadata\": {\"display_name\": \"Z\"}}");
        for (int i = 0; i < depth; i++)
        {
            json.Append(",\n\"i4x://X/Y/chapter/c").Append(i).Append("\": {\"category\": \"chapter\", \"children\": [");
            if (i + 1 < depth)
            {
                json.Append("\"i4x://X/Y/chapter/c").Append(i + 1).Append('"');
            }

            if ((i + 1) % videoEvery == 0)
            {
                json.Append(i + 1 < depth ? ", " : "").Append("\"i4x://X/Y/video/v").Append(i).Append('"');
            }

            json.Append("], \"metadata\": {\"display_name\": \"c").Append(i).Append("\"}}");
            if ((i + 1) % videoEvery == 0)
            {
                json.Append(",\n\"i4x://X/Y/video/v").Append(i).Append("\": {\"category\": \"video\", \"children\": [], \"metadata\": {\"display_name\": \"v").Append(i).Append("\"}}");
            }
        }

        return Encoding.UTF8.GetBytes(json.Append("}\n").ToString());
    }
}
