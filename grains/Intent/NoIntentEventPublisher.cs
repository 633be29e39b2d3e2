using Personalization.Contract;
using Personalization.Grains.Interfaces;

namespace Personalization.Grains.Intent;

/// <summary>The outlet when none is configured (no Kafka): crossings are counted in the session state, not queued.</summary>
internal sealed class NoIntentEventPublisher : IIntentEventPublisher
{
    public bool Enabled => false;

    public Task<long> SearchStartAsync(string userId, CancellationToken cancellationToken = default) => Task.FromResult(0L);

    public Task<bool> WasPublishedAsync(string userId, string eventId, long searchFrom, CancellationToken cancellationToken = default) =>
        Task.FromResult(false);

    public Task PublishAsync(IntentEvent intentEvent, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("No intent event outlet is configured.");
}
