using Personalization.Testing;

namespace Personalization.Cluster.Tests.Fixtures;

// xunit finds collection definitions only in the test assembly; the fixture itself is shared.
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisFixture>
{
    public const string Name = "real redis-server";
}
