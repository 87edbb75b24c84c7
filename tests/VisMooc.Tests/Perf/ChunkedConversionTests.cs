using VisMooc.Generated;
using VisMooc.Modules.Folders;
using VisMooc.Modules.Pipeline;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Perf;

/// <summary>
/// Files converted in chunks on several threads give the bytes of a single-threaded run that reads
/// each file as one chunk: every table, every rejects file and the report (less its elapsed time),
/// with chunk boundaries everywhere (down to one record a chunk), for clean and dirty packages.
/// </summary>
public sealed class ChunkedConversionTests : IDisposable
{
    // Larger than any file here: one chunk a file, converted on the job's own thread.
    private const int WholeFiles = 1 << 24;

    private static readonly int[] s_chunkSizes = [1, 2, 5, 64, 777, 4096];

    private readonly string _temp = Path.Combine(Path.GetTempPath(), "vismooc-chunks-" + Guid.NewGuid().ToString("N")[..12]);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void TheFixturePackagesGiveTheSameBytesInChunksOfAnySize(int threads) =>
        AssertSameBytesInChunks(ConvertHarness.FixturePackages, threads);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void ADirtyPackageGivesTheSameBytesInChunksOfAnySize(int threads)
    {
        string input = Path.Combine(_temp, "dirty");
        DirtyPackage.Write(input);

        var result = AssertSameBytesInChunks(input, threads);

        // The package is as dirty as meant: every kind of finding, in every table read from a file.
        foreach (string table in new[] { "users", "enrollments", "grades", "forum" })
        {
            var stats = result.Tables.Where(t => t.Table == table).ToList();
            Assert.True(stats.Sum(t => t.Rejected) > 20, table + " rejects");
            Assert.True(stats.Sum(t => t.Duplicates) > 5, table + " duplicates");
            Assert.True(stats.Sum(t => t.Warnings) > 5, table + " warnings");
        }

        Assert.Contains(result.Tables, t => t.Findings.ContainsKey("duplicateProfiles"));
        Assert.Contains(result.Tables, t => t.Findings.ContainsKey("profilesWithoutUser"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_temp))
        {
            Directory.Delete(_temp, recursive: true);
        }
    }

    private ConvertResult AssertSameBytesInChunks(string input, int threads)
    {
        string reference = Path.Combine(_temp, "reference");
        var result = Convert(input, reference, 1, WholeFiles);
        var expected = Files(reference);
        Assert.Contains(expected.Keys, f => f.StartsWith("rejects", StringComparison.Ordinal));
        foreach (int size in s_chunkSizes)
        {
            string output = Path.Combine(_temp, $"t{threads}-c{size}");
            Convert(input, output, threads, size);
            var actual = Files(output);
            Assert.Equal(expected.Keys, actual.Keys);
            foreach (var (file, bytes) in expected)
            {
                Assert.True(bytes.SequenceEqual(actual[file]), $"{file} differs with --threads {threads} and chunks of {size} bytes");
            }

            Directory.Delete(output, recursive: true);
        }

        return result;
    }

    private static ConvertResult Convert(string input, string output, int threads, int chunkBytes) =>
        PackageConverter.Run(new ConvertOptions { Input = input, Output = output, Threads = threads, ChunkBytes = chunkBytes }, GeneratedTables.All);

    /// <summary>Every output file by relative path; the report without the lines that name the run's time and folder.</summary>
    private static SortedDictionary<string, byte[]> Files(string folder) =>
        new(Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(folder, f),
            f => Path.GetFileName(f) == ReportFile.Name
                ? System.Text.Encoding.UTF8.GetBytes(string.Join('\n', File.ReadAllLines(f).Where(l => !l.StartsWith("  \"elapsedSeconds\":", StringComparison.Ordinal) && !l.StartsWith("  \"output\":", StringComparison.Ordinal))))
                : File.ReadAllBytes(f)), StringComparer.Ordinal);
}
