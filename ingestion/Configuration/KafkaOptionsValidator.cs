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
        if (string.IsNullOrWhiteSpace(o.GroupId)) errors.Add("Kafka:GroupId is required.");
        if (o.MaxBatchSize is < 1 or > 100_000) errors.Add("Kafka:MaxBatchSize must be 1..100000.");
        if (o.MaxBatchDelay < TimeSpan.Zero || o.MaxBatchDelay > TimeSpan.FromSeconds(10)) errors.Add("Kafka:MaxBatchDelay must be 0..10 s.");
        if (o.MaxConcurrentUsers < 1) errors.Add("Kafka:MaxConcurrentUsers must be at least 1.");
        if (o.SinkAttempts < 1) errors.Add("Kafka:SinkAttempts must be at least 1.");
        if (o.SinkRetryDelay < TimeSpan.Zero || o.SinkMaxRetryDelay < o.SinkRetryDelay)
            errors.Add("Kafka:SinkRetryDelay must be >= 0 and <= Kafka:SinkMaxRetryDelay.");
        if (o.SinkTimeout <= TimeSpan.Zero) errors.Add("Kafka:SinkTimeout must be positive.");
        if (o.Validation.MaxEventBytes < 64) errors.Add("Kafka:Validation:MaxEventBytes must be at least 64.");
        if (o.Validation.MaxIdLength < 1) errors.Add("Kafka:Validation:MaxIdLength must be at least 1.");
        foreach (var key in o.Client.Keys.Where(KafkaClientConfigs.IsFixed))
            errors.Add(key switch
            {
                "bootstrap.servers" => "Kafka:Client:bootstrap.servers is not used: set Kafka:BootstrapServers.",
                "group.id" => "Kafka:Client:group.id is not used: set Kafka:GroupId.",
                _ => $"Kafka:Client:{key} cannot be overridden: the delivery guarantee depends on it.",
            });
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
