using System.Text;
using Confluent.Kafka;
using Personalization.Ingestion.Configuration;
using Personalization.Contract;
using Personalization.Testing;

namespace Personalization.Ingestion.Tests.Kafka;

/// <summary>Writes test records to a topic with a plain producer, as any shop's producer would.</summary>
internal sealed class ClickstreamTraffic(KafkaOptions options) : IDisposable
{
    private readonly IProducer<byte[]?, byte[]?> _producer =
        new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig { BootstrapServers = options.BootstrapServers, LingerMs = 1 }).Build();

    /// <summary>Events first..first+perUser-1 of each user, interleaved across users as live traffic would be.</summary>
    public async Task<List<ClickEvent>> ProduceInterleavedAsync(IReadOnlyList<string> users, int perUser, int first = 0)
    {
        var events = new List<ClickEvent>(users.Count * perUser);
        for (var i = first; i < first + perUser; i++)
            foreach (var user in users) events.Add(ClickEvents.Numbered(user, i));
        foreach (var e in events) await SendAsync(e.UserId, ClickEventJson.Serialize(e), flush: false);
        _producer.Flush(TimeSpan.FromSeconds(10));
        return events;
    }

    public Task<DeliveryResult<byte[]?, byte[]?>> SendAsync(string? key, byte[]? value) => SendAsync(key, value, flush: true);

    public Task<DeliveryResult<byte[]?, byte[]?>> SendAsync(string? key, string value) => SendAsync(key, Encoding.UTF8.GetBytes(value));

    private async Task<DeliveryResult<byte[]?, byte[]?>> SendAsync(string? key, byte[]? value, bool flush)
    {
        var message = new Message<byte[]?, byte[]?> { Key = key is null ? null : Encoding.UTF8.GetBytes(key), Value = value };
        var delivery = _producer.ProduceAsync(options.Topic, message);
        if (flush) _producer.Flush(TimeSpan.FromSeconds(10));
        return await delivery;
    }

    public void Dispose() => _producer.Dispose();
}
