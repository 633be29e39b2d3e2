using Personalization.Testing;

namespace Personalization.Ingestion.Tests.Kafka;

// The Kafka tests share one mock cluster and run one after another: they measure group behaviour, and the machine
// has two cores.
[CollectionDefinition(Name)]
public sealed class KafkaCollection : ICollectionFixture<MockKafkaFixture>
{
    public const string Name = "kafka";
}
