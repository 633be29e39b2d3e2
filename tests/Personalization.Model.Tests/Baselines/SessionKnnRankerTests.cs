using Xunit;
using Personalization.Model.Baselines;
using static Personalization.Model.Tests.Baselines.BaselineTestData;

namespace Personalization.Model.Tests.Baselines;

public class SessionKnnRankerTests
{
    [Fact]
    public void Recommends_the_items_of_the_most_similar_past_sessions()
    {
        var knn = new SessionKnnRanker().Fit([
            TimedSession("1", 0, "a", "b", "c"),
            TimedSession("2", 10_000, "a", "b", "d"),
            TimedSession("3", 20_000, "x", "y", "z"),
        ]);

        var top = TopIds(knn, Advanced(knn, "a", "b"), 10);

        Assert.Contains("c", top);
        Assert.Contains("d", top);
        Assert.DoesNotContain("y", top);
    }

    [Fact]
    public void Neighbours_sharing_the_newest_item_weigh_more_than_those_sharing_an_old_one()
    {
        var knn = new SessionKnnRanker().Fit([
            TimedSession("old-match", 0, "a", "from-old"),
            TimedSession("new-match", 0, "b", "from-new"),
        ]);

        var top = TopIds(knn, Advanced(knn, "a", "b"), 4);

        Assert.Equal(["b", "from-new"], top[..2].Order().ToArray());
        Assert.Equal(["a", "from-old"], top[2..].Order().ToArray());
    }

    [Fact]
    public void Only_the_k_nearest_neighbours_vote()
    {
        var knn = new SessionKnnRanker(options: new SessionKnnOptions { Neighbours = 1 }).Fit([
            TimedSession("close", 0, "a", "b", "close-item"),
            TimedSession("far", 0, "a", "far-1", "far-2", "far-3", "far-4"),
        ]);

        var top = TopIds(knn, Advanced(knn, "a", "b"), 10);

        Assert.Contains("close-item", top);
        Assert.DoesNotContain("far-1", top);
    }

    [Fact]
    public void Samples_only_the_most_recent_candidate_sessions()
    {
        var knn = new SessionKnnRanker(options: new SessionKnnOptions { SampleSize = 1 }).Fit([
            TimedSession("older", 0, "a", "older-item"),
            TimedSession("newer", 50_000, "a", "newer-item"),
        ]);

        var top = TopIds(knn, Advanced(knn, "a"), 10);

        Assert.Contains("newer-item", top);
        Assert.DoesNotContain("older-item", top);
    }

    [Fact]
    public void Can_leave_the_session_items_out()
    {
        var knn = new SessionKnnRanker(options: new SessionKnnOptions { ExcludeSessionItems = true })
            .Fit([TimedSession("1", 0, "a", "b", "c")]);

        Assert.Equal(["c"], TopIds(knn, Advanced(knn, "a", "b"), 10));
    }

    [Fact]
    public void Unknown_items_and_empty_sessions_return_nothing_rather_than_fail()
    {
        var knn = new SessionKnnRanker().Fit([TimedSession("1", 0, "a", "b")]);
        var cursor = knn.StartSession();
        Assert.Empty(TopIds(knn, cursor, 5));

        cursor.Advance(-1, 0);
        Assert.Empty(TopIds(knn, cursor, 5));

        cursor.Advance(knn.Items.GetOrAdd("a"), 0);
        cursor.Advance(-1, 0);
        Assert.Equal(["a", "b"], TopIds(knn, cursor, 5).Order().ToArray());
    }

    [Fact]
    public void Results_do_not_depend_on_what_other_code_left_in_the_shared_array_pool()
    {
        var knn = new SessionKnnRanker().Fit([
            TimedSession("1", 0, "a", "b", "c"),
            TimedSession("2", 10_000, "x", "y", "z"),
        ]);
        var before = TopIds(knn, Advanced(knn, "a"), 10);
        for (var i = 0; i < 4; i++)
        {
            var dirty = System.Buffers.ArrayPool<float>.Shared.Rent(knn.Items.Count);
            Array.Fill(dirty, 1e6f);
            System.Buffers.ArrayPool<float>.Shared.Return(dirty);
        }

        Assert.Equal(before, TopIds(knn, Advanced(knn, "a"), 10));
        Assert.Equal(["a", "b", "c"], before.Order().ToArray());
    }
}
