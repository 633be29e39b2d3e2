namespace Personalization.Grains.Interfaces;

/// <summary>The grain could not read or write a session in grain storage (e.g. Redis is down or refuses writes).
/// Thrown instead of the storage provider's own exceptions, whose types live in assemblies a client such as the web
/// API does not load: those would arrive as a TypeLoadException and the call would wait out its timeout. The state
/// did not change; the call may be retried once storage is back.</summary>
[GenerateSerializer, Alias("pz.session-storage-unavailable.v1")]
public sealed class SessionStorageUnavailableException : Exception
{
    /// <summary>Creates the exception; <paramref name="message"/> names the operation and the storage's own error.</summary>
    public SessionStorageUnavailableException(string message) : base(message) { }
}
