using Xunit;
using Personalization.Model.Baselines;
using static Personalization.Model.Tests.Baselines.BaselineTestData;

namespace Personalization.Model.Tests.Baselines;

public class BackfilledRankerTests
{
    [Fact]
    public void Fills_the_list_with_popular_items_after_the_rules_run_out_in_descending_score_order()
    {
        var items = new ItemVocabulary();
        var sessions = new[] { Session("1", "a", "b"), Session("2", "p", "p", "p", "q", "q") };
        var ranker = new BackfilledRanker(new SequentialRulesRanker(items).Fit(sessions), new PopularityRanker(items).Fit(sessions));
        var cursor = Advanced(ranker, "a");
        var buffer = new RankedItem[4];

        var n = cursor.TopK(4, buffer);

        Assert.Equal(4, n);
        Assert.Equal(["b", "p", "q", "a"], buffer.Select(r => items[r.Item]).ToArray());
        for (var i = 1; i < n; i++) Assert.True(buffer[i - 1].Score > buffer[i].Score);
        Assert.Equal("SR+POP", ranker.Name);
    }

    [Fact]
    public void Rejects_rankers_with_different_vocabularies() =>
        Assert.Throws<ArgumentException>(() => new BackfilledRanker(new SequentialRulesRanker(), new PopularityRanker()));
}
