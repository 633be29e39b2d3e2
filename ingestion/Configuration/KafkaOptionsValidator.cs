using Microsoft.Extensions.Options;

namespace Personalization.Ingestion.Configuration;

/// <summary>Refuses to start with settings that cannot work, naming the key to fix.</summary>
internal sealed class KafkaOptionsValidator : IValidateOptions<KafkaOptions>
{
    public ValidateOptionsResult Validate(string? name, KafkaOptions o)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.BootstrapServers)) errors.Add("Kafka:BootstrapServers is required (host:port[,host:port]).");
        if (string.IsNullOrWhiteSpace(o.Topic)) errors.Add("Kafka:Topic is required.");
        if (string.IsNullOrWhiteSpace(o.DeadLetterTopic)) errors.Add("Kafka:DeadLetterTopic is required.");
        if (o.DeadLetterTopic == o.Topic) errors.Add("Kafka:DeadLetterTopic must differ from Kafka:Topic.");
        if (string.IsNullOrWhiteSpace(o.IntentTopic) || o.IntentTopic == o.Topic || o.IntentTopic == o.DeadLetterTopic)
            errors.Add("Kafka:IntentTopic is required and must differ from Kafka:Topic and Kafka:DeadLetterTopic.");
        if (string.IsNullOrWhiteSpace(o.GroupId)) errors.Add("Kafka:GroupId is required.");
        if (o.MaxBatchSize is < 1 or > 100_000) errors.Add("Kafka:MaxBatchSize must be 1..100000.");
        if (o.MaxBatchDelay < TimeSpan.Zero || o.MaxBatchDelay > TimeSpan.FromSeconds(10)) errors.Add("Kafka:MaxBatchDelay must be 0..10 s.");
        if (o.MaxConcurrentUsers < 1) errors.Add("Kafka:MaxConcurrentUsers must be at least 1.");
        if (o.MaxInFlightRecords < o.MaxBatchSize) errors.Add("Kafka:MaxInFlightRecords must be at least Kafka:MaxBatchSize.");
        if (o.MaxEventsPerCall is < 1 or > 10_000) errors.Add("Kafka:MaxEventsPerCall must be 1..10000.");
        if (o.CommitInterval <= TimeSpan.Zero || o.CommitInterval > TimeSpan.FromMinutes(1)) errors.Add("Kafka:CommitInterval must be positive and at most 1 min.");
        if (o.DrainTimeout < TimeSpan.Zero || o.RevokeDrainTimeout < TimeSpan.Zero || o.RevokeDrainTimeout >= o.SessionTimeout)
            errors.Add("Kafka:DrainTimeout and Kafka:RevokeDrainTimeout must be >= 0, Kafka:RevokeDrainTimeout less than Kafka:SessionTimeout.");
        if (o.SinkAttempts < 1) errors.Add("Kafka:SinkAttempts must be at least 1.");
        if (o.SinkRetryDelay < TimeSpan.Zero || o.SinkMaxRetryDelay < o.SinkRetryDelay)
            errors.Add("Kafka:SinkRetryDelay must be >= 0 and <= Kafka:SinkMaxRetryDelay.");
        if (o.SinkTimeout <= TimeSpan.Zero) errors.Add("Kafka:SinkTimeout must be positive.");
        if (o.Validation.MaxEventBytes < 64) errors.Add("Kafka:Validation:MaxEventBytes must be at least 64.");
        if (o.Validation.MaxIdLength < 1) errors.Add("Kafka:Validation:MaxIdLength must be at least 1.");
        if (o.SessionTimeout < TimeSpan.FromSeconds(1) || o.SessionTimeout > TimeSpan.FromMinutes(5))
            errors.Add("Kafka:SessionTimeout must be 1 s..5 min.");
        if (o.HeartbeatInterval <= TimeSpan.Zero || o.HeartbeatInterval >= o.SessionTimeout)
            errors.Add("Kafka:HeartbeatInterval must be positive and less than Kafka:SessionTimeout.");
        ValidateAssignmentStrategy(o.PartitionAssignmentStrategy, errors);
        ValidateDeadLetter(o.DeadLetter, errors);
        KafkaSecurityOptionsValidator.Validate(o, errors);
        foreach (var key in o.Client.Keys.Where(KafkaClientConfigs.IsFixed))
            errors.Add(key switch
            {
                "bootstrap.servers" => "Kafka:Client:bootstrap.servers is not used: set Kafka:BootstrapServers.",
                "group.id" => "Kafka:Client:group.id is not used: set Kafka:GroupId.",
                _ => $"Kafka:Client:{key} cannot be overridden: the delivery guarantee depends on it.",
            });
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    // librdkafka refuses to mix the cooperative protocol with eager strategies.
    private static void ValidateAssignmentStrategy(string value, List<string> errors)
    {
        string[] known = ["cooperative-sticky", "range", "roundrobin"];
        var names = (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0 || names.Any(n => !known.Contains(n)))
            errors.Add("Kafka:PartitionAssignmentStrategy must be cooperative-sticky, or range and/or roundrobin.");
        else if (names.Length > 1 && names.Contains("cooperative-sticky"))
            errors.Add("Kafka:PartitionAssignmentStrategy: cooperative-sticky cannot be combined with eager strategies.");
    }

    // The sum stays far below the broker's default message.max.bytes, so a dead-letter record always fits.
    private static void ValidateDeadLetter(DeadLetterOptions d, List<string> errors)
    {
        if (d.MaxValueBytes is < 256 or > 512 * 1024) errors.Add("Kafka:DeadLetter:MaxValueBytes must be 256..524288.");
        if (d.MaxKeyBytes is < 16 or > 64 * 1024) errors.Add("Kafka:DeadLetter:MaxKeyBytes must be 16..65536.");
        if (d.MaxHeaderBytes is < 64 or > 64 * 1024) errors.Add("Kafka:DeadLetter:MaxHeaderBytes must be 64..65536.");
        if (d.PermanentFailureAttempts < 1) errors.Add("Kafka:DeadLetter:PermanentFailureAttempts must be at least 1.");
    }
}
