namespace Personalization.Model.Baselines;

/// <summary>A growable array of per-item counters. Writers serialize on a lock (tens of nanoseconds, far below the
/// ingest rate) so no increment is lost while the array grows; readers never block.
/// <see cref="Version"/> changes on every increment so caches can tell when they are stale.</summary>
internal sealed class ItemCounts
{
    private long[] _counts = new long[1024];
    private long _version;
    private int _length;
    private readonly Lock _writeLock = new();

    public long Version => Interlocked.Read(ref _version);

    /// <summary>Number of slots that may hold a non-zero count.</summary>
    public int Length => Volatile.Read(ref _length);

    public long Get(int index)
    {
        var counts = Volatile.Read(ref _counts);
        return (uint)index < (uint)counts.Length ? Volatile.Read(ref counts[index]) : 0;
    }

    public void Increment(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        lock (_writeLock)
        {
            var counts = _counts;
            if (index >= counts.Length)
            {
                var grown = new long[Math.Max(index + 1, counts.Length * 2)];
                Array.Copy(counts, grown, counts.Length);
                Volatile.Write(ref _counts, grown);
                counts = grown;
            }
            Volatile.Write(ref counts[index], counts[index] + 1);
            if (index >= _length) Volatile.Write(ref _length, index + 1);
            Interlocked.Increment(ref _version);
        }
    }
}
