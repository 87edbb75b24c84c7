using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using VisMooc.Modules.IO;

namespace VisMooc.Modules.Pipeline;

/// <summary>
/// The threads of a run that convert chunks of input for every job, and the ordered pass that
/// feeds them: a job's chunks are converted side by side, their results applied one at a time in
/// chunk order on the job's own thread. So whatever depends on earlier records (duplicates,
/// counts, first examples, file order) comes out as in a single-threaded run.
/// </summary>
public sealed class ChunkWorkers : IDisposable
{
    private readonly BlockingCollection<Action> _work = [];
    private readonly Thread[] _threads;
    private readonly CancellationToken _cancellation;

    /// <summary>
    /// Starts <paramref name="threads"/> worker threads; with one or fewer, every chunk is converted
    /// on its job's thread. Once <paramref name="cancellation"/> is cancelled, every pass stops
    /// before its next chunk with <see cref="OperationCanceledException"/>.
    /// </summary>
    public ChunkWorkers(int threads, CancellationToken cancellation = default)
    {
        _cancellation = cancellation;
        _threads = new Thread[threads > 1 ? threads : 0];
        for (int i = 0; i < _threads.Length; i++)
        {
            _threads[i] = new Thread(Work) { IsBackground = true, Name = "vismooc chunk worker " + i.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            _threads[i].Start();
        }
    }

    /// <summary>
    /// Converts every chunk of <paramref name="chunks"/> with <paramref name="convert"/> (on the
    /// workers, each call with a context of its own from <paramref name="newContext"/>, which it
    /// may reuse for later chunks) and applies each result with <paramref name="apply"/> in chunk
    /// order on the calling thread. At most a few chunks are in flight, which bounds the memory.
    /// An exception thrown by a conversion is rethrown here when its chunk's turn comes, as it
    /// would have been in a single-threaded run; nothing of this pass runs after this returns.
    /// </summary>
    public void Run<TContext, TResult>(LfChunkReader chunks, Func<TContext> newContext, Func<TContext, LfChunk, TResult> convert, Action<TResult> apply)
    {
        if (_threads.Length == 0)
        {
            var context = newContext();
            while (true)
            {
                _cancellation.ThrowIfCancellationRequested();
                if (!chunks.TryRead(out var chunk))
                {
                    break;
                }

                TResult result;
                try
                {
                    result = convert(context, chunk);
                }
                finally
                {
                    chunk.Return();
                }

                apply(result);
            }

            return;
        }

        new Pass<TContext, TResult>(this, newContext, convert).Run(chunks, apply);
    }

    /// <summary>Stops the threads once the work handed to them is done.</summary>
    public void Dispose()
    {
        _work.CompleteAdding();
        foreach (var thread in _threads)
        {
            thread.Join();
        }

        _work.Dispose();
    }

    private void Work()
    {
        foreach (var work in _work.GetConsumingEnumerable())
        {
            work();
        }
    }

    /// <summary>One file's chunks in flight: their results by sequence number, until applied.</summary>
    private sealed class Pass<TContext, TResult>(ChunkWorkers workers, Func<TContext> newContext, Func<TContext, LfChunk, TResult> convert)
    {
        private readonly ConcurrentBag<TContext> _contexts = [];
        private readonly object _lock = new();
        private readonly Slot[] _slots = new Slot[(2 * workers._threads.Length) + 1];
        private long _finished;
        private volatile bool _abandoned;

        public void Run(LfChunkReader chunks, Action<TResult> apply)
        {
            long handedOut = 0;
            long applied = 0;
            bool more = true;
            try
            {
                while (true)
                {
                    workers._cancellation.ThrowIfCancellationRequested();

                    // Keep the window full, so no worker waits while this thread applies a result.
                    while (more && handedOut - applied < _slots.Length)
                    {
                        if (!chunks.TryRead(out var chunk))
                        {
                            more = false;
                            break;
                        }

                        long sequence = handedOut++;
                        workers._work.Add(() => Convert(sequence, chunk));
                    }

                    if (applied == handedOut)
                    {
                        return;
                    }

                    Slot slot;
                    lock (_lock)
                    {
                        while (!_slots[applied % _slots.Length].Done)
                        {
                            Monitor.Wait(_lock);
                        }

                        slot = _slots[applied % _slots.Length];
                        _slots[applied % _slots.Length] = default;
                    }

                    slot.Error?.Throw();
                    apply(slot.Result!);
                    applied++;
                }
            }
            finally
            {
                // On failure, chunks not yet converted are skipped, and none still runs when the job moves on.
                _abandoned = true;
                lock (_lock)
                {
                    while (_finished < handedOut)
                    {
                        Monitor.Wait(_lock);
                    }
                }
            }
        }

        private void Convert(long sequence, LfChunk chunk)
        {
            Slot slot = new() { Done = true };
            try
            {
                if (!_abandoned)
                {
                    var context = _contexts.TryTake(out var reused) ? reused : newContext();
                    slot.Result = convert(context, chunk);
                    _contexts.Add(context);
                }
            }
            catch (Exception e)
            {
                slot.Error = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                chunk.Return();
            }

            lock (_lock)
            {
                _slots[sequence % _slots.Length] = slot;
                _finished++;
                Monitor.PulseAll(_lock);
            }
        }

        private struct Slot
        {
            public bool Done;
            public TResult? Result;
            public ExceptionDispatchInfo? Error;
        }
    }
}
