using Personalization.Cluster.Tests.Fixtures;
using Personalization.Grains.Fallback;
using Personalization.Grains.Interfaces;
using Personalization.Contract;
using Personalization.Testing;

namespace Personalization.Cluster.Tests.Grains;

/// <summary>Before any model exists the silos still answer, from the sequential rules and popularity they learn
/// from live events, and say so in the model version.</summary>
[Collection(FallbackClusterCollection.Name)]
public sealed class FallbackRecommendationTests(FallbackClusterFixture fixture)
{
    private readonly TwoSiloCluster _silos = fixture.Silos;

    [Fact]
    public async Task Without_a_model_recommendations_follow_the_learned_sequences_and_name_the_fallback()
    {
        var events = new ClickEvents(ClickEvents.Unique("u"));
        var (shoe, sock, lace) = (ClickEvents.Unique("shoe"), ClickEvents.Unique("sock"), ClickEvents.Unique("lace"));
        var user = _silos.User(events.UserId);
        // Three earlier sessions teach the rule shoe → sock (and, weaker, shoe → lace).
        for (var i = 0; i < 3; i++)
            await user.ApplyAsync([events.Next(shoe, after: TimeSpan.FromHours(1)), events.Next(sock), events.Next(lace)]);

        await user.ApplyAsync([events.Next(shoe, after: TimeSpan.FromHours(1))]);
        var recommendations = await user.RecommendAsync(2);

        Assert.Equal(LiveFallbackRanker.Version, recommendations.ModelVersion);
        Assert.Equal([sock, lace], recommendations.Items.Select(i => i.ItemId));
        Assert.True(recommendations.Items[0].Score > recommendations.Items[1].Score);
        Assert.Equal((await user.GetSessionAsync()).SessionId, recommendations.SessionId);
    }

    [Fact]
    public async Task Items_bought_in_the_session_are_not_recommended()
    {
        var events = new ClickEvents(ClickEvents.Unique("u"));
        var (shoe, sock, lace) = (ClickEvents.Unique("shoe"), ClickEvents.Unique("sock"), ClickEvents.Unique("lace"));
        var user = _silos.User(events.UserId);
        for (var i = 0; i < 3; i++)
            await user.ApplyAsync([events.Next(shoe, after: TimeSpan.FromHours(1)), events.Next(sock), events.Next(lace)]);
        await user.ApplyAsync([events.Next(sock, after: TimeSpan.FromHours(1)), events.Next(shoe)]);
        Assert.Contains(sock, (await user.RecommendAsync(RankingGrainLimit)).Items.Select(i => i.ItemId));

        await user.ApplyAsync([events.Next(sock, ClickEventType.Purchase), events.Next(shoe)]);
        var recommendations = await user.RecommendAsync(RankingGrainLimit);

        Assert.DoesNotContain(sock, recommendations.Items.Select(i => i.ItemId));
        Assert.Contains(lace, recommendations.Items.Select(i => i.ItemId));
        Assert.Equal([sock], (await user.GetSessionAsync()).PurchasedItems);
    }

    private const int RankingGrainLimit = 1000;
}
