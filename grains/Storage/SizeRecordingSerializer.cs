using System.Diagnostics.Metrics;
using Orleans.Storage;

namespace Personalization.Grains.Storage;

/// <summary>The session storage's serializer, recording the size of every state it writes (whichever storage
/// provider, Redis or memory, then stores the bytes).</summary>
internal sealed class SizeRecordingSerializer(IGrainStorageSerializer inner, Histogram<int> sizes) : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input)
    {
        var data = inner.Serialize(input);
        sizes.Record(data.ToMemory().Length);
        return data;
    }

    public T? Deserialize<T>(BinaryData input) => inner.Deserialize<T>(input);
}
