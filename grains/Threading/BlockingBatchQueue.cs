using System.Diagnostics.CodeAnalysis;

namespace Personalization.Grains.Threading;

/// <summary>A queue whose consumers are dedicated threads (the Redis flushers, the ranking threads) that block until
/// work arrives, one item or a batch at a time. A producer wakes a waiting consumer directly (a monitor pulse), not
/// through a thread-pool work item, so under load the work does not wait behind the pool's queue; and an idle
/// consumer blocks without spinning first (unlike <see cref="System.Collections.Concurrent.BlockingCollection{T}"/>),
/// so it costs no CPU.</summary>
internal sealed class BlockingBatchQueue<T>
{
    private readonly Queue<T> _items = new();
    private readonly object _gate = new();
    private int _waiting;
    private bool _closed;

    /// <summary>Items queued and not yet taken.</summary>
    public int Count { get { lock (_gate) return _items.Count; } }

    /// <summary>Queues <paramref name="item"/>; false once <see cref="Close"/> was called.</summary>
    public bool TryAdd(T item)
    {
        lock (_gate)
        {
            if (_closed) return false;
            _items.Enqueue(item);
            if (_waiting > 0) Monitor.Pulse(_gate);
            return true;
        }
    }

    /// <summary>Blocks until at least one item is queued, then moves up to <paramref name="max"/> of them into
    /// <paramref name="batch"/>; false when the queue is closed and empty.</summary>
    public bool TakeBatch(List<T> batch, int max)
    {
        lock (_gate)
        {
            if (!WaitLocked()) return false;
            while (batch.Count < max && _items.TryDequeue(out var item)) batch.Add(item);
            return true;
        }
    }

    /// <summary>Blocks until an item is queued and takes it; false when the queue is closed and empty.</summary>
    public bool Take([MaybeNullWhen(false)] out T item)
    {
        lock (_gate)
        {
            item = default;
            return WaitLocked() && _items.TryDequeue(out item);
        }
    }

    private bool WaitLocked()
    {
        while (_items.Count == 0)
        {
            if (_closed) return false;
            _waiting++;
            Monitor.Wait(_gate);
            _waiting--;
        }
        return true;
    }

    /// <summary>Refuses new items and wakes the consumers; what is queued is still taken.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            Monitor.PulseAll(_gate);
        }
    }
}
