using Personalization.Model.Inference;
using Personalization.Model.Tests.Trainer.Network;
using Personalization.Trainer.Network;
using Xunit;

namespace Personalization.Model.Tests.Inference;

/// <summary>The managed online path (one GRU step per event, attention ranking) replays the TorchSharp network's
/// full-sequence forward on the same weights.</summary>
[Collection(TorchRandomCollection.Name)]
public sealed class OnlinePathTests
{
    private const float Tolerance = 1e-4f;

    [Theory]
    [InlineData(1, 7)]
    [InlineData(12, 8)]
    [InlineData(30, 9)]
    public void Gru_steps_one_event_at_a_time_equal_the_full_sequence_forward(int length, int seed)
    {
        using var network = NetworkTestData.Network(seed: seed);
        var model = SessionModel.FromArtifact(network.ToArtifact(NetworkTestData.ItemIds(50)));
        var (items, types) = NetworkTestData.Session(50, length, seed);
        var reference = NetworkTestData.ReferenceStates(network, items, types);

        var state = Array.Empty<float>();
        for (var t = 0; t < length; t++)
        {
            var next = new float[model.HiddenSize];
            model.Step(state, (int)items[t], (int)types[t], next);
            AssertClose(reference[t], next, $"hidden state at position {t}");
            state = next;
        }
    }

    [Theory]
    [InlineData(5, 3, true, false)]   // shorter than the window
    [InlineData(5, 13, true, false)]  // longer than the window: the band must slide
    [InlineData(1, 6, false, false)]  // window of one, no item bias
    [InlineData(8, 20, true, false)]
    [InlineData(5, 13, true, true)]   // the last item's embedding feeds the session vector too
    [InlineData(1, 4, false, true)]
    [InlineData(5, 17, true, true, true)]  // learned transition scores of the last item
    [InlineData(3, 9, false, false, true, true)] // tied input and output tables
    [InlineData(5, 13, true, true, true, true, 4)]  // repeat scores: the window of session items slides too
    [InlineData(2, 7, true, false, false, false, 20)] // a repeat window longer than the session
    [InlineData(5, 17, true, true, true, true, 6, 8)] // neighbourhood scores of the same window
    [InlineData(1, 5, false, false, false, false, 1, 3)]
    public void Attention_ranking_scores_equal_the_TorchSharp_scores_at_every_position(int window, int length, bool itemBias,
        bool lastItemSkip, bool transitions = false, bool tied = false, int repeatWindow = 0, int neighbours = 0)
    {
        const int items = 60;
        using var network = NetworkTestData.Network(items, window, seed: length, itemBias: itemBias, lastItemSkip: lastItemSkip,
            transitions: transitions, tied: tied, repeatWindow: repeatWindow, neighbours: neighbours);
        var model = SessionModel.FromArtifact(network.ToArtifact(NetworkTestData.ItemIds(items)));
        var (sequence, types) = NetworkTestData.Session(items, length, seed: 100 + length);
        var reference = NetworkTestData.ReferenceScores(network, sequence, types);

        var cursor = model.StartSession();
        var ranked = new RankedItem[items];
        for (var t = 0; t < length; t++)
        {
            cursor.Advance((int)sequence[t], (int)types[t]);
            Assert.Equal(items, cursor.TopK(items, ranked));
            var online = new float[items];
            foreach (var entry in ranked) online[entry.Item] = entry.Score;
            AssertClose(reference[t], online, $"scores after event {t}");
            var expectedOrder = reference[t].Select((score, item) => (score, item))
                .OrderByDescending(p => p.score).ThenBy(p => p.item).Select(p => p.item).Take(10);
            Assert.Equal(expectedOrder, ranked.Take(10).Select(r => r.Item));
        }
    }

    [Theory]
    [InlineData(1_200, false, false)]
    [InlineData(2_000, true, true)] // last-item skip and transition scores
    public void Served_top_20_over_a_catalog_larger_than_the_candidate_set_is_the_TorchSharp_top_20(int items, bool lastItemSkip,
        bool transitions)
    {
        using var network = NetworkTestData.Network(items, seed: 21, lastItemSkip: lastItemSkip, transitions: transitions);
        var model = SessionModel.FromArtifact(network.ToArtifact(NetworkTestData.ItemIds(items)));
        Assert.True(CatalogScorer.CandidatesFor(20) < items, "the int8 candidate stage must be the one under test");
        var (sequence, types) = NetworkTestData.Session(items, 9, seed: 5);
        var reference = NetworkTestData.ReferenceScores(network, sequence, types);

        var cursor = model.StartSession();
        var top = new RankedItem[20];
        for (var t = 0; t < sequence.Length; t++)
        {
            cursor.Advance((int)sequence[t], (int)types[t]);
            Assert.Equal(20, cursor.TopK(20, top));
            var expected = reference[t].Select((score, item) => (score, item)).OrderByDescending(p => p.score).ThenBy(p => p.item).ToArray();
            foreach (var (item, score) in top)
                Assert.True(MathF.Abs(reference[t][item] - score) <= Tolerance, $"item {item} after event {t}: TorchSharp {reference[t][item]}, online {score}");
            // Nothing the reference ranks above the served 20th item (beyond float noise) is missing.
            Assert.True(expected[20].score <= top[^1].Score + Tolerance, $"after event {t} the served top-20 misses an item");
            Assert.Equal(expected.Take(20).Select(p => p.item), top.Select(r => r.Item));
        }
    }

    [Fact]
    public void Repeat_scores_can_put_the_sessions_own_items_first()
    {
        const int items = 50;
        using var network = NetworkTestData.Network(items, repeatWindow: 6);
        using (TorchSharp.torch.no_grad())
            network.named_parameters().Single(p => p.name == "repeat_score.bias").parameter.fill_(100f);
        var model = SessionModel.FromArtifact(network.ToArtifact(NetworkTestData.ItemIds(items)));
        var session = new[] { 7, 31, 7, 12, 44 };
        var cursor = model.StartSession();
        foreach (var item in session) cursor.Advance(item, 0);

        var top = new RankedItem[4];
        cursor.TopK(4, top);

        // A bias of 100 per occurrence dwarfs every catalog score: the four distinct session items lead.
        Assert.Equal(session.Distinct().Order(), top.Select(r => r.Item).Order());
        var withoutItems = new RankedItem[4];
        var window = new HiddenStateWindow();
        foreach (var item in session) window.Advance(model, item, 0);
        HiddenStateWindow.Rank(model, window.Floats, window.LastItem, [], withoutItems);
        Assert.NotEqual(top.Select(r => r.Item).Order(), withoutItems.Select(r => r.Item).Order());
    }

    [Fact]
    public void Top_k_is_the_head_of_the_full_ranking_and_skips_excluded_items()
    {
        const int items = 40;
        using var network = NetworkTestData.Network(items);
        var model = SessionModel.FromArtifact(network.ToArtifact(NetworkTestData.ItemIds(items)));
        var cursor = model.StartSession();
        var (sequence, types) = NetworkTestData.Session(items, 7, seed: 3);
        for (var t = 0; t < sequence.Length; t++) cursor.Advance((int)sequence[t], (int)types[t]);

        var full = new RankedItem[items];
        cursor.TopK(items, full);
        var top5 = new RankedItem[5];
        Assert.Equal(5, cursor.TopK(5, top5));
        Assert.Equal(full.Take(5), top5);

        var exclude = new HashSet<int> { full[0].Item, full[2].Item };
        var filtered = new RankedItem[5];
        Assert.Equal(5, cursor.TopK(5, filtered, ItemFilter.Excluding(exclude)));
        Assert.Equal(full.Where(r => !exclude.Contains(r.Item)).Take(5), filtered);
    }

    [Fact]
    public void A_catalog_smaller_than_k_returns_every_item_not_excluded()
    {
        using var network = NetworkTestData.Network(items: 6);
        var model = SessionModel.FromArtifact(network.ToArtifact(NetworkTestData.ItemIds(6)));
        var cursor = model.StartSession();
        cursor.Advance(2, 0);

        var ranked = new RankedItem[20];
        var written = cursor.TopK(20, ranked, ItemFilter.Excluding(new HashSet<int> { 2 }));

        Assert.Equal(5, written);
        Assert.DoesNotContain(2, ranked.Take(written).Select(r => r.Item));
        Assert.Equal(ranked.Take(written).OrderByDescending(r => r.Score), ranked.Take(written));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // an unknown item is not the "last item" either
    public void Unknown_items_leave_the_session_state_untouched(bool lastItemSkip)
    {
        using var network = NetworkTestData.Network(items: 30, lastItemSkip: lastItemSkip);
        var model = SessionModel.FromArtifact(network.ToArtifact(NetworkTestData.ItemIds(30)));
        var withUnknown = model.StartSession();
        var without = model.StartSession();
        foreach (var (item, type) in new[] { (4, 0), (-1, 0), (9, 1), (-1, 3), (11, 0) })
        {
            withUnknown.Advance(item, type);
            if (item >= 0) without.Advance(item, type);
        }

        var a = new RankedItem[30];
        var b = new RankedItem[30];
        withUnknown.TopK(30, a);
        without.TopK(30, b);
        Assert.Equal(b, a);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Step([], -1, 0, new float[model.HiddenSize]));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Step([], 3, model.EventTypes, new float[model.HiddenSize]));
    }

    [Fact]
    public void Step_may_write_the_next_state_over_the_previous_one()
    {
        using var network = NetworkTestData.Network(items: 20);
        var model = SessionModel.FromArtifact(network.ToArtifact(NetworkTestData.ItemIds(20)));
        var first = new float[model.HiddenSize];
        model.Step([], 3, 0, first);
        var separate = new float[model.HiddenSize];
        model.Step(first, 8, 1, separate);

        model.Step(first, 8, 1, first);

        Assert.Equal(separate, first);
    }

    [Fact]
    public void One_model_ranks_many_sessions_on_many_threads_as_it_does_on_one()
    {
        const int items = 80;
        using var network = NetworkTestData.Network(items);
        var model = SessionModel.FromArtifact(network.ToArtifact(NetworkTestData.ItemIds(items)));
        var sessions = Enumerable.Range(0, 64).Select(s => NetworkTestData.Session(items, 3 + s % 9, seed: s)).ToArray();
        RankedItem[] RankAlone(int s)
        {
            var cursor = model.StartSession();
            var (sequence, types) = sessions[s];
            for (var t = 0; t < sequence.Length; t++) cursor.Advance((int)sequence[t], (int)types[t]);
            var top = new RankedItem[10];
            cursor.TopK(10, top);
            return top;
        }
        var sequential = Enumerable.Range(0, sessions.Length).Select(RankAlone).ToArray();

        var parallel = new RankedItem[sessions.Length][];
        Parallel.For(0, sessions.Length * 8, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            i => parallel[i % sessions.Length] = RankAlone(i % sessions.Length));

        for (var s = 0; s < sessions.Length; s++) Assert.Equal(sequential[s], parallel[s]);
    }

    private static void AssertClose(float[] expected, float[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(MathF.Abs(expected[i] - actual[i]) <= Tolerance,
                $"{what}[{i}]: TorchSharp {expected[i]}, online {actual[i]}");
    }
}
