using System.Collections.Concurrent;
using Personalization.Grains.Interfaces;
using Personalization.Ingestion.Consuming;

namespace Personalization.Ingestion.Tests.Kafka;

/// <summary>The test's own sink: records every delivered event per user in delivery order, can hold calls until
/// released, and can fail chosen users.</summary>
public sealed class RecordingSink : IClickEventSink
{
    private readonly ConcurrentDictionary<string, List<SequencedClickEvent>> _byUser = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstCall = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    private int _maxInFlight;
    private int _calls;

    /// <summary>When true, every call waits for <see cref="Release"/> (or cancellation) before returning.</summary>
    public bool Hold { get; init; }

    /// <summary>Users whose calls never return, not even when cancelled (a hung grain), until <see cref="Release"/>.</summary>
    public Func<string, bool> Hang { get; init; } = _ => false;

    /// <summary>Returns the exception a call for this user and attempt should throw, or null to succeed.</summary>
    public Func<string, int, Exception?> Fail { get; init; } = (_, _) => null;

    /// <summary>Simulated work per call, so calls of different users overlap.</summary>
    public TimeSpan Work { get; init; }

    /// <summary>Simulated work per call for chosen users, on top of <see cref="Work"/>.</summary>
    public Func<string, TimeSpan> WorkOf { get; init; } = _ => TimeSpan.Zero;

    public ConcurrentDictionary<string, int> Attempts { get; } = new(StringComparer.Ordinal);

    public int MaxConcurrentCalls => Volatile.Read(ref _maxInFlight);

    public int Calls => Volatile.Read(ref _calls);

    public Task FirstCall => _firstCall.Task;

    public void Release() => _release.TrySetResult();

    public int Count => _byUser.Values.Sum(l => { lock (l) return l.Count; });

    public IReadOnlyList<SequencedClickEvent> EventsOf(string userId)
    {
        var list = _byUser.GetValueOrDefault(userId);
        if (list is null) return [];
        lock (list) return [.. list];
    }

    public IReadOnlyList<SequencedClickEvent> All() => [.. _byUser.Keys.SelectMany(EventsOf)];

    public async Task<ApplyResult> ApplyAsync(string userId, IReadOnlyList<SequencedClickEvent> events, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        var inFlight = Interlocked.Increment(ref _inFlight);
        int seen;
        while (inFlight > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, inFlight, seen) != seen) { }
        try
        {
            _firstCall.TrySetResult();
            var attempt = Attempts.AddOrUpdate(userId, 1, (_, n) => n + 1);
            if (Work + WorkOf(userId) is { } work && work > TimeSpan.Zero) await Task.Delay(work, cancellationToken);
            if (Hold) await _release.Task.WaitAsync(cancellationToken);
            if (Hang(userId)) await _release.Task;
            if (Fail(userId, attempt) is { } failure) throw failure;
            var list = _byUser.GetOrAdd(userId, _ => []);
            lock (list) list.AddRange(events);
            return new ApplyResult(events.Count, 0, 0, 0);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
