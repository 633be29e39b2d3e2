using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using Personalization.Grains.Serving;

namespace Personalization.Grains.Storage;

/// <summary>The grain storage that holds user sessions, and how its state is encoded.</summary>
public static class SessionStorage
{
    /// <summary>Name of the storage provider the user grains persist to.</summary>
    public const string Name = "sessions";

    /// <summary>The Orleans binary serializer: <c>[GenerateSerializer]</c> types are written by field id without type
    /// names, version tolerant (new ids may be appended) and compact (floats as raw bytes), unlike the default
    /// Newtonsoft <c>$type</c> JSON that breaks when a class is renamed. Each state's size is recorded
    /// (<c>pz.session.state.size</c>).</summary>
    public static IGrainStorageSerializer CreateSerializer(IServiceProvider services)
    {
        var serializer = new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>());
        // Hosts without the grains' services (storage specs, tools) store the same bytes, unmeasured.
        return services.GetService<ServingMetrics>() is { } metrics ? new SizeRecordingSerializer(serializer, metrics.StateSize) : serializer;
    }
}
