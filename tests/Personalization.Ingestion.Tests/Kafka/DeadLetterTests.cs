using System.Text;
using Personalization.Ingestion.Consuming;
using Personalization.Contract;
using Personalization.Testing;

namespace Personalization.Ingestion.Tests.Kafka;

[Collection(KafkaCollection.Name)]
public sealed class DeadLetterTests(MockKafkaFixture kafka)
{
    [Fact]
    public async Task Invalid_records_land_in_the_dead_letter_topic_with_reason_and_origin_and_later_records_are_applied()
    {
        var options = kafka.NewTopics(partitions: 1);
        using var traffic = new ClickstreamTraffic(options);
        var good = ClickEvents.Numbered("u1", 0);
        var bad = new (string? Key, byte[]? Value, string Code)[]
        {
            ("u1", "this is not json"u8.ToArray(), "not_json"),
            ("u1", """{"eventId":"x","userId":"u1","type":"view","timestamp":1795780800000}"""u8.ToArray(), "missing_field"),
            ("u1", """{"eventId":"x","userId":"u1","itemId":"i","type":"teleport","timestamp":1795780800000}"""u8.ToArray(), "unknown_type"),
            ("someone-else", ClickEventJson.Serialize(good), "key_mismatch"),
            (null, ClickEventJson.Serialize(good), "key_mismatch"),
            ("u1", null, "not_json"),
            ("u1", Encoding.UTF8.GetBytes($$"""{"pad":"{{new string('x', 17_000)}}"}"""), "oversized"),
        };
        foreach (var (key, value, _) in bad) await traffic.SendAsync(key, value);
        var after = ClickEvents.Numbered("u1", 1);
        await traffic.SendAsync("u1", ClickEventJson.Serialize(good));
        await traffic.SendAsync("u1", ClickEventJson.Serialize(after));
        var sink = new RecordingSink();

        var metrics = new IngestionMetrics();
        using var recorder = new MetricsRecorder(metrics);
        await using (var consumer = await RunningConsumer.StartAsync(options, sink, metrics))
        {
            await Eventually.Until(() => kafka.Committed(options, 1)[0] == bad.Length + 2, "all records are committed");
        }

        Assert.Equal([good, after], sink.EventsOf("u1").Select(e => e.Event));
        // Records of different polls are dead-lettered by concurrent deliveries, so the topic's order is not the
        // source's: each letter is matched to its record by the original offset it carries.
        var letters = DeadLetterReader.ReadAll(options, bad.Length)
            .OrderBy(l => long.Parse(l.Headers[DeadLetterHeaders.OriginalOffset])).ToList();
        Assert.Equal(bad.Length, letters.Count);
        Assert.Equal(bad.Length, DeadLetterReader.Count(options));
        for (var i = 0; i < bad.Length; i++)
        {
            Assert.Equal(bad[i].Code, letters[i].Headers[DeadLetterHeaders.ReasonCode]);
            Assert.StartsWith(bad[i].Code + ": ", letters[i].Headers[DeadLetterHeaders.Reason]);
            Assert.Equal(options.Topic, letters[i].Headers[DeadLetterHeaders.OriginalTopic]);
            Assert.Equal("0", letters[i].Headers[DeadLetterHeaders.OriginalPartition]);
            Assert.Equal(i.ToString(), letters[i].Headers[DeadLetterHeaders.OriginalOffset]);
            Assert.Equal(bad[i].Key, letters[i].Key);
            Assert.Equal(bad[i].Value, letters[i].Value);
        }
        Assert.Equal(bad.Length, recorder["pz.ingest.events.dead_lettered"]);
    }

    [Fact]
    public async Task A_user_whose_events_keep_failing_is_dead_lettered_after_the_configured_attempts_and_others_proceed()
    {
        var options = kafka.NewTopics(partitions: 2);
        options.SinkAttempts = 3;
        using var traffic = new ClickstreamTraffic(options);
        var produced = await traffic.ProduceInterleavedAsync(["poison", "fine-1", "fine-2"], perUser: 3);
        var sink = new RecordingSink { Fail = (user, _) => user == "poison" ? new TimeoutException("grain unavailable") : null };

        await using var consumer = await RunningConsumer.StartAsync(options, sink);
        await Eventually.Until(() => kafka.Committed(options, 2).Values.Where(o => o > 0).Sum() == produced.Count, "all records are committed");

        Assert.Equal(3, sink.EventsOf("fine-1").Count);
        Assert.Equal(3, sink.EventsOf("fine-2").Count);
        Assert.Empty(sink.EventsOf("poison"));
        Assert.True(sink.Attempts["poison"] >= 3, $"poison was tried {sink.Attempts["poison"]} times");
        var letters = DeadLetterReader.ReadAll(options, 3);
        Assert.Equal(3, letters.Count);
        Assert.All(letters, l =>
        {
            Assert.Equal("poison", l.Key);
            Assert.Equal("sink_failed", l.Headers[DeadLetterHeaders.ReasonCode]);
            Assert.Contains("TimeoutException: grain unavailable", l.Headers[DeadLetterHeaders.Reason]);
        });
        Assert.Equal(produced.Where(e => e.UserId == "poison").Select(ClickEventJson.Serialize), letters.Select(l => l.Value));
    }

    [Fact]
    public async Task A_user_whose_calls_hang_is_timed_out_and_dead_lettered_while_others_proceed()
    {
        var options = kafka.NewTopics(partitions: 1);
        options.SinkAttempts = 2;
        options.SinkTimeout = TimeSpan.FromMilliseconds(300);
        using var traffic = new ClickstreamTraffic(options);
        var produced = await traffic.ProduceInterleavedAsync(["hung", "fine"], perUser: 2);
        var sink = new RecordingSink { Hang = user => user == "hung" };

        await using (var consumer = await RunningConsumer.StartAsync(options, sink))
        {
            await Eventually.Until(() => kafka.Committed(options, 1)[0] == produced.Count, "the batch is committed despite the hung user");
            sink.Release();
        }

        Assert.Equal(produced.Where(e => e.UserId == "fine"), sink.EventsOf("fine").Select(e => e.Event));
        var letters = DeadLetterReader.ReadAll(options, 2);
        Assert.All(letters, l => Assert.StartsWith("sink_failed: 2 attempts, last TimeoutException", l.Headers[DeadLetterHeaders.Reason]));
        Assert.Equal(["hung", "hung"], letters.Select(l => l.Key));
    }

    [Fact]
    public async Task A_sink_that_fails_transiently_is_retried_and_nothing_is_dead_lettered()
    {
        var options = kafka.NewTopics(partitions: 1);
        using var traffic = new ClickstreamTraffic(options);
        var produced = await traffic.ProduceInterleavedAsync(["flaky"], perUser: 4);
        var sink = new RecordingSink { Fail = (_, attempt) => attempt <= 2 ? new InvalidOperationException("silo failing over") : null };

        await using var consumer = await RunningConsumer.StartAsync(options, sink);
        await Eventually.Until(() => kafka.Committed(options, 1)[0] == 4, "the events are committed");

        Assert.Equal(produced, sink.EventsOf("flaky").Select(e => e.Event));
        Assert.Equal(0, DeadLetterReader.Count(options));
    }

    [Fact]
    public async Task When_every_user_fails_it_is_an_outage_nothing_is_dead_lettered_or_committed_and_the_batch_is_applied_after_recovery()
    {
        var options = kafka.NewTopics(partitions: 1);
        options.SinkAttempts = 2;
        using var traffic = new ClickstreamTraffic(options);
        var produced = await traffic.ProduceInterleavedAsync(["x", "y"], perUser: 3);
        var down = true;
        var sink = new RecordingSink { Fail = (_, _) => Volatile.Read(ref down) ? new TimeoutException("silo down") : null };

        await using var consumer = await RunningConsumer.StartAsync(options, sink);
        await Eventually.Until(() => sink.Calls >= 8, "the batch is tried again after the first round of attempts");
        Assert.Equal(0, DeadLetterReader.Count(options));
        Assert.Equal(Confluent.Kafka.Offset.Unset.Value, kafka.Committed(options, 1)[0]);

        Volatile.Write(ref down, false);
        await Eventually.Until(() => kafka.Committed(options, 1)[0] == produced.Count, "the batch is committed after recovery");
        Assert.Equal(produced.Where(e => e.UserId == "x"), sink.EventsOf("x").Select(e => e.Event));
        Assert.Equal(produced.Where(e => e.UserId == "y"), sink.EventsOf("y").Select(e => e.Event));
        Assert.Equal(0, DeadLetterReader.Count(options));
    }
}
