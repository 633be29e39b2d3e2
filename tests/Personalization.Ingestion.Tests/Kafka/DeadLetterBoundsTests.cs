using Personalization.Testing;
using System.Security.Cryptography;
using System.Text;
using Confluent.Kafka;
using Personalization.Ingestion.Consuming;
using Personalization.Contract;

namespace Personalization.Ingestion.Tests.Kafka;

/// <summary>A record the broker accepted is always dead-lettered within bounds, once, and nothing a dead-letter
/// publish cannot do stalls a partition.</summary>
[Collection(KafkaCollection.Name)]
public sealed class DeadLetterBoundsTests(MockKafkaFixture kafka)
{
    [Fact]
    public async Task A_record_over_a_megabyte_is_dead_lettered_once_as_a_bounded_prefix_with_its_length_and_hash_and_every_partition_moves_on()
    {
        var options = kafka.NewTopics(partitions: 4);
        var users = Enumerable.Range(0, 12).Select(i => $"user-{i}").ToList();
        var oversized = Encoding.UTF8.GetBytes(
            $$"""{"pad":"{{new string('x', 1_000_100)}}","eventId":"big-1","userId":"user-0","itemId":"i","type":"view","timestamp":{{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}}}""");
        using (var big = new ProducerBuilder<string, byte[]>(new ProducerConfig
               { BootstrapServers = options.BootstrapServers, MessageMaxBytes = 2_000_000 }).Build())
            await big.ProduceAsync(options.Topic, new Message<string, byte[]> { Key = "user-0", Value = oversized });
        using var traffic = new ClickstreamTraffic(options);
        var notJson = users.Select(u => (Key: u, Value: Encoding.UTF8.GetBytes($"not json from {u}"))).ToList();
        foreach (var (key, value) in notJson) await traffic.SendAsync(key, value);
        var valid = await traffic.ProduceInterleavedAsync(users, perUser: 3);
        var total = 1 + notJson.Count + valid.Count;
        var sink = new RecordingSink();

        await using (var consumer = await RunningConsumer.StartAsync(options, sink))
            await Eventually.Until(() => kafka.Committed(options, 4).Values.Where(o => o > 0).Sum() == total,
                "every partition is committed past the oversized record", seconds: 30);

        Assert.Equal(valid.Count, sink.Count);
        foreach (var user in users) Assert.Equal(valid.Where(e => e.UserId == user), sink.EventsOf(user).Select(e => e.Event));
        var letters = DeadLetterReader.ReadAll(options, 1 + notJson.Count);
        Assert.Equal(1 + notJson.Count, DeadLetterReader.Count(options));
        var big1 = Assert.Single(letters, l => l.Headers.ContainsKey(DeadLetterHeaders.OriginalTruncated));
        Assert.Equal("oversized", big1.Headers[DeadLetterHeaders.ReasonCode]);
        Assert.Equal(oversized[..options.DeadLetter.MaxValueBytes], big1.Value);
        Assert.Equal("true", big1.Headers[DeadLetterHeaders.OriginalTruncated]);
        Assert.Equal(oversized.Length.ToString(), big1.Headers[DeadLetterHeaders.OriginalLength]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(oversized)), big1.Headers[DeadLetterHeaders.OriginalSha256]);
        var others = letters.Where(l => l != big1).ToList();
        Assert.Equal(notJson.Select(r => r.Value).OrderBy(Encoding.UTF8.GetString), others.Select(l => l.Value!).OrderBy(Encoding.UTF8.GetString));
        Assert.All(others, l => Assert.False(l.Headers.ContainsKey(DeadLetterHeaders.OriginalTruncated)));
    }

    [Fact]
    public async Task A_huge_key_is_cut_in_the_dead_letter_record_and_in_the_reason_that_quotes_it()
    {
        var options = kafka.NewTopics(partitions: 1);
        using var traffic = new ClickstreamTraffic(options);
        var key = new string('k', 200_000);
        await traffic.SendAsync(key, ClickEventJson.Serialize(ClickEvents.Numbered("u1", 0)));
        await traffic.SendAsync("u1", ClickEventJson.Serialize(ClickEvents.Numbered("u1", 1)));
        var sink = new RecordingSink();

        await using (var consumer = await RunningConsumer.StartAsync(options, sink))
            await Eventually.Until(() => kafka.Committed(options, 1)[0] == 2, "both records are committed");

        var letter = Assert.Single(DeadLetterReader.ReadAll(options, 1));
        Assert.Equal("key_mismatch", letter.Headers[DeadLetterHeaders.ReasonCode]);
        Assert.Equal(key[..options.DeadLetter.MaxKeyBytes], letter.Key);
        Assert.Equal(key.Length.ToString(), letter.Headers[DeadLetterHeaders.OriginalKeyLength]);
        Assert.Equal("true", letter.Headers[DeadLetterHeaders.OriginalKeyTruncated]);
        Assert.InRange(Encoding.UTF8.GetByteCount(letter.Headers[DeadLetterHeaders.Reason]), 1, options.DeadLetter.MaxHeaderBytes);
        Assert.Single(sink.EventsOf("u1"));
    }

    [Fact]
    public async Task A_record_the_dead_letter_topic_keeps_refusing_is_given_up_after_the_configured_attempts_counted_and_the_partition_moves_on()
    {
        var options = kafka.NewTopics(partitions: 1);
        options.DeadLetter.PermanentFailureAttempts = 3;
        using var traffic = new ClickstreamTraffic(options);
        await traffic.SendAsync("u1", "not json");
        var after = ClickEvents.Numbered("u1", 1);
        await traffic.SendAsync("u1", ClickEventJson.Serialize(after));
        const int messageTooLarge = 10;
        kafka.Cluster.FailNextProduceRequests(messageTooLarge, count: 3);
        var metrics = new IngestionMetrics();
        using var recorder = new MetricsRecorder(metrics);
        var sink = new RecordingSink();

        await using (var consumer = await RunningConsumer.StartAsync(options, sink, metrics))
            await Eventually.Until(() => kafka.Committed(options, 1)[0] == 2, "the partition is committed past the refused record");

        Assert.Equal([after], sink.EventsOf("u1").Select(e => e.Event));
        Assert.Equal(1, recorder["pz.ingest.dead_letter.failed"]);
        Assert.Equal(0, recorder["pz.ingest.events.dead_lettered"]);
        Assert.Equal(0, DeadLetterReader.Count(options));
    }

    [Fact]
    public async Task Dead_letter_records_of_a_batch_retried_through_an_outage_of_the_grains_are_published_once()
    {
        var options = kafka.NewTopics(partitions: 1);
        options.SinkAttempts = 2;
        using var traffic = new ClickstreamTraffic(options);
        await traffic.SendAsync("x", "not json 1");
        await traffic.SendAsync("y", "not json 2");
        var produced = await traffic.ProduceInterleavedAsync(["x", "y"], perUser: 2);
        var down = true;
        var sink = new RecordingSink { Fail = (_, _) => Volatile.Read(ref down) ? new TimeoutException("silo down") : null };

        await using var consumer = await RunningConsumer.StartAsync(options, sink);
        await Eventually.Until(() => sink.Calls >= 12, "the batch is read again several times during the outage");
        Volatile.Write(ref down, false);
        await Eventually.Until(() => kafka.Committed(options, 1)[0] == 2 + produced.Count, "the batch is committed after recovery");

        Assert.Equal(2, DeadLetterReader.Count(options));
        Assert.Equal(["not json 1", "not json 2"], DeadLetterReader.ReadAll(options, 2).Select(l => Encoding.UTF8.GetString(l.Value!)));
    }
}
