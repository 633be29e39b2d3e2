using Personalization.Contract;
using Personalization.Grains.Intent;
using Personalization.Grains.Sessions;

namespace Personalization.Cluster.Tests.Sessions;

/// <summary>The crossing rule: one event per rise above the threshold, one per fall to half the peak after it, none
/// while nothing crosses, none after a purchase; ids count the user's crossings.</summary>
public sealed class IntentThresholdsTests
{
    private static readonly IntentOptions Options = new();
    private readonly UserSessionState _state = new() { SessionId = "s-1", ModelVersion = "m" };
    private int _n;

    private IntentOutboxEntry? Step(float intent, ClickEventType type = ClickEventType.View) =>
        IntentThresholds.Update(_state, "u", intent, new ClickEvent($"e-{++_n}", "u", "i", type, DateTimeOffset.UnixEpoch.AddMinutes(_n)),
            Options, DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_rise_fires_once_and_an_abandonment_fires_at_half_the_peak()
    {
        Assert.Null(Step(0.2f));
        Assert.Null(Step(0.5f)); // not above
        var rise = Step(0.6f);
        Assert.Null(Step(0.9f)); // still high: no second rise
        Assert.Null(Step(0.46f)); // above half of the 0.9 peak
        var abandonment = Step(0.45f);
        Assert.Null(Step(0.3f));

        Assert.Equal(("u:1", (byte)IntentEventReason.HighIntent, 0.5f, 0.6f), (rise!.EventId, rise.Reason, rise.Previous, rise.Intent));
        Assert.Equal(("u:2", (byte)IntentEventReason.Abandonment, 0.9f, 0.45f), (abandonment!.EventId, abandonment.Reason, abandonment.Previous, abandonment.Intent));
        Assert.Equal("s-1", rise.SessionId);
        Assert.Equal(2, _state.IntentCrossings);
        Assert.True(_state.SessionWasHigh);
    }

    [Fact]
    public void A_purchase_ends_high_intent_without_an_abandonment_and_a_new_rise_counts_on()
    {
        Step(0.7f);
        Assert.Null(Step(0.1f, ClickEventType.Purchase));
        Assert.Null(Step(0.05f));
        var again = Step(0.8f);

        Assert.Equal("u:2", again!.EventId);
        Assert.Equal(0.05f, again.Previous);
    }
}
