using System.Diagnostics;

namespace Personalization.Benchmarks.Chaos;

/// <summary>Asks the API for a user's recommendations every 100 ms and records the seconds it could not answer.</summary>
internal sealed class ApiAvailabilityProbe : IAsyncDisposable
{
    private readonly Stopwatch _clock;
    private readonly List<(double From, double To)> _outages = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly double _startedS;
    private double? _down;
    private bool _answered;

    public ApiAvailabilityProbe(HttpClient http, Stopwatch clock)
    {
        _clock = clock;
        _startedS = clock.Elapsed.TotalSeconds;
        _loop = Task.Run(() => ProbeAsync(http));
    }

    /// <summary>Waits until the API has answered every probe for <paramref name="steady"/> (the cold start of the
    /// system is not a fault), then forgets the outages so far; returns false when that took longer than
    /// <paramref name="limit"/>.</summary>
    public async Task<bool> WaitUntilSteadyAsync(TimeSpan steady, TimeSpan limit)
    {
        var deadline = _clock.Elapsed + limit;
        while (_clock.Elapsed < deadline)
        {
            lock (_outages)
            {
                var since = _down is null ? _clock.Elapsed.TotalSeconds - (_outages.Count > 0 ? _outages[^1].To : _startedS) : 0;
                if (_answered && since >= steady.TotalSeconds)
                {
                    _outages.Clear();
                    return true;
                }
            }
            await Task.Delay(100);
        }
        return false;
    }

    /// <summary>Seconds without an answer, in all and outside the given fault windows (each widened by
    /// <paramref name="grace"/> for the recovery the targets allow).</summary>
    public (double Total, double OutsideFaults) Unavailable(IReadOnlyList<FaultWindow> faults, double grace)
    {
        var outages = Outages;
        var total = outages.Sum(o => o.To - o.From);
        var outside = outages.Sum(o => o.To - o.From - faults.Sum(f => Overlap(o, f.StartS, f.EndS + grace)));
        return (total, Math.Max(0, outside));
    }

    /// <summary>Each interval without an answer, seconds since the benchmark began.</summary>
    public IReadOnlyList<(double From, double To)> Outages
    {
        get { lock (_outages) return [.. _outages]; }
    }

    private static double Overlap((double From, double To) o, double from, double to) =>
        Math.Max(0, Math.Min(o.To, to) - Math.Max(o.From, from));

    private async Task ProbeAsync(HttpClient http)
    {
        while (!_stop.IsCancellationRequested)
        {
            var at = _clock.Elapsed.TotalSeconds;
            var ok = false;
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                using var response = await http.GetAsync("api/users/chaos-probe/recommendations?count=5", timeout.Token);
                ok = response.IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException) { }
            lock (_outages)
            {
                if (!ok) _down ??= at;
                else
                {
                    _answered = true;
                    if (_down is { } from) _outages.Add((from, _clock.Elapsed.TotalSeconds));
                    _down = null;
                }
            }
            try { await Task.Delay(100, _stop.Token); } catch (OperationCanceledException) { }
        }
        lock (_outages)
            if (_down is { } open) _outages.Add((open, _clock.Elapsed.TotalSeconds));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
