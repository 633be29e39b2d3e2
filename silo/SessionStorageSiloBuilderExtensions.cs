using Personalization.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;
using Personalization.Grains.Storage;

namespace Personalization.Silo;

public static class SessionStorageSiloBuilderExtensions
{
    private const string RedisProvider = SessionStorage.Name + ".redis";

    /// <summary>The <c>sessions</c> grain storage: Redis when <c>Redis:ConnectionString</c> is set (writes of concurrent
    /// grains coalesced into one conditional script call, <see cref="BatchingRedisGrainStorage"/>), else memory; both
    /// with the Orleans binary serializer (see <see cref="SessionStorage.CreateSerializer"/>). Redis failures reach
    /// callers as a contract exception they can load (<see cref="ClientSafeGrainStorage"/>).</summary>
    public static ISiloBuilder AddSessionStorage(this ISiloBuilder silo, IConfiguration configuration)
    {
        var redis = RedisConnection.Options(configuration);
        if (!redis.IsConfigured)
        {
            return silo.AddMemoryGrainStorage(SessionStorage.Name, options => options.Configure<IServiceProvider>(
                (o, services) => o.GrainStorageSerializer = SessionStorage.CreateSerializer(services)));
        }
        var batching = ValidatedOptions.Read<RedisBatchingOptions, RedisBatchingOptionsValidator>(configuration, RedisBatchingOptions.Section);
        silo.Services.AddKeyedSingleton<IGrainStorage>(RedisProvider, (services, _) => new BatchingRedisGrainStorage(
            SessionStorage.Name, services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId, RedisConnection.From(redis),
            SessionStorage.CreateSerializer(services), batching, services.GetRequiredService<ILogger<BatchingRedisGrainStorage>>()));
        silo.Services.AddKeyedSingleton<IGrainStorage>(SessionStorage.Name, (services, _) =>
            new ClientSafeGrainStorage(SessionStorage.Name, services.GetRequiredKeyedService<IGrainStorage>(RedisProvider)));
        return silo;
    }
}
