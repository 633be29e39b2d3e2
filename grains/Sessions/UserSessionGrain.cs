using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;
using Personalization.Catalog;
using Personalization.Contract;
using Personalization.Grains.Fallback;
using Personalization.Grains.Intent;
using Personalization.Grains.Interfaces;
using Personalization.Grains.Models;
using Personalization.Grains.Quality;
using Personalization.Grains.Serving;
using Personalization.Grains.Storage;

namespace Personalization.Grains.Sessions;

/// <summary>One user's live session (grain key = user id): one GRU step per event from the previous state, the last
/// hidden states for attention, recent and bought items, and the Kafka positions already applied. A batch is
/// written to storage once, and <see cref="ApplyAsync"/> returns only after that write, so the consumer may commit
/// the batch's offsets when the call returns.</summary>
public sealed class UserSessionGrain(
    [PersistentState("session", SessionStorage.Name)] IPersistentState<UserSessionState> session,
    ModelRegistry models,
    LiveFallbackRanker fallback,
    IOptions<SessionOptions> options,
    TimeProvider time,
    LiveQualityMonitor quality,
    ServingMetrics metrics,
    IIntentEventPublisher intentEvents,
    IOptions<IntentOptions> intentOptions,
    LiveSessionAnalytics analytics,
    CatalogTable catalog,
    ILogger<UserSessionGrain> logger) : Grain, IUserSessionGrain
{
    private readonly ObserverManager<ISessionObserver> _observers = new(SessionSubscriptions.Lifetime, logger);

    // Decoded once: the grain id's key is UTF-8, and every call would otherwise make a new string of it.
    private string? _userId;
    private string UserId => _userId ??= this.GetPrimaryKeyString();

    private SessionTracker Tracker => new(UserId, session.State, options.Value, time, intentOptions.Value, _categoryOf, _priceOf);
    private readonly Func<string, string?> _categoryOf = id => catalog.TryGet(id, out var item) ? item.CategoryPath : null;
    private readonly Func<string, double?> _priceOf =
        id => catalog.TryGet(id, out var item, out var estimate) ? (double?)item.Price ?? estimate?.Price : null;
    private IntentOutbox? _outbox;
    private IntentOutbox Outbox => _outbox ??= new IntentOutbox(UserId, session, intentEvents,
        intentOptions.Value, logger, () => DeactivateOnIdle());
    private IGrainTimer? _retry;

    private ModelArm Arm => models.For(UserId);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        metrics.SessionActivated();
        // Crossings left queued by an earlier activation (a crash, an unreachable broker) go out without waiting for
        // the user's next event.
        if (session.State.IntentOutbox.Count > 0 && intentEvents.Enabled) ScheduleRetry();
        return base.OnActivateAsync(cancellationToken);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.SessionDeactivated();
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    public async Task<ApplyResult> ApplyAsync(IReadOnlyList<SequencedClickEvent> events)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = ServingTracing.StartApply(events.Count);
        var tracker = Tracker;
        var arm = Arm;
        var model = arm.Model;
        tracker.SyncModel(model);
        int applied = 0, duplicates = 0, unknown = 0, sessionsStarted = 0, becameHigh = 0, converted = 0;
        var learned = new List<(string[] Preceding, string Item)>(events.Count);
        var state = session.State;
        var appliedAt = new List<DateTimeOffset>(events.Count);
        foreach (var e in events)
        {
            if (tracker.IsDuplicate(e))
            {
                duplicates++;
                continue;
            }
            // Prequential check: where did this item stand in what the session would have been shown just now?
            if (quality.Samples(e.Event.EventId) && !tracker.StartsNewSession(e.Event))
                await CheckLiveQualityAsync(e.Event.ItemId, arm.Name);
            var highBefore = state.SessionWasHigh && !tracker.StartsNewSession(e.Event);
            var firstPurchase = e.Event.Type == ClickEventType.Purchase && (state.PurchasedItems.Count == 0 || tracker.StartsNewSession(e.Event));
            var step = tracker.Apply(e, model);
            applied++;
            appliedAt.Add(e.Event.Timestamp);
            if (step.NewSession) sessionsStarted++;
            if (step.KnownItem == false) unknown++;
            learned.Add((step.PrecedingItems, e.Event.ItemId));
            if (firstPurchase && highBefore) converted++;
            if (step.Crossing is { } crossing)
            {
                if (crossing.Reason == (byte)IntentEventReason.HighIntent && !highBefore) becameHigh++;
                if (intentEvents.Enabled) Outbox.Enqueue(crossing);
            }
        }
        activity?.SetTag("pz.events.duplicates", duplicates);
        if (applied == 0)
        {
            // A redelivered batch after a crash: whatever the first delivery queued is still to go out.
            await FlushIntentEventsAsync();
            return new ApplyResult(0, duplicates, 0, 0);
        }
        await Outbox.PrepareAsync();

        try
        {
            await session.WriteStateAsync();
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            // The in-memory state is now ahead of storage: drop it so the next call reloads what is durable, and
            // let the caller retry (its offsets are not committed).
            DeactivateOnIdle();
            throw;
        }
        // Learned only once durable, so a redelivered batch does not count twice.
        foreach (var (preceding, item) in learned) fallback.Observe(preceding, item);
        analytics.Observe(UserId, state, becameHigh, converted);
        var now = time.GetUtcNow();
        foreach (var at in appliedAt) metrics.Freshness.Record((now - at).TotalMilliseconds);
        metrics.ApplyDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (_observers.Count > 0)
        {
            var (user, total) = (UserId, session.State.TotalEventsApplied);
            // One-way calls: the grain does not wait for its subscribers.
            _observers.Notify(o => { _ = o.SessionChanged(user, total); });
        }
        await FlushIntentEventsAsync();
        return new ApplyResult(applied, duplicates, unknown, sessionsStarted);
    }

    // Publishes what the durable outbox holds; what is left (broker unreachable) is retried on a timer.
    private async Task FlushIntentEventsAsync()
    {
        if (!intentEvents.Enabled || session.State.IntentOutbox.Count == 0) return;
        if (await Outbox.FlushAsync()) { _retry?.Dispose(); _retry = null; }
        else ScheduleRetry();
    }

    private void ScheduleRetry()
    {
        if (_retry is not null) return;
        var interval = intentOptions.Value.RetryInterval;
        _retry = this.RegisterGrainTimer(async _ =>
        {
            await Outbox.PrepareAndWriteAsync();
            await FlushIntentEventsAsync();
        }, new GrainTimerCreationOptions(interval, interval) { KeepAlive = true });
    }

    public async Task<Recommendations> RecommendAsync(int count, RecommendationRules? rules = null)
    {
        var state = session.State;
        // A hot reload rebuilds the states in memory only: it is deterministic, so the next applied batch stores it.
        var arm = Arm;
        Tracker.SyncModel(arm.Model);
        var ranked = await RankAsync(count, rules);
        return new Recommendations(UserId, state.SessionId, ranked.ModelVersion, ranked.Items,
            state.TotalEventsApplied, arm.Name);
    }

    public Task SubscribeAsync(ISessionObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(ISessionObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    // Exactly the ranking RecommendAsync would serve now.
    private Task<RankedItems> RankAsync(int count, RecommendationRules? rules = null)
    {
        var state = session.State;
        rules = PriceNearRule.Apply(rules, state);
        var query = new RankingQuery(state.ModelVersion, MemoryMarshal.Cast<byte, float>(state.HiddenStateBytes).ToArray(),
            state.RecentItems.ToArray(), Excluded(state, rules), count, state.LastStateItem, rules);
        return GrainFactory.GetGrain<IRankingGrain>(0).RankAsync(query);
    }

    // Bought items always; the caller's exclusions and, with ExcludeSeen, the session's recent items.
    private static string[] Excluded(UserSessionState state, RecommendationRules? rules)
    {
        if (rules is null || (rules.Exclude is not { Count: > 0 } && !rules.ExcludeSeen)) return [.. state.PurchasedItems];
        var excluded = new HashSet<string>(state.PurchasedItems, StringComparer.Ordinal);
        if (rules.Exclude is { } exclude) excluded.UnionWith(exclude);
        if (rules.ExcludeSeen) excluded.UnionWith(state.RecentItems);
        return [.. excluded];
    }

    private async Task CheckLiveQualityAsync(string itemId, string arm)
    {
        var ranked = await RankAsync(quality.Cutoff);
        var rank = 0;
        for (var i = 0; i < ranked.Items.Count && rank == 0; i++)
            if (ranked.Items[i].ItemId == itemId) rank = i + 1;
        quality.Record(ranked.ModelVersion, rank, arm);
    }

    public Task<SessionSummary> GetSessionAsync()
    {
        var state = session.State;
        return Task.FromResult(new SessionSummary(
            UserId,
            state.SessionId,
            state.EventsApplied,
            state.TotalEventsApplied,
            state.RecentItems.ToArray(),
            state.PurchasedItems.ToArray(),
            state.SessionId is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(state.StartedAtMs),
            state.SessionId is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(state.LastEventAtMs),
            state.ModelVersion,
            state.PurchaseIntent,
            PriceNearRule.Summary(state)));
    }
}
