using System.Text;
using Confluent.Kafka;
using Personalization.Ingestion.Configuration;

namespace Personalization.Ingestion.Tests.Kafka;

/// <summary>Reads the dead-letter topic from the beginning, as an operator's tool would.</summary>
internal static class DeadLetterReader
{
    public sealed record Letter(string? Key, byte[]? Value, IReadOnlyDictionary<string, string> Headers);

    /// <summary>Records on the dead-letter topic (its high watermark: exact, no waiting).</summary>
    public static long Count(KafkaOptions options)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig
        {
            BootstrapServers = options.BootstrapServers,
            GroupId = "dlq-reader",
        }).Build();
        return consumer.QueryWatermarkOffsets(new TopicPartition(options.DeadLetterTopic, 0), TimeSpan.FromSeconds(5)).High.Value;
    }

    public static List<Letter> ReadAll(KafkaOptions options, int expected)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = options.BootstrapServers,
            GroupId = "dlq-reader",
            EnableAutoCommit = false,
        }).Build();
        consumer.Assign(new TopicPartitionOffset(options.DeadLetterTopic, 0, Offset.Beginning));
        var letters = new List<Letter>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (letters.Count < expected && DateTime.UtcNow < deadline)
        {
            var r = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (r is null) continue;
            letters.Add(new Letter(r.Message.Key is null ? null : Encoding.UTF8.GetString(r.Message.Key), r.Message.Value,
                r.Message.Headers.ToDictionary(h => h.Key, h => Encoding.UTF8.GetString(h.GetValueBytes()))));
        }
        return letters;
    }
}
