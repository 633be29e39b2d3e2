using Orleans.Serialization;
using Personalization.Grains.Storage;
using StackExchange.Redis;

namespace Personalization.Silo;

public static class SessionStorageSiloBuilderExtensions
{
    /// <summary>The <c>sessions</c> grain storage: Redis when <c>Redis:ConnectionString</c> is set, else memory; both
    /// with the Orleans binary serializer (see <see cref="SessionStorage.CreateSerializer"/>).</summary>
    public static ISiloBuilder AddSessionStorage(this ISiloBuilder silo, IConfiguration configuration)
    {
        var redis = configuration["Redis:ConnectionString"];
        if (string.IsNullOrWhiteSpace(redis))
        {
            return silo.AddMemoryGrainStorage(SessionStorage.Name, options => options.Configure<IServiceProvider>(
                (o, services) => o.GrainStorageSerializer = SessionStorage.CreateSerializer(services)));
        }
        return silo.AddRedisGrainStorage(SessionStorage.Name, options => options.Configure<IServiceProvider>((o, services) =>
        {
            o.ConfigurationOptions = ConfigurationOptions.Parse(redis);
            o.GrainStorageSerializer = SessionStorage.CreateSerializer(services);
        }));
    }
}
