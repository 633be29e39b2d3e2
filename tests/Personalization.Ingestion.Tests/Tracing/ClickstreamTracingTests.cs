using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Personalization.Grains.Interfaces;
using Personalization.Ingestion.Configuration;
using Personalization.Ingestion.Consuming;
using Personalization.Ingestion.Publishing;
using Personalization.Ingestion.Tests.Kafka;
using Personalization.Ingestion.Tracing;
using Personalization.Testing;

namespace Personalization.Ingestion.Tests.Tracing;

/// <summary>W3C trace context through the clickstream topic: the publisher writes it into the record headers, the
/// consumer continues it around the sink call. In the Kafka collection, so no other test listens meanwhile.</summary>
[Collection(KafkaCollection.Name)]
public sealed class ClickstreamTracingTests(MockKafkaFixture kafka)
{
    [Fact]
    public async Task Published_records_carry_the_send_span_as_traceparent_under_the_callers_span()
    {
        var options = kafka.NewTopics(partitions: 1);
        using var traces = new TraceRecorder();
        using var publisher = new KafkaClickEventPublisher(Options.Create(options), NullLogger<KafkaClickEventPublisher>.Instance);
        using var caller = new ActivitySource("Personalization.Tests").StartActivity("request")!;

        await publisher.PublishAsync([ClickEvents.Numbered("alice", 0), ClickEvents.Numbered("alice", 1)]);
        caller.Stop();

        var send = Assert.Single(traces.Trace(caller.TraceId), a => a.Kind == ActivityKind.Producer);
        Assert.Equal($"send {options.Topic}", send.DisplayName);
        Assert.Equal(caller.SpanId, send.ParentSpanId);
        Assert.Equal(2, send.GetTagItem("messaging.batch.message_count"));
        var records = Read(options, 2);
        Assert.All(records, r =>
        {
            Assert.True(ClickstreamTracing.TryExtract(r.Message.Headers, out var context));
            Assert.Equal((send.TraceId, send.SpanId), (context.TraceId, context.SpanId));
            Assert.True(context.IsRemote);
        });
    }

    [Fact]
    public async Task Without_a_listener_records_carry_no_trace_headers()
    {
        var options = kafka.NewTopics(partitions: 1);
        using var publisher = new KafkaClickEventPublisher(Options.Create(options), NullLogger<KafkaClickEventPublisher>.Instance);

        await publisher.PublishAsync([ClickEvents.Numbered("bob", 0)]);

        var record = Assert.Single(Read(options, 1));
        Assert.False(record.Message.Headers?.TryGetLastBytes("traceparent", out _) ?? false);
    }

    [Fact]
    public async Task The_consumer_calls_the_sink_inside_a_process_span_parented_to_the_records_context()
    {
        var options = kafka.NewTopics(partitions: 2);
        using var traces = new TraceRecorder();
        var sink = new ActivityCapturingSink();
        await using var consumer = await RunningConsumer.StartAsync(options, sink);
        using var publisher = new KafkaClickEventPublisher(Options.Create(options), NullLogger<KafkaClickEventPublisher>.Instance);
        using var caller = new ActivitySource("Personalization.Tests").StartActivity("request")!;
        await publisher.PublishAsync([ClickEvents.Numbered("carol", 0)]);
        caller.Stop();

        // The process span stops once the sink call returned.
        await Eventually.Until(() => traces.Trace(caller.TraceId).Any(a => a.Kind == ActivityKind.Consumer), "the event reaches the sink", seconds: 20);

        var trace = traces.Trace(caller.TraceId);
        var send = Assert.Single(trace, a => a.Kind == ActivityKind.Producer);
        var process = Assert.Single(trace, a => a.Kind == ActivityKind.Consumer);
        Assert.Equal(send.SpanId, process.ParentSpanId);
        Assert.Equal($"process {options.Topic}", process.DisplayName);
        Assert.Contains(process.Links, l => l.Context.SpanId == send.SpanId);
        // The sink ran inside the process span: a grain call from there carries it on.
        Assert.Equal((process.TraceId, process.SpanId), sink.Current["carol"]);
    }

    [Fact]
    public void A_call_over_records_of_several_traces_continues_the_first_and_links_every_one()
    {
        using var traces = new TraceRecorder();
        var (first, second) = (NewContext(), NewContext());
        Headers?[] records = [HeadersOf(first), null, HeadersOf(second), HeadersOf(first)];

        using var process = ClickstreamTracing.StartProcess("clickstream", records, h => h)!;

        Assert.Equal(first.TraceId, process.TraceId);
        Assert.Equal(first.SpanId, process.ParentSpanId);
        Assert.Equal([first.SpanId, second.SpanId], process.Links.Select(l => l.Context.SpanId));
        Assert.Equal(4, process.GetTagItem("messaging.batch.message_count"));
    }

    [Fact]
    public void Records_without_trace_context_start_a_trace_of_their_own()
    {
        using var traces = new TraceRecorder();
        Headers?[] records = [null, new Headers { { "traceparent", Encoding.ASCII.GetBytes("not a traceparent") } }];

        using var process = ClickstreamTracing.StartProcess("clickstream", records, h => h)!;

        Assert.Equal(default, process.ParentSpanId);
        Assert.Empty(process.Links);
    }

    [Fact]
    public async Task A_rejected_record_is_dead_lettered_under_a_send_span_of_its_own_trace()
    {
        var options = kafka.NewTopics(partitions: 1);
        using var traces = new TraceRecorder();
        await using var consumer = await RunningConsumer.StartAsync(options, new ActivityCapturingSink());
        var bad = NewContext();

        var offset = await ProduceAsync(options, "not json", HeadersOf(bad));

        await Eventually.Until(() => traces.Trace(bad.TraceId).Any(a => a.DisplayName == $"send {options.DeadLetterTopic}"),
            "the bad record reaches the dead-letter topic", seconds: 20);
        var send = Assert.Single(traces.Trace(bad.TraceId), a => a.DisplayName == $"send {options.DeadLetterTopic}");
        Assert.Equal(ActivityKind.Producer, send.Kind);
        Assert.Equal(bad.SpanId, send.ParentSpanId);
        Assert.Equal("not_json", send.GetTagItem("pz.dead_letter.reason"));
        Assert.Equal($"{options.Topic}/0/{offset}", send.GetTagItem("pz.dead_letter.original"));
        var letter = Assert.Single(DeadLetterReader.ReadAll(options, 1));
        Assert.Equal($"00-{bad.TraceId}-{send.SpanId}-01", letter.Headers["traceparent"]);
    }

    [Fact]
    public async Task Without_a_listener_a_dead_letter_record_carries_the_bad_records_trace_context_as_it_came()
    {
        var options = kafka.NewTopics(partitions: 1);
        await using var consumer = await RunningConsumer.StartAsync(options, new ActivityCapturingSink());
        var bad = NewContext();
        var headers = HeadersOf(bad);
        headers.Add("tracestate", "vendor=abc"u8.ToArray());

        await ProduceAsync(options, """{"eventId":"e1","userId":"dave"}""", headers);

        await Eventually.Until(() => DeadLetterReader.Count(options) == 1, "the bad record reaches the dead-letter topic", seconds: 20);
        var letter = Assert.Single(DeadLetterReader.ReadAll(options, 1));
        Assert.Equal($"00-{bad.TraceId}-{bad.SpanId}-01", letter.Headers["traceparent"]);
        Assert.Equal("vendor=abc", letter.Headers["tracestate"]);
        Assert.Equal("missing_field", letter.Headers[DeadLetterHeaders.ReasonCode]);
    }

    private static async Task<long> ProduceAsync(KafkaOptions options, string value, Headers headers)
    {
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = options.BootstrapServers }).Build();
        var delivered = await producer.ProduceAsync(options.Topic, new Message<string, byte[]> { Key = "dave", Value = Encoding.UTF8.GetBytes(value), Headers = headers });
        return delivered.Offset.Value;
    }

    private static ActivityContext NewContext() =>
        new(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);

    private static Headers HeadersOf(ActivityContext context) =>
        new() { { "traceparent", Encoding.ASCII.GetBytes($"00-{context.TraceId}-{context.SpanId}-01") } };

    private static List<ConsumeResult<string, byte[]>> Read(KafkaOptions options, int count)
    {
        using var reader = new ConsumerBuilder<string, byte[]>(new ConsumerConfig { BootstrapServers = options.BootstrapServers, GroupId = "reader" }).Build();
        reader.Assign(new TopicPartitionOffset(options.Topic, 0, Offset.Beginning));
        return [.. Enumerable.Range(0, count).Select(_ => reader.Consume(TimeSpan.FromSeconds(10))).Where(r => r is not null)];
    }

    /// <summary>Remembers, per user, the span that was current when the sink was called.</summary>
    private sealed class ActivityCapturingSink : IClickEventSink
    {
        public ConcurrentDictionary<string, (ActivityTraceId, ActivitySpanId)> Current { get; } = new();

        public Task<ApplyResult> ApplyAsync(string userId, IReadOnlyList<SequencedClickEvent> events, CancellationToken cancellationToken)
        {
            if (Activity.Current is { } current) Current[userId] = (current.TraceId, current.SpanId);
            return Task.FromResult(new ApplyResult(events.Count, 0, 0, 0));
        }
    }
}
