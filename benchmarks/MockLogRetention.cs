using Confluent.Kafka;
using Personalization.Ingestion.Mock;

namespace Personalization.Benchmarks;

/// <summary>Keeps the mock broker's log short while a benchmark runs: every <c>period</c> it drops the records of each
/// partition below the consumer group's committed offset, as a real broker's retention eventually would. Needed
/// because the mock finds a fetch offset by walking its whole retained log (librdkafka keeps no index there), so
/// without it every fetch costs more the longer the run, and that CPU is taken from the silo on the same cores; a real
/// broker looks offsets up in an index and runs on other machines. Only committed records go: those are durable in
/// the silo's state and no consumer of the group reads them again.</summary>
internal sealed class MockLogRetention : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public MockLogRetention(MockKafkaCluster kafka, string topic, int partitions, string groupId, TimeSpan period)
    {
        _loop = Task.Run(async () =>
        {
            // Reads the group's commits without joining it (no subscribe): the silos' assignment is untouched.
            using var reader = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = kafka.BootstrapServers, GroupId = groupId }).Build();
            var all = Enumerable.Range(0, partitions).Select(p => new TopicPartition(topic, p)).ToList();
            var deleted = new long[partitions];
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(period, _stop.Token);
                    foreach (var committed in reader.Committed(all, TimeSpan.FromSeconds(5)))
                    {
                        var (p, offset) = (committed.Partition.Value, committed.Offset.Value);
                        if (offset <= deleted[p]) continue;
                        kafka.DeleteRecordsBefore(topic, p, offset);
                        deleted[p] = offset;
                    }
                }
                catch (OperationCanceledException) { }
                catch (KafkaException e)
                {
                    // A slow offset fetch while the silo is busy: the log is only trimmed later.
                    Console.Error.WriteLine($"log retention skipped a round: {e.Error.Reason}");
                }
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
