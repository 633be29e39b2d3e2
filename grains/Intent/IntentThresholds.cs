using Personalization.Contract;
using Personalization.Grains.Sessions;

namespace Personalization.Grains.Intent;

/// <summary>The crossing rule, in one place: after each event with a new intent value, a session that is not high
/// and rises above <see cref="IntentOptions.HighThreshold"/> becomes high (<c>high_intent</c>); a high session whose
/// intent falls to at most <see cref="IntentOptions.AbandonFraction"/> of its peak since becoming high is an
/// abandonment and is no longer high. A purchase ends "high" without an event (the session converted).</summary>
internal static class IntentThresholds
{
    /// <summary>Records <paramref name="intent"/> in <paramref name="state"/> and returns the crossing it makes, if any
    /// (numbered from the user's crossing counter, so the id is the same whenever the same events are applied).</summary>
    public static IntentOutboxEntry? Update(UserSessionState state, string userId, float intent, ClickEvent e, IntentOptions options,
        DateTimeOffset now)
    {
        var previous = state.PurchaseIntent;
        state.PurchaseIntent = intent;
        if (e.Type == ClickEventType.Purchase)
        {
            state.IntentHigh = false;
            return null;
        }
        IntentEventReason reason;
        float before;
        if (!state.IntentHigh)
        {
            if (intent <= options.HighThreshold || (previous is { } p && p > options.HighThreshold)) return null;
            state.IntentHigh = true;
            state.SessionWasHigh = true;
            state.IntentPeak = intent;
            (reason, before) = (IntentEventReason.HighIntent, previous ?? 0f);
        }
        else
        {
            state.IntentPeak = Math.Max(state.IntentPeak, intent);
            if (intent > state.IntentPeak * options.AbandonFraction) return null;
            state.IntentHigh = false;
            (reason, before) = (IntentEventReason.Abandonment, state.IntentPeak);
        }
        state.IntentCrossings++;
        return new IntentOutboxEntry
        {
            EventId = $"{userId}:{state.IntentCrossings}",
            SessionId = state.SessionId,
            Intent = intent,
            Previous = before,
            Reason = (byte)reason,
            ModelVersion = state.ModelVersion ?? "",
            TimeMs = now.ToUnixTimeMilliseconds(),
            EventTimeMs = e.Timestamp.ToUnixTimeMilliseconds(),
        };
    }

    /// <summary>A new session starts with no intent and nothing high.</summary>
    public static void Reset(UserSessionState state)
    {
        state.PurchaseIntent = null;
        state.IntentHigh = false;
        state.IntentPeak = 0;
        state.SessionWasHigh = false;
    }
}
