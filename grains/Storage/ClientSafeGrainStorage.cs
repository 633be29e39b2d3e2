using Orleans.Storage;
using Personalization.Grains.Interfaces;

namespace Personalization.Grains.Storage;

/// <summary>Wraps a grain storage so every failure it raises reaches callers as
/// <see cref="SessionStorageUnavailableException"/>: a provider's exception types (Redis, ...) cannot be loaded by
/// clients, which then lose the response and wait out their timeout. The original is kept only in the message,
/// since an inner exception would carry the unloadable type across the wire again.
/// <see cref="InconsistentStateException"/> (an etag conflict, a loadable Orleans type) passes unchanged.</summary>
public sealed class ClientSafeGrainStorage(string name, IGrainStorage inner) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Guard(() => inner.ReadStateAsync(stateName, grainId, grainState), "read", grainId);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Guard(() => inner.WriteStateAsync(stateName, grainId, grainState), "write", grainId);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Guard(() => inner.ClearStateAsync(stateName, grainId, grainState), "clear", grainId);

    private async Task Guard(Func<Task> operation, string verb, GrainId grainId)
    {
        try
        {
            await operation();
        }
        catch (Exception e) when (e is not InconsistentStateException and not OperationCanceledException)
        {
            throw new SessionStorageUnavailableException(
                $"Grain storage '{name}' could not {verb} the state of {grainId}: {Describe(e)}");
        }
    }

    private static string Describe(Exception e)
    {
        var root = e;
        while (root.InnerException is not null) root = root.InnerException;
        var text = $"{e.GetType().Name}: {e.Message}";
        return ReferenceEquals(root, e) ? text : $"{text} ({root.GetType().Name}: {root.Message})";
    }
}
