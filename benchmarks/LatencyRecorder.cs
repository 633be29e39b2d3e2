namespace Personalization.Benchmarks;

/// <summary>Collects latencies from many threads and reports percentiles.</summary>
internal sealed class LatencyRecorder
{
    private readonly List<double> _milliseconds = [];
    private readonly Lock _lock = new();

    public void Add(TimeSpan elapsed) => Add(elapsed.TotalMilliseconds);

    public void Add(double milliseconds)
    {
        lock (_lock) _milliseconds.Add(milliseconds);
    }

    public int Count
    {
        get { lock (_lock) return _milliseconds.Count; }
    }

    public double Percentile(double p)
    {
        lock (_lock)
        {
            if (_milliseconds.Count == 0) return double.NaN;
            var sorted = _milliseconds.Order().ToArray();
            var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
        }
    }

    public string Summary() =>
        $"n={Count}, p50={Percentile(50):F2} ms, p90={Percentile(90):F2} ms, p99={Percentile(99):F2} ms, max={Percentile(100):F2} ms";
}
