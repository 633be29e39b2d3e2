using Personalization.Model.Artifacts;
using Personalization.Model.Inference;
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
