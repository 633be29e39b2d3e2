using Microsoft.Extensions.Logging;
using Personalization.Grains.Interfaces;
using Personalization.Grains.Sessions;

namespace Personalization.Grains.Intent;

/// <summary>Exactly one record per crossing on the intent topic, across crashes and redelivery. A crossing is found
/// while events are applied (its id is <c>userId:n</c> from the durable crossing counter, so re-applying the same
/// events after a crash makes the same id) and queued in the user's state; before the batch's state write it gets a
/// search start (the user's partition end now). Only once that is durable is it published, then removed with a
/// second write. An entry still there when a grain (re)activates may have been published just before a crash: it is
/// looked up from its search start first and published only if absent. An entry queued and never tried in this
/// activation needs no lookup. Failures leave the entry queued for the grain's retry timer.</summary>
internal sealed class IntentOutbox(string userId, IPersistentState<UserSessionState> session, IIntentEventPublisher publisher,
    IntentOptions options, ILogger logger, Action dropState)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);
    private readonly HashSet<string> _neverTried = new(StringComparer.Ordinal);

    private List<IntentOutboxEntry> Entries => session.State.IntentOutbox;

    public void Enqueue(IntentOutboxEntry entry)
    {
        Entries.Add(entry);
        _neverTried.Add(entry.EventId);
        while (Entries.Count > options.MaxQueuedEvents)
        {
            logger.LogWarning("User {User}: intent outbox full ({Max}); dropping crossing {EventId}", userId, options.MaxQueuedEvents, Entries[0].EventId);
            _neverTried.Remove(Entries[0].EventId);
            Entries.RemoveAt(0);
        }
    }

    /// <summary>Gives queued entries their search start; the caller's next state write makes it durable. Returns
    /// whether anything changed.</summary>
    public async Task<bool> PrepareAsync()
    {
        var changed = false;
        foreach (var entry in Entries.Where(e => e.SearchFrom < 0))
        {
            try
            {
                using var timeout = new CancellationTokenSource(CallTimeout);
                entry.SearchFrom = await publisher.SearchStartAsync(userId, timeout.Token);
                changed = true;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                logger.LogWarning(e, "User {User}: intent outlet unreachable; {Count} crossing(s) stay queued", userId, Entries.Count);
                break;
            }
        }
        return changed;
    }

    /// <summary><see cref="PrepareAsync"/>, then the state write when it changed something.</summary>
    public async Task PrepareAndWriteAsync()
    {
        if (await PrepareAsync()) await WriteAsync();
    }

    /// <summary>Publishes every entry whose search start is durable; returns whether the outbox is empty.</summary>
    public async Task<bool> FlushAsync()
    {
        var removed = false;
        try
        {
            foreach (var entry in Entries.ToList())
            {
                if (entry.SearchFrom < 0) continue;
                using var timeout = new CancellationTokenSource(CallTimeout);
                var neverTried = _neverTried.Remove(entry.EventId);
                if (neverTried || !await publisher.WasPublishedAsync(userId, entry.EventId, entry.SearchFrom, timeout.Token))
                    await publisher.PublishAsync(entry.ToEvent(userId), timeout.Token);
                Entries.Remove(entry);
                removed = true;
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "User {User}: publishing intent events failed; {Count} stay queued", userId, Entries.Count);
        }
        if (removed) await WriteAsync();
        return Entries.Count == 0;
    }

    private async Task WriteAsync()
    {
        try
        {
            await session.WriteStateAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Storage still holds the entries: a later activation looks them up before publishing, so nothing
            // doubles; memory must not run ahead of it meanwhile.
            logger.LogWarning(e, "User {User}: intent outbox write failed; the state is reloaded", userId);
            dropState();
        }
    }
}
