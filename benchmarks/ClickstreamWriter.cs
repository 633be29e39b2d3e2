using System.Diagnostics;
using Confluent.Kafka;
using Personalization.Contract;

namespace Personalization.Benchmarks;

/// <summary>Puts events on the clickstream topic (key = user id, value = contract JSON) as fast as the producer takes
/// them or at a steady rate; a full local queue waits for deliveries instead of failing the benchmark.</summary>
internal sealed class ClickstreamWriter(IProducer<string, byte[]> producer, string topic)
{
    public void Write(ClickEvent e, Headers? headers = null)
    {
        var message = new Message<string, byte[]> { Key = e.UserId, Value = ClickEventJson.Serialize(e), Headers = headers };
        while (true)
        {
            try
            {
                producer.Produce(topic, message);
                return;
            }
            catch (ProduceException<string, byte[]> ex) when (ex.Error.Code == Confluent.Kafka.ErrorCode.Local_QueueFull)
            {
                producer.Poll(TimeSpan.FromMilliseconds(10));
            }
        }
    }

    /// <summary>Writes <paramref name="rate"/> events a second by the schedule "event n goes at n / rate" (short stalls
    /// are caught up) until <paramref name="limit"/> events or <paramref name="stop"/>, then waits for their
    /// acknowledgements. Returns how many were written.</summary>
    public long WriteAtRate(Func<ClickEvent> next, int rate, long limit, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        long sent = 0;
        while (sent < limit && !stop.IsCancellationRequested)
        {
            var due = Math.Min(limit, (long)(clock.Elapsed.TotalSeconds * rate));
            while (sent < due) { Write(next()); sent++; }
            Thread.Sleep(1);
        }
        producer.Flush(TimeSpan.FromSeconds(30));
        return sent;
    }
}
