using Personalization.Model.Data;
using Personalization.Model.Inference;
using Personalization.Model.Preference;
using Personalization.Model.Synthetic;
using Personalization.Model.Tests.Trainer.Network;
using Personalization.Trainer.Data;
using Personalization.Trainer.Network;
using Personalization.Trainer.Training;
using Xunit;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Personalization.Model.Tests.Preference;

/// <summary>The price-preference head: the online value after every event equals a TorchSharp forward of the same
/// weights on the network's own states, and on sessions whose next price follows a learnable pattern it beats the
/// session's mean price so far clearly.</summary>
public sealed class PricePreferenceHeadTests(ITestOutputHelper output)
{
    [Fact]
    public void The_serving_path_after_every_event_equals_the_TorchSharp_forward_of_the_head()
    {
        const int items = 50, length = 25;
        using var network = NetworkTestData.Network(items, seed: 3);
        var ids = NetworkTestData.ItemIds(items);
        var (sequence, types) = NetworkTestData.Session(items, length, seed: 3);
        var events = sequence.Select((item, t) => new SessionEvent(ids[(int)item], (int)types[t], 1_000L * t,
            Price: item % 4 == 0 ? null : 1 + item * 2.5)).ToList();
        var bare = network.ToArtifact(ids);
        var random = new Random(3);
        var weight = Enumerable.Range(0, bare.HyperParameters.HiddenSize + PricePreferenceFeatures.Count).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var head = new PricePreferenceHead(weight, 0.3f, 0.25f, 1e-3);
        var model = SessionModel.FromArtifact(head.AddTo(bare));

        // Reference: TorchSharp's GRU states, then mean log price + Linear([h_t; features]) in torch.
        var counters = new PriceCounters();
        var rows = new List<(int T, float[] Features)>();
        for (var t = 0; t < length; t++)
        {
            counters = counters.Add(events[t].Price);
            if (counters.Priced == 0) continue;
            var f = new float[PricePreferenceFeatures.Count];
            PricePreferenceFeatures.Write(counters, f);
            rows.Add((t, f));
        }
        float[] reference;
        using (no_grad())
        using (NewDisposeScope())
        {
            var states = network.HiddenStates(tensor(sequence).unsqueeze(0), tensor(types).unsqueeze(0)).squeeze(0); // [T, H]
            var picked = states.index_select(0, tensor(rows.Select(r => (long)r.T).ToArray()));                  // [R, H]
            var features = tensor(rows.SelectMany(r => r.Features).ToArray()).reshape(rows.Count, PricePreferenceFeatures.Count); // [R, F]
            using var linear = nn.Linear(weight.Length, 1);
            linear.weight!.copy_(tensor(weight).reshape(1, weight.Length));
            linear.bias!.fill_(0.3f);
            var expected = features.select(1, 0) + linear.call(cat([picked, features], 1)).squeeze(-1);        // [R]
            reference = expected.data<float>().ToArray();
        }

        var window = new HiddenStateWindow();
        counters = new PriceCounters();
        var compared = 0;
        for (var t = 0; t < length; t++)
        {
            window.Advance(model, model.Items.StepIndex(events[t].ItemId), events[t].EventType);
            counters = counters.Add(events[t].Price);
            if (counters.Priced == 0) continue;
            var f = new float[PricePreferenceFeatures.Count];
            PricePreferenceFeatures.Write(counters, f);
            var online = window.PricePreference(model, f)!.Value;
            Assert.True(Math.Abs(reference[compared] - online) <= 1e-4, $"after event {t}: torch {reference[compared]}, online {online}");
            compared++;
        }
        Assert.True(compared >= length / 2, $"{compared} priced prefixes compared");
        Assert.True(model.HasPricePreference);
        Assert.Equal(0.25f, model.PriceSpread);
        Assert.False(SessionModel.FromArtifact(bare).HasPricePreference);
    }

    [Fact]
    public void On_sessions_with_a_learnable_price_pattern_the_head_beats_the_session_mean_clearly()
    {
        var split = IntentSplit.ByShare(new SyntheticPriceSessions(Items: 200, Seed: 5).Sessions(1500).ToList(), 0.2, 0.1);
        var options = new SessionModelTrainerOptions
        {
            Epochs = 2, Threads = 1, Patience = 1,
            Shape = new() { EmbeddingSize = 16, HiddenSize = 16, AttentionSize = 8 },
        };
        using var network = new SessionModelTrainer(options).Train(split.Items.Count,
            TrainingSequences.From(split.Train, split.Items), TrainingSequences.From(split.Validation, split.Items)).Network;
        var model = SessionModel.FromArtifact(network.ToArtifact(split.Items.Ids));
        var head = PricePreferenceHead.Fit(PriceExamples.From(model, split.Train), PriceExamples.From(model, split.Validation), model.HiddenSize);
        var test = PriceExamples.From(model, split.Test);

        var baseline = test.Average(e => Math.Abs(e.MeanLog - e.NextLogPrice));
        var served = SessionModel.FromArtifact(head.AddTo(network.ToArtifact(split.Items.Ids)));
        var headError = test.Average(e => Math.Abs(served.PricePreference(e.State, e.Features) - e.NextLogPrice));
        output.WriteLine($"MAE of log price on {test.Count} prefixes: session mean {baseline:F3}, head {headError:F3}");

        // Measured: mean about 0.46, head about 0.33; the bar leaves room for seeds.
        Assert.True(headError <= 0.85 * baseline, $"head {headError:F3} vs session mean {baseline:F3}");
    }
}
