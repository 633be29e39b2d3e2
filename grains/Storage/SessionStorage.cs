using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace Personalization.Grains.Storage;

/// <summary>The grain storage that holds user sessions, and how its state is encoded.</summary>
public static class SessionStorage
{
    /// <summary>Name of the storage provider the user grains persist to.</summary>
    public const string Name = "sessions";

    /// <summary>The Orleans binary serializer: <c>[GenerateSerializer]</c> types are written by field id without type
    /// names, version tolerant (new ids may be appended) and compact (floats as raw bytes), unlike the default
    /// Newtonsoft <c>$type</c> JSON that breaks when a class is renamed.</summary>
    public static IGrainStorageSerializer CreateSerializer(IServiceProvider services) =>
        new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>());
}
