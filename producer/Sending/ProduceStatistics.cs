using System.Diagnostics;

namespace Personalization.Producer.Sending;

/// <summary>Counts shared between the send loop and librdkafka's delivery callbacks.</summary>
internal sealed class ProduceStatistics
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _sent, _acked, _errors, _invalid;

    public long Sent => Interlocked.Read(ref _sent);
    public long Acked => Interlocked.Read(ref _acked);
    public long Errors => Interlocked.Read(ref _errors);
    public long Invalid => Interlocked.Read(ref _invalid);
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

    public void OnSent() => Interlocked.Increment(ref _sent);
    public void OnAcked() => Interlocked.Increment(ref _acked);
    public void OnError() => Interlocked.Increment(ref _errors);
    public void OnInvalid() => Interlocked.Increment(ref _invalid);

    public string Line()
    {
        var seconds = Math.Max(Elapsed.TotalSeconds, 1e-3);
        return $"sent {Sent} acked {Acked} rate {Acked / seconds:F0}/s errors {Errors} invalid-input {Invalid} elapsed {Elapsed.TotalSeconds:F1}s";
    }
}
