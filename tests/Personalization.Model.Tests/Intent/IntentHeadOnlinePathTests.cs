using Personalization.Model.Artifacts;
using Personalization.Model.Data;
using Personalization.Model.Inference;
using Personalization.Model.Intent;
using Personalization.Model.Tests.Trainer.Network;
using Personalization.Trainer.Network;
using Xunit;
using static TorchSharp.torch;

namespace Personalization.Model.Tests.Intent;

/// <summary>The intent head online (managed, one GRU step per event, the head on the current state) equals the
/// TorchSharp network's forward on the same weights, and artifacts without the head still load.</summary>
public sealed class IntentHeadOnlinePathTests
{
    [Theory]
    [InlineData(1, 8, 3)]
    [InlineData(17, 16, 4)]
    [InlineData(40, 4, 5)]
    public void The_managed_intent_after_every_event_equals_the_TorchSharp_forward_within_1e_4(int length, int width, int seed)
    {
        const int items = 50;
        using var network = NetworkTestData.Network(items, seed: seed, intentHidden: width);
        var model = SessionModel.FromArtifact(network.ToArtifact(NetworkTestData.ItemIds(items)));
        var (sequence, types) = NetworkTestData.Session(items, length, seed);
        float[] reference;
        using (no_grad())
        using (NewDisposeScope())
        {
            var states = network.HiddenStates(tensor(sequence).unsqueeze(0), tensor(types).unsqueeze(0)); // [1, T, H]
            reference = network.IntentLogits(states).sigmoid().squeeze(0).data<float>().ToArray();      // [T]
        }

        var window = new HiddenStateWindow();
        Assert.True(model.HasIntent);
        for (var t = 0; t < length; t++)
        {
            window.Advance(model, (int)sequence[t], (int)types[t]);
            var online = window.Intent(model)!.Value;
            Assert.True(Math.Abs(reference[t] - online) <= 1e-4f, $"intent after event {t}: torch {reference[t]}, online {online}");
        }
        Assert.Contains(reference, p => p is > 0.05f and < 0.95f); // the head moves: not saturated everywhere
    }

    [Theory]
    [InlineData(1, 8, 3)]
    [InlineData(30, 16, 4)]
    public void With_the_wide_part_the_serving_path_after_every_event_equals_the_TorchSharp_forward_on_the_same_features(
        int length, int width, int seed)
    {
        const int items = 50;
        using var network = NetworkTestData.Network(items, seed: seed, intentHidden: width, intentFeatures: IntentWideFeatures.Count);
        var ids = NetworkTestData.ItemIds(items);
        var model = SessionModel.FromArtifact(network.ToArtifact(ids));
        var (sequence, types) = NetworkTestData.Session(items, length, seed);
        // Minutes to hours apart, so elapsed time and gaps take many values; a repeat now and then (the session data).
        var random = new Random(seed);
        var clock = 1_772_355_600_000L;
        var events = sequence.Select((item, t) => new SessionEvent(ids[(int)item], (int)types[t], clock += random.Next(1, 600) * 10_000L,
            item % 5 == 0 ? null : $"category-{item % 3}")).ToList();
        var features = new float[length, IntentWideFeatures.Count];
        var tracker = new IntentFeatureTracker();
        var row = new float[IntentWideFeatures.Count];
        for (var t = 0; t < length; t++)
        {
            tracker.Add(events[t]);
            tracker.Write(row);
            for (var f = 0; f < row.Length; f++) features[t, f] = row[f];
        }
        float[] reference;
        using (no_grad())
        using (NewDisposeScope())
        {
            var states = network.HiddenStates(tensor(sequence).unsqueeze(0), tensor(types).unsqueeze(0)).squeeze(0); // [T, H]
            reference = network.IntentLogits(states, tensor(features)).sigmoid().data<float>().ToArray();           // [T]
        }

        var session = new ModelIntentPredictor(model).StartSession();
        Assert.Equal(IntentWideFeatures.Count, model.IntentFeatures);
        for (var t = 0; t < length; t++)
        {
            var online = session.Advance(events[t]);
            Assert.True(Math.Abs(reference[t] - online) <= 1e-4, $"intent after event {t}: torch {reference[t]}, online {online}");
        }
        Assert.Throws<ArgumentException>(() => model.Intent(new float[model.HiddenSize])); // the features are not optional
    }

    [Fact]
    public void The_wide_features_count_the_session_as_the_user_grains_keep_it()
    {
        var tracker = new IntentFeatureTracker();
        var start = 1_772_355_600_000L;
        // 25 events: views of a, b, a, …, one cart add and one wishlist add, the last 10 minutes after the one before.
        // a is in category A, every b in B, c in none the data knows.
        for (var t = 0; t < 23; t++) tracker.Add(t % 2 == 0 ? new SessionEvent("a", 0, start + t * 60_000L, "A") : new SessionEvent($"b{t}", 0, start + t * 60_000L, "B"));
        tracker.Add(new SessionEvent("c", 4, start + 23 * 60_000L));
        tracker.Add(new SessionEvent("c", 1, start + 33 * 60_000L));
        var f = new float[IntentWideFeatures.Count];
        tracker.Write(f);

        Assert.Equal(MathF.Log(26), f[0], 5);                 // length
        Assert.Equal(MathF.Log(2), f[1], 5);                  // one cart add
        Assert.Equal(MathF.Log(2), f[2], 5);                  // one wishlist add
        // The last 20 ids: events 5..24 = a ×9 (events 6, 8, …, 22), b5 … b21 once each, c ×2 → 11 distinct, a 9 times at most.
        Assert.Equal(MathF.Log(12), f[3], 5);
        Assert.Equal(MathF.Log(10), f[4], 5);
        Assert.Equal(MathF.Log(3), f[5], 5);                  // categories A and B (c has none)
        Assert.Equal(MathF.Log(34), f[6], 5);                 // 33 minutes elapsed
        Assert.Equal(MathF.Log(11), f[7], 5);                 // 10 minutes since the previous event
        Assert.Equal([1f, 0f, 0f], f[8..11]);                 // the last event is a cart add
        // Over the whole session: a, b1, b3 … b21, c = 13 distinct ids and 2 categories, as the sketches estimate them.
        var ids = new[] { "a", "c" }.Concat(Enumerable.Range(0, 11).Select(i => $"b{2 * i + 1}")).Aggregate(0UL, DistinctSketch.Add);
        Assert.Equal(MathF.Log(1 + DistinctSketch.Estimate(ids)), f[11], 5);
        Assert.InRange(DistinctSketch.Estimate(ids), 10, 17);
        Assert.Equal(MathF.Log(1 + DistinctSketch.Estimate(DistinctSketch.Add(DistinctSketch.Add(0, "A"), "B"))), f[12], 5);
    }

    [Fact]
    public void An_artifact_without_the_head_loads_and_reports_no_intent()
    {
        using var network = NetworkTestData.Network(30);
        var artifact = network.ToArtifact(NetworkTestData.ItemIds(30));
        var path = Path.Combine(Path.GetTempPath(), $"pz-no-head-{Guid.NewGuid():N}.pzm");
        try
        {
            var written = ModelArtifactFile.Write(path, artifact);
            var model = SessionModel.Load(path);

            Assert.False(model.HasIntent);
            Assert.Null(new HiddenStateWindow().Intent(model));
            Assert.DoesNotContain(written.Tensors, t => t.Name.StartsWith("intent.", StringComparison.Ordinal));
            Assert.Throws<InvalidOperationException>(() => model.Intent([]));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_head_changes_neither_the_hash_form_of_older_shapes_nor_the_ranking()
    {
        using var plain = NetworkTestData.Network(30, seed: 9);
        using var withHead = NetworkTestData.Network(30, seed: 9, intentHidden: 8);

        Assert.DoesNotContain("intentHiddenSize", System.Text.Json.JsonSerializer.Serialize(plain.Options.Shape, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)));
        Assert.Equal(plain.named_parameters().Count() + 4, withHead.named_parameters().Count());
        Assert.All(withHead.named_parameters().Select(p => p.name).Except(plain.named_parameters().Select(p => p.name)),
            name => Assert.StartsWith("intent.", name));
    }

    [Fact]
    public void A_saved_artifact_with_the_head_loads_back_into_an_equal_network()
    {
        using var network = NetworkTestData.Network(30, seed: 11, intentHidden: 6);
        var artifact = network.ToArtifact(NetworkTestData.ItemIds(30));
        using var loaded = artifact.ToNetwork();
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var states = randn(4, network.Options.Shape.HiddenSize);

        Assert.True(network.IntentLogits(states).allclose(loaded.IntentLogits(states)));
        Assert.Equal(6, loaded.Options.Shape.IntentHiddenSize);
    }
}
