namespace Personalization.Grains.Storage;

/// <summary>A queue whose consumers are dedicated threads that block until work arrives and take it in batches. A
/// producer wakes a waiting consumer directly (a monitor pulse), not through a thread-pool work item, so under load a
/// batch does not wait behind the pool's queue before it is sent.</summary>
internal sealed class BlockingBatchQueue<T>
{
    private readonly Queue<T> _items = new();
    private readonly object _gate = new();
    private int _waiting;
    private bool _closed;

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
            while (_items.Count == 0)
            {
                if (_closed) return false;
                _waiting++;
                Monitor.Wait(_gate);
                _waiting--;
            }
            while (batch.Count < max && _items.TryDequeue(out var item)) batch.Add(item);
            return true;
        }
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
