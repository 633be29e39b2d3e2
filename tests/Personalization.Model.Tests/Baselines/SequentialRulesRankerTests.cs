using Xunit;
using Personalization.Model.Baselines;
using static Personalization.Model.Tests.Baselines.BaselineTestData;

namespace Personalization.Model.Tests.Baselines;

public class SequentialRulesRankerTests
{
    [Fact]
    public void Scores_the_rules_of_the_last_item_weighted_by_inverse_distance()
    {
        // a→b: 1 (d=1) + 1 (d=1) ; a→c: 1/2 + 1/2 + 1/2 ; a→d: 1/3
        var sr = new SequentialRulesRanker().Fit([
            Session("1", "a", "b", "c", "d"),
            Session("2", "a", "b", "c"),
            Session("3", "a", "x", "c"),
        ]);
        var cursor = Advanced(sr, "q", "a");
        var buffer = new RankedItem[10];
        var n = cursor.TopK(10, buffer);

        var scores = buffer.Take(n).ToDictionary(r => sr.Items[r.Item], r => r.Score);
        Assert.Equal(2f, scores["b"], 5);
        Assert.Equal(1.5f, scores["c"], 5);
        Assert.Equal(1f, scores["x"], 5);
        Assert.Equal(1f / 3, scores["d"], 5);
        Assert.Equal(["b", "c"], TopIds(sr, cursor, 2));
    }

    [Fact]
    public void Rules_further_apart_than_the_window_are_not_learned()
    {
        var sr = new SequentialRulesRanker(options: new SequentialRulesOptions { Window = 2 })
            .Fit([Session("1", "a", "b", "c", "d")]);

        Assert.Equal(["b", "c"], TopIds(sr, Advanced(sr, "a"), 10));
    }

    [Fact]
    public void Keeps_only_the_strongest_rules_per_item_after_fit()
    {
        var sessions = Enumerable.Range(0, 30).Select(i => Session($"s{i}", "a", $"t{i % 10}")).ToList();
        sessions.Add(Session("strong", "a", "t3"));
        var sr = new SequentialRulesRanker(options: new SequentialRulesOptions { MaxRulesPerItem = 3 }).Fit(sessions);

        Assert.Equal(3, sr.RuleCount(sr.Items.GetOrAdd("a")));
        Assert.Equal("t3", TopIds(sr, Advanced(sr, "a"), 1)[0]);
    }

    [Fact]
    public void Online_observations_add_rules_and_grow_the_vocabulary()
    {
        var sr = new SequentialRulesRanker();
        Assert.Empty(TopIds(sr, Advanced(sr, "a"), 5));

        sr.Observe(["x", "a"], "b");
        sr.Observe("a", "c");
        sr.Observe("a", "c");

        Assert.Equal(["c", "b"], TopIds(sr, Advanced(sr, "a"), 5));
        Assert.Equal(["b"], TopIds(sr, Advanced(sr, "x"), 5));
    }

    [Fact]
    public void Online_memory_stays_bounded_per_item()
    {
        var sr = new SequentialRulesRanker(options: new SequentialRulesOptions { MaxRulesPerItem = 5 });
        for (var i = 0; i < 1000; i++) sr.Observe("hub", $"target-{i}");

        Assert.True(sr.RuleCount(sr.Items.GetOrAdd("hub")) < 10);
    }

    [Fact]
    public void Unknown_last_item_keeps_the_last_known_one()
    {
        var sr = new SequentialRulesRanker().Fit([Session("1", "a", "b")]);
        var cursor = Advanced(sr, "a");
        cursor.Advance(-1, 0);

        Assert.Equal(["b"], TopIds(sr, cursor, 5));
    }

    [Fact]
    public async Task Observers_and_readers_run_concurrently_without_corruption()
    {
        var sr = new SequentialRulesRanker(options: new SequentialRulesOptions { MaxRulesPerItem = 8 });
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            var buffer = new RankedItem[8];
            var reads = 0;
            do
            {
                var cursor = sr.StartSession();
                cursor.Advance(sr.Items.TryGetIndex("i-1", out var index) ? index : -1, 0);
                var n = cursor.TopK(8, buffer);
                for (var i = 1; i < n; i++) Assert.True(buffer[i - 1].Score >= buffer[i].Score);
                reads++;
            } while (!stop.IsCancellationRequested);
            return reads;
        });
        Parallel.For(0, 4, worker =>
        {
            for (var i = 0; i < 5_000; i++) sr.Observe([$"i-{i % 50}"], $"i-{(i + worker + 1) % 50}");
        });
        stop.Cancel();

        Assert.True(await reader > 0);
        Assert.Equal(50, sr.Items.Count);
        Assert.All(Enumerable.Range(0, 50), i => Assert.InRange(sr.RuleCount(i), 1, 15));
    }

    [Fact]
    public void A_live_table_never_holds_more_than_twice_the_rules_it_keeps()
    {
        var sr = new SequentialRulesRanker(options: new SequentialRulesOptions { Window = 1, MaxRulesPerItem = 5 });
        // "a" is followed by five strong items three times each, then by 60 items once each: pruning keeps the five.
        for (var r = 0; r < 3; r++)
            for (var i = 0; i < 5; i++) sr.Observe("a", $"s{i}");
        for (var i = 0; i < 60; i++)
        {
            sr.Observe("a", $"t{i}");
            Assert.InRange(sr.RuleCount(sr.Items.GetOrAdd("a")), 5, 10);
        }

        Assert.Equal(["s0", "s1", "s2", "s3", "s4"], TopIds(sr, Advanced(sr, "a"), 5).Order());
    }

    [Fact]
    public void A_batch_fitted_item_with_hundreds_of_rules_sums_and_ranks_every_one()
    {
        // 300 targets after one source (past the size at which the table indexes its rules); target k follows "a"
        // k % 7 + 1 times, so the weights are known exactly.
        var sessions = new List<Personalization.Model.Data.SessionRecord>();
        for (var k = 0; k < 300; k++)
            for (var r = 0; r <= k % 7; r++)
                sessions.Add(Session($"{k}-{r}", "a", $"t{k}"));
        var sr = new SequentialRulesRanker(options: new SequentialRulesOptions { Window = 1, MaxRulesPerItem = 1000 }).Fit(sessions);

        Assert.Equal(300, sr.RuleCount(sr.Items.GetOrAdd("a")));
        var buffer = new RankedItem[300];
        var n = Advanced(sr, "a").TopK(300, buffer);
        Assert.Equal(300, n);
        foreach (var rule in buffer)
            Assert.Equal(int.Parse(sr.Items[rule.Item][1..]) % 7 + 1, rule.Score, 5);
        Assert.True(buffer.Zip(buffer.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }
}
