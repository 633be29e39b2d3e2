namespace Personalization.Ingestion.Consuming;

/// <summary>Commit tracking of one owned partition: the consumer registers every record it reads (in offset order)
/// and marks it durable when its effect is (applied, skipped as a duplicate, or dead-lettered), in any order. The
/// committable offset is the lowest offset not yet durable — everything below it is — or one past the last
/// registered record when all are. A partition that is revoked or lost is <see cref="Abandon"/>ed: completions of
/// its in-flight records are ignored from then on, and a later assignment of the same partition gets a new tracker.</summary>
public sealed class PartitionProgress(int partition)
{
    private readonly Queue<long> _outstanding = new();
    private readonly HashSet<long> _durableAhead = [];
    private readonly Lock _lock = new();
    private long _next = -1;
    // Before the first record: its offset, so nothing is committed until something below it is durable.
    private long _committed = -1;
    private volatile bool _abandoned;

    public int Partition { get; } = partition;

    /// <summary>True once the partition was revoked or lost: nothing of it may be committed by this consumer.</summary>
    public bool IsAbandoned => _abandoned;

    /// <summary>Records registered and not yet durable.</summary>
    public int Outstanding { get { lock (_lock) return _outstanding.Count; } }

    /// <summary>Registers a record just read; offsets must increase.</summary>
    public void Register(long offset)
    {
        lock (_lock)
        {
            if (offset < _next) throw new InvalidOperationException($"partition {Partition}: offset {offset} registered after {_next - 1}");
            if (_next < 0) _committed = offset;
            _outstanding.Enqueue(offset);
            _next = offset + 1;
        }
    }

    /// <summary>Marks a registered record durable (thread-safe, any order).</summary>
    public void MarkDurable(long offset)
    {
        lock (_lock)
        {
            if (_outstanding.Count == 0) return;
            if (_outstanding.Peek() != offset)
            {
                _durableAhead.Add(offset);
                return;
            }
            _outstanding.Dequeue();
            while (_outstanding.Count > 0 && _durableAhead.Remove(_outstanding.Peek())) _outstanding.Dequeue();
        }
    }

    /// <summary>The offset to commit (the next one to read after everything durable), or null when nothing became
    /// durable since the last <see cref="Committed"/> offset, or the partition was abandoned.</summary>
    public long? Committable()
    {
        lock (_lock)
        {
            if (_abandoned || _next < 0) return null;
            var committable = _outstanding.Count > 0 ? _outstanding.Peek() : _next;
            return committable > _committed ? committable : null;
        }
    }

    /// <summary>Records a successful commit of <paramref name="offset"/>.</summary>
    public void Committed(long offset)
    {
        lock (_lock) _committed = Math.Max(_committed, offset);
    }

    public void Abandon() => _abandoned = true;
}
