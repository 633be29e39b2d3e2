using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Personalization.Ingestion.Configuration;
using Personalization.Ingestion.Consuming;

namespace Personalization.Ingestion.Tests.Kafka;

/// <summary>A started <see cref="KafkaClickstreamConsumer"/>, as a silo runs it, stopped on dispose.</summary>
internal sealed class RunningConsumer : IAsyncDisposable
{
    private bool _stopped;

    private RunningConsumer(KafkaClickstreamConsumer consumer, IngestionMetrics metrics) => (Consumer, Metrics) = (consumer, metrics);

    public KafkaClickstreamConsumer Consumer { get; }

    public IngestionMetrics Metrics { get; }

    public IReadOnlySet<int> Partitions => Consumer.AssignedPartitions.Select(p => p.Partition.Value).ToHashSet();

    public static async Task<RunningConsumer> StartAsync(KafkaOptions options, IClickEventSink sink, IngestionMetrics? metrics = null)
    {
        metrics ??= new IngestionMetrics();
        var consumer = new KafkaClickstreamConsumer(Options.Create(options), sink, NullLogger<KafkaClickstreamConsumer>.Instance, metrics);
        await consumer.StartAsync(CancellationToken.None);
        return new RunningConsumer(consumer, metrics);
    }

    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        await Consumer.StopAsync(CancellationToken.None);
        Consumer.Dispose();
        Metrics.Dispose();
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
