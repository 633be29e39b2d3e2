using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Personalization.Grains.Threading;

namespace Personalization.Grains.Ranking;

/// <summary>Runs ranking work on dedicated threads at a raised priority (<see cref="RankingOptions"/>). Ingest keeps
/// the Orleans scheduler and the thread pool busy in bursts; a query queued there waits behind the burst, and its
/// thread competes with every ingest thread for the two cores. Here a query waits only for other queries, and the OS
/// scheduler prefers its thread. One per silo.</summary>
public sealed partial class RankingScheduler : IDisposable
{
    // Not a BlockingCollection: its Take spins before it blocks, and a spinning ranking thread at a raised priority
    // takes CPU from ingest every time the queue runs empty (measured: a tenth of the silo's managed CPU at 8k events/s).
    private readonly BlockingBatchQueue<Action> _queue = new();
    private readonly Thread[] _threads;
    private readonly ILogger<RankingScheduler> _logger;
    private readonly int _nice;
    private int _priorityLogged;

    public RankingScheduler(IOptions<RankingOptions> options, ILogger<RankingScheduler> logger)
    {
        _logger = logger;
        _nice = options.Value.Nice;
        _threads = Enumerable.Range(0, options.Value.Threads).Select(i => new Thread(Work)
        {
            IsBackground = true,
            Name = $"ranking-{i}",
        }).ToArray();
        foreach (var thread in _threads) thread.Start();
    }

    /// <summary>Queries waiting for a ranking thread.</summary>
    public int Queued => _queue.Count;

    /// <summary>Runs <paramref name="work"/> on a ranking thread; the task completes (off that thread) with its result.</summary>
    public Task<T> Run<T>(Func<T> work)
    {
        if (_threads.Length == 0) return Task.FromResult(work());
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Work queued after Dispose would never run: fail at once, as the BlockingCollection this replaced did.
        if (!_queue.TryAdd(() =>
            {
                try { done.SetResult(work()); }
                catch (Exception error) { done.SetException(error); }
            }))
            throw new ObjectDisposedException(nameof(RankingScheduler));
        return done.Task;
    }

    public void Dispose()
    {
        _queue.Close();
        foreach (var thread in _threads) thread.Join(TimeSpan.FromSeconds(5));
    }

    private void Work()
    {
        RaisePriority();
        while (_queue.Take(out var work)) work();
    }

    private void RaisePriority()
    {
        if (_nice == 0) return;
        string outcome;
        if (OperatingSystem.IsLinux())
        {
            // setpriority(PRIO_PROCESS, tid) sets one thread's nice value on Linux.
            outcome = SetPriority(0, GetThreadId(), _nice) == 0 ? $"nice {_nice}" : $"unchanged (setpriority: errno {Marshal.GetLastPInvokeError()})";
        }
        else
        {
            Thread.CurrentThread.Priority = _nice < 0 ? ThreadPriority.AboveNormal : ThreadPriority.BelowNormal;
            outcome = Thread.CurrentThread.Priority.ToString();
        }
        if (Interlocked.Exchange(ref _priorityLogged, 1) == 0)
            _logger.LogInformation("Ranking runs on {Threads} dedicated threads, priority {Priority}", _threads.Length, outcome);
    }

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();
}
