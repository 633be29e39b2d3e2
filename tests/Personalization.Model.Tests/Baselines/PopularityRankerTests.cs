using Xunit;
using Personalization.Model.Baselines;
using static Personalization.Model.Tests.Baselines.BaselineTestData;

namespace Personalization.Model.Tests.Baselines;

public class PopularityRankerTests
{
    [Fact]
    public void Ranks_items_by_how_often_they_were_seen()
    {
        var pop = new PopularityRanker().Fit([Session("a", "x", "y", "x"), Session("b", "z", "x", "y")]);

        Assert.Equal(["x", "y", "z"], TopIds(pop, pop.StartSession(), 10));
    }

    [Fact]
    public void Skips_excluded_items_and_still_fills_k()
    {
        var pop = new PopularityRanker().Fit([Session("a", "x", "x", "x", "y", "y", "z")]);
        var exclude = new HashSet<int> { pop.Items.GetOrAdd("x") };

        Assert.Equal(["y", "z"], TopIds(pop, pop.StartSession(), 2, exclude));
    }

    [Fact]
    public void Online_observations_change_the_ranking_at_once()
    {
        var pop = new PopularityRanker(maxStaleness: TimeSpan.Zero).Fit([Session("a", "x", "x", "y")]);
        var cursor = pop.StartSession();
        Assert.Equal("x", TopIds(pop, cursor, 1)[0]);

        pop.Observe("y");
        pop.Observe("y");
        pop.Observe("new-item");

        Assert.Equal(["y", "x", "new-item"], TopIds(pop, cursor, 3));
    }

    [Fact]
    public void Within_the_allowed_staleness_a_ranking_may_lag_behind_live_observations()
    {
        var pop = new PopularityRanker(maxStaleness: TimeSpan.FromHours(1)).Fit([Session("a", "x", "x", "y")]);
        Assert.Equal(["x", "y"], TopIds(pop, pop.StartSession(), 2));

        pop.Observe("y");
        pop.Observe("y");

        Assert.Equal(["x", "y"], TopIds(pop, pop.StartSession(), 2));
        Assert.Equal(3, pop.CountOf(pop.Items.GetOrAdd("y")));
    }

    [Fact]
    public void Unknown_items_do_not_break_a_cursor()
    {
        var pop = new PopularityRanker().Fit([Session("a", "x", "y", "y")]);
        var cursor = pop.StartSession();
        cursor.Advance(-1, 0);
        cursor.Advance(12345, 3);

        Assert.Equal(["y", "x"], TopIds(pop, cursor, 5));
    }

    [Fact]
    public async Task Concurrent_observers_lose_no_count_while_readers_rank()
    {
        var pop = new PopularityRanker();
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            var buffer = new RankedItem[20];
            var reads = 0;
            do
            {
                var n = pop.StartSession().TopK(20, buffer);
                for (var i = 1; i < n; i++) Assert.True(buffer[i - 1].Score >= buffer[i].Score);
                reads++;
            } while (!stop.IsCancellationRequested);
            return reads;
        });
        Parallel.For(0, 4, worker =>
        {
            for (var i = 0; i < 20_000; i++) pop.Observe($"item-{(i * 7 + worker) % 3000}");
        });
        stop.Cancel();
        Assert.True(await reader > 0);

        Assert.Equal(80_000, pop.Observations);
        var total = Enumerable.Range(0, pop.Items.Count).Sum(i => pop.CountOf(i));
        Assert.Equal(80_000, total);
        Assert.Equal(3000, pop.Items.Count);
    }
}
