namespace Personalization.Ingestion.Publishing;

/// <summary>Whether the click-event producer can publish, from what librdkafka reported: a fatal error (e.g. a
/// broker without idempotence support) makes it unable for good; a failed delivery makes it unable until a later
/// delivery succeeds. A failure older than <see cref="FailureMemory"/> is forgotten, so a readiness probe that took
/// the API out of traffic lets it back in to try again.</summary>
public sealed class KafkaPublisherHealth(TimeProvider? time = null)
{
    public static readonly TimeSpan FailureMemory = TimeSpan.FromSeconds(30);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _lock = new();
    private string? _fatal;
    private (DateTimeOffset At, string Reason)? _lastFailure;
    private DateTimeOffset? _lastSuccess;

    public void OnFatal(string reason) { lock (_lock) _fatal = reason; }

    public void OnDelivered() { lock (_lock) _lastSuccess = _time.GetUtcNow(); }

    public void OnFailed(string reason) { lock (_lock) _lastFailure = (_time.GetUtcNow(), reason); }

    /// <summary>Null when the producer can publish; otherwise why not.</summary>
    public string? Problem()
    {
        lock (_lock)
        {
            if (_fatal is not null) return $"Kafka producer fatal error: {_fatal}";
            if (_lastFailure is not { } failure || _time.GetUtcNow() - failure.At > FailureMemory) return null;
            return _lastSuccess >= failure.At ? null : $"Kafka deliveries failing: {failure.Reason}";
        }
    }
}
