using Personalization.Model.Tests.Trainer.Network;
using Personalization.Model.Synthetic;
using Personalization.Trainer.Training;
using Xunit;
using static TorchSharp.torch;

namespace Personalization.Model.Tests.Trainer.Training;

[Collection(TorchRandomCollection.Name)]
public class ReproducibleTrainingTests
{
    [Fact]
    public void The_same_data_seed_and_one_thread_give_the_same_curve_and_the_same_weights()
    {
        var (items, train, validation) = TinyShop();
        // Dropout, learning-rate decay and sampled negatives: every random draw and the decay path take part.
        var options = new SessionModelTrainerOptions
        {
            Epochs = 3, BatchSize = 16, Threads = 1, Seed = 9, LearningRateDecay = 0.5, Patience = 3,
            Shape = new SessionModelTrainerOptions().Shape with { EmbeddingSize = 16, HiddenSize = 16, AttentionSize = 16 },
        };

        var first = new SessionModelTrainer(options).Train(items, train, validation);
        var firstWeights = Weights(first);
        var second = new SessionModelTrainer(options).Train(items, train, validation);

        Assert.Equal(first.History.Select(e => (e.Loss, e.ValidationHitRate, e.ValidationMrr)),
            second.History.Select(e => (e.Loss, e.ValidationHitRate, e.ValidationMrr)));
        Assert.Equal(first.BestEpoch, second.BestEpoch);
        var secondWeights = Weights(second);
        Assert.Equal(firstWeights.Keys, secondWeights.Keys);
        foreach (var (name, values) in firstWeights) Assert.Equal(values, secondWeights[name]);
    }

    internal static (int Items, List<TrainingSequence> Train, List<TrainingSequence> Validation) TinyShop()
    {
        var sessions = new SyntheticClickstream(new SyntheticClickstreamOptions { Items = 120, Categories = 6, Seed = 3 })
            .Sessions(360).ToList();
        var vocabulary = new ItemVocabulary();
        foreach (var e in sessions.SelectMany(s => s.Events)) vocabulary.GetOrAdd(e.ItemId);
        var sequences = TrainingSequences.From(sessions, vocabulary);
        return (vocabulary.Count, sequences[..300], sequences[300..]);
    }

    private static Dictionary<string, float[]> Weights(TrainingResult result)
    {
        using var _ = no_grad();
        return result.Network.named_parameters().ToDictionary(p => p.name, p => p.parameter.data<float>().ToArray());
    }
}
