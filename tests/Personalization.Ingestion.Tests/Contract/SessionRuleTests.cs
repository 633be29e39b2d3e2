using Personalization.Contract;

namespace Personalization.Ingestion.Tests.Contract;

/// <summary>Where a user's sessions begin (one rule for the cluster and the trainer) and what they are called.</summary>
public sealed class SessionRuleTests
{
    private const long Minute = 60_000;
    private const long At = 1_000 * Minute;
    private readonly SessionRule _rule = new(TimeSpan.FromMinutes(30));

    [Fact]
    public void The_first_event_of_a_user_starts_a_session_with_or_without_a_session_id()
    {
        Assert.True(_rule.StartsNewSession(null, null, 0, null, At));
        Assert.True(_rule.StartsNewSession(null, null, 0, "s1", At));
    }

    [Fact]
    public void An_event_with_another_session_id_starts_a_session_however_soon_it_comes()
    {
        Assert.True(_rule.StartsNewSession("s1", "s1", At, "s2", At + 1));
    }

    [Fact]
    public void An_event_with_the_same_session_id_within_the_gap_continues_the_session()
    {
        Assert.False(_rule.StartsNewSession("s1", "s1", At, "s1", At + 30 * Minute));
    }

    [Fact]
    public void An_event_after_more_than_the_gap_starts_a_session_even_with_the_same_session_id()
    {
        Assert.True(_rule.StartsNewSession("s1", "s1", At, "s1", At + 30 * Minute + 1));
        Assert.True(_rule.StartsNewSession("u#1", null, At, null, At + 30 * Minute + 1));
    }

    [Fact]
    public void An_event_without_a_session_id_never_starts_a_session_by_itself()
    {
        Assert.False(_rule.StartsNewSession("s1", "s1", At, null, At + Minute));
        Assert.False(_rule.StartsNewSession("u#1", null, At, null, At + 30 * Minute));
    }

    [Fact]
    public void The_default_gap_is_thirty_minutes()
    {
        Assert.Equal(TimeSpan.FromMinutes(30), new SessionRule().InactivityTimeout);
    }

    [Theory]
    [InlineData(null, null, 3, "u#3")]
    [InlineData("s1", null, 1, "s1")]
    [InlineData("s2", "s1", 2, "s2")]
    [InlineData("s1", "s1", 2, "s1#2")]
    public void A_session_is_named_by_the_producer_id_else_by_user_and_number_and_a_repeated_producer_id_is_numbered(
        string? eventSessionId, string? previousProducerSessionId, int sessionNumber, string expected)
    {
        Assert.Equal(expected, SessionRule.SessionId("u", eventSessionId, previousProducerSessionId, sessionNumber));
    }
}
