using Personalization.Contract;

namespace Personalization.Ingestion.Configuration;

/// <summary>Kafka settings shared by the silo's consumer and the web API's publisher (section <c>Kafka</c>).</summary>
public sealed class KafkaOptions
{
    public const string Section = "Kafka";

    /// <summary>host:port list of the brokers (or the embedded mock cluster's bootstrap address).</summary>
    public string BootstrapServers { get; set; } = "";

    public string Topic { get; set; } = "clickstream";

    public string DeadLetterTopic { get; set; } = "clickstream.dlq";

    /// <summary>Where the silos publish purchase-intent crossings (contract/intent-event.schema.json).</summary>
    public string IntentTopic { get; set; } = "intent";

    public string GroupId { get; set; } = "personalization-silos";

    /// <summary>librdkafka properties passed verbatim to every client (security.protocol, sasl.*, ssl.*,
    /// timeouts, enable.idempotence, ...); they win over the typed defaults of this class. Settings the delivery
    /// guarantee depends on (enable.auto.commit, enable.auto.offset.store, acks) are fixed by the code and cannot be
    /// overridden here.</summary>
    public Dictionary<string, string> Client { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How long the group waits for a silo that stopped heartbeating (killed) before its partitions move
    /// (librdkafka session.timeout.ms). 6 s is the least a stock broker accepts (group.min.session.timeout.ms);
    /// the embedded mock cluster accepts less.</summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>librdkafka heartbeat.interval.ms; well under <see cref="SessionTimeout"/>.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>librdkafka partition.assignment.strategy. <c>cooperative-sticky</c> moves only the partitions that
    /// change owner, so the other silos keep consuming through a rebalance.</summary>
    public string PartitionAssignmentStrategy { get; set; } = "cooperative-sticky";

    /// <summary>Most records taken into one batch.</summary>
    public int MaxBatchSize { get; set; } = 2_000;

    /// <summary>How long a batch keeps filling after its first record.</summary>
    public TimeSpan MaxBatchDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Users whose events are applied at the same time (sink calls in flight).</summary>
    public int MaxConcurrentUsers { get; set; } = 512;

    /// <summary>Records read and not yet durable, over all batches in flight; above it the consumer pauses its
    /// partitions until half of them are durable (backpressure, bounded memory).</summary>
    public int MaxInFlightRecords { get; set; } = 20_000;

    /// <summary>Most events of one user in one sink call; under backlog a user's queued events go in one call.</summary>
    public int MaxEventsPerCall { get; set; } = 256;

    /// <summary>How often the durable offsets are committed (the poll thread commits; grain calls keep running).</summary>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>At stop, how long calls in flight may still finish (and be committed) before they are abandoned.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>When partitions are revoked, how long their calls in flight may still finish (and be committed)
    /// before the partitions are handed over; it delays the rebalance by at most this.</summary>
    public TimeSpan RevokeDrainTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Attempts per user and batch before the user's events go to the dead-letter topic.</summary>
    public int SinkAttempts { get; set; } = 6;

    /// <summary>Delay before the first retry; doubles per attempt up to <see cref="SinkMaxRetryDelay"/>.</summary>
    public TimeSpan SinkRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan SinkMaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait for one sink (user grain) call before it counts as a failed attempt (a silo may be
    /// failing over).</summary>
    public TimeSpan SinkTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public ClickEventValidationOptions Validation { get; set; } = new();

    public DeadLetterOptions DeadLetter { get; set; } = new();

    /// <summary>TLS and SASL for every client (<c>Kafka:Security</c>).</summary>
    public KafkaSecurityOptions Security { get; set; } = new();
}
