using System.Diagnostics;

namespace Personalization.Producer.Sending;

/// <summary>Paces sends to a rate by the schedule "event n goes at n / rate", so short stalls are caught up and the
/// long-run rate is exact.</summary>
internal sealed class RateLimiter(double eventsPerSecond)
{
    private readonly long _start = Stopwatch.GetTimestamp();

    public async ValueTask WaitTurnAsync(long n, CancellationToken cancellationToken)
    {
        if (eventsPerSecond <= 0) return;
        var due = TimeSpan.FromSeconds(n / eventsPerSecond) - Stopwatch.GetElapsedTime(_start);
        if (due > TimeSpan.FromMilliseconds(1)) await Task.Delay(due, cancellationToken);
    }
}
