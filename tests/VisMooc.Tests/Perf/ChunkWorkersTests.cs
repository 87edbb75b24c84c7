using System.Runtime.CompilerServices;
using VisMooc.Modules.IO;
using VisMooc.Modules.Pipeline;

namespace VisMooc.Tests.Perf;

/// <summary>The ordered pass: chunks converted on any thread in any order are applied in chunk order, and a failure surfaces as it would in a single-threaded run.</summary>
public sealed class ChunkWorkersTests
{
    private const int Lines = 200;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void ResultsAreAppliedInChunkOrderWhateverOrderTheyAreConvertedIn(int threads)
    {
        using var workers = new ChunkWorkers(threads);
        using var secondDone = new ManualResetEventSlim();
        var applied = new List<long>();
        var convertedBy = new HashSet<int>();

        workers.Run(OneLinePerChunk(), () => 0, (_, chunk) =>
        {
            // With threads, the first chunk finishes only after the second: out of order on purpose.
            if (threads > 1 && chunk.FirstLine == 1)
            {
                Assert.True(secondDone.Wait(TimeSpan.FromSeconds(30)), "the second chunk was never converted while the first waited");
            }

            lock (convertedBy)
            {
                convertedBy.Add(Environment.CurrentManagedThreadId);
            }

            long line = long.Parse(System.Text.Encoding.ASCII.GetString(chunk.Bytes).TrimEnd('\n'), System.Globalization.CultureInfo.InvariantCulture);
            if (chunk.FirstLine == 2)
            {
                secondDone.Set();
            }

            return line;
        }, applied.Add);

        Assert.Equal(Enumerable.Range(1, Lines).Select(i => (long)i), applied);
        Assert.Equal(threads > 1, !convertedBy.Contains(Environment.CurrentManagedThreadId));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void AFailedChunkIsRethrownInItsTurnAfterTheChunksBeforeItAndNothingRunsOnAfterwards(int threads)
    {
        using var workers = new ChunkWorkers(threads);
        var applied = new List<long>();
        int running = 0;
        var failure = new ConvertException("x.sql", "line 50: a conversion failed");

        var e = Assert.Throws<ConvertException>(() => workers.Run(OneLinePerChunk(), () => 0, (_, chunk) =>
        {
            Interlocked.Increment(ref running);
            try
            {
                return chunk.FirstLine == 50 ? throw failure : chunk.FirstLine;
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }
        }, applied.Add));

        Assert.Same(failure, e);
        Assert.Equal(Enumerable.Range(1, 49).Select(i => (long)i), applied);
        Assert.Equal(0, Volatile.Read(ref running));
    }

    [Fact]
    public void NoTwoThreadsUseOneContextAtOnce()
    {
        using var workers = new ChunkWorkers(4);
        int contexts = 0;
        int shared = 0;
        workers.Run(OneLinePerChunk(), () =>
        {
            Interlocked.Increment(ref contexts);
            return new StrongBox<int>();
        }, (context, chunk) =>
        {
            if (Interlocked.Exchange(ref context.Value, 1) != 0)
            {
                Interlocked.Increment(ref shared);
            }

            Thread.SpinWait(1000);
            Volatile.Write(ref context.Value, 0);
            return 0;
        }, _ => { });

        Assert.Equal(0, shared);
        Assert.InRange(contexts, 1, 4);
    }

    private static LfChunkReader OneLinePerChunk()
    {
        byte[] bytes = System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(1, Lines).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n")));
        return new LfChunkReader(new MemoryStream(bytes), [], 0, 1, 1, line => "too long");
    }
}
