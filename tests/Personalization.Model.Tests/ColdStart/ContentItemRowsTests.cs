using Personalization.Model.ColdStart;
using Personalization.Model.Inference;
using Personalization.Model.Tests.Trainer.Network;
using Personalization.Trainer.Network;
using Xunit;

namespace Personalization.Model.Tests.ColdStart;

/// <summary>A model with content-based items appended: trained items are untouched, a new item is scored and steps
/// the GRU with its rows, and category scores reach only new items of the last item's category.</summary>
[Collection(TorchRandomCollection.Name)]
public sealed class ContentItemRowsTests
{
    private static SessionModel Trained()
    {
        using var network = NetworkTestData.Network(seed: 5);
        return SessionModel.FromArtifact(network.ToArtifact(NetworkTestData.ItemIds(50)));
    }

    private static float[] RowOf(SessionModel model, int item)
    {
        var e = model.Trained.HyperParameters.EmbeddingSize;
        var bias = model.Trained.HyperParameters.ItemBias;
        var row = new float[2 * e + (bias ? 1 : 0)];
        model.Trained.Tensor("item_embedding.weight").Values.AsSpan(item * e, e).CopyTo(row);
        model.Trained.Tensor("output_embedding.weight").Values.AsSpan(item * e, e).CopyTo(row.AsSpan(e));
        if (bias) row[2 * e] = model.Trained.Tensor("output_bias").Values[item];
        return row;
    }

    [Fact]
    public void A_new_item_with_a_trained_items_rows_steps_and_scores_exactly_like_it_and_trained_items_keep_their_results()
    {
        var model = Trained();
        var twin = 3;
        var extended = model.WithContentItems(["new-1"], RowOf(model, twin));
        Assert.True(extended.Items.TryGetIndex("new-1", out var added));
        Assert.True(extended.IsContentBased(added));
        Assert.False(extended.IsContentBased(twin));
        Assert.Equal(model.Version, extended.Version);

        var h = model.HiddenSize;
        var before = new float[h];
        model.Step([], 1, 0, before);
        var (viaTwin, viaNew) = (new float[h], new float[h]);
        model.Step(before, twin, 0, viaTwin);
        extended.Step(before, added, 0, viaNew);
        Assert.Equal(viaTwin, viaNew);

        var top = new RankedItem[model.Items.Count];
        var topExtended = new RankedItem[extended.Items.Count];
        var written = HiddenStateWindow.Rank(model, viaTwin, 1, [], top);
        var writtenExtended = HiddenStateWindow.Rank(extended, viaTwin, 1, [], topExtended);
        var scores = top[..written].ToDictionary(r => r.Item, r => r.Score);
        var extendedScores = topExtended[..writtenExtended].ToDictionary(r => r.Item, r => r.Score);
        foreach (var (item, score) in scores) Assert.Equal(score, extendedScores[item], 5);
        Assert.Equal(scores[twin], extendedScores[added], 5);
    }

    [Fact]
    public void Category_scores_lift_only_the_new_items_that_share_the_last_items_category()
    {
        var model = Trained();
        var categories = new Dictionary<string, string>
        {
            [model.Items[1]] = "A > B", ["same"] = "A > B", ["sibling"] = "A > C", ["other"] = "Z",
        };
        var zero = RowOf(model, 3);
        var rows = new[] { zero, zero, zero }.SelectMany(r => r).ToArray();
        var plain = model.WithContentItems(["same", "sibling", "other"], rows);
        var lifted = model.WithContentItems(["same", "sibling", "other"], rows, id => categories.GetValueOrDefault(id), [1f, 10f]);

        var h = model.HiddenSize;
        var state = new float[h];
        model.Step([], 1, 0, state);
        float Score(SessionModel m, string id)
        {
            var top = new RankedItem[m.Items.Count];
            var written = HiddenStateWindow.Rank(m, state, 1, [], top);
            return top[..written].Single(r => m.Items[r.Item] == id).Score;
        }
        Assert.Equal(Score(plain, "same") + 11f, Score(lifted, "same"), 4);
        Assert.Equal(Score(plain, "sibling") + 1f, Score(lifted, "sibling"), 4);
        Assert.Equal(Score(plain, "other"), Score(lifted, "other"), 4);
        Assert.Equal(Score(plain, model.Items[2]), Score(lifted, model.Items[2]), 4);
    }
}
