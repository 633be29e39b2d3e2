using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Personalization.Ingestion.Native;

internal static class KafkaNativeLibraryInitializer
{
    // Any process that touches an ingestion type gets the resolver before Confluent.Kafka loads librdkafka,
    // without every host having to remember a call.
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "The resolver must precede the first librdkafka load.")]
    internal static void Initialize() => KafkaNativeLibrary.EnsureLoaded();
}
