namespace Personalization.Grains.Ranking;

/// <summary>A count of queued work items that a waiting thread blocks on without spinning first (unlike
/// <see cref="SemaphoreSlim"/>), so an idle ranking thread costs no CPU.</summary>
internal sealed class WorkSignal
{
    private readonly object _gate = new();
    private int _count;

    /// <summary>Blocks until an item is signalled, and takes it.</summary>
    public void Wait()
    {
        lock (_gate)
        {
            while (_count == 0) Monitor.Wait(_gate);
            _count--;
        }
    }

    /// <summary>Signals <paramref name="items"/> queued items.</summary>
    public void Release(int items = 1)
    {
        lock (_gate)
        {
            _count += items;
            if (items == 1) Monitor.Pulse(_gate);
            else Monitor.PulseAll(_gate);
        }
    }
}
