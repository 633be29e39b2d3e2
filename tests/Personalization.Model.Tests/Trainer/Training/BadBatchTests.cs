using Personalization.Model.Tests.Trainer.Network;
using Personalization.Trainer.Training;
using Xunit;
using static TorchSharp.torch;

namespace Personalization.Model.Tests.Trainer.Training;

[Collection(TorchRandomCollection.Name)]
public class BadBatchTests
{
    private static readonly SessionModelTrainerOptions Small = new()
    {
        Epochs = 2, BatchSize = 16, Threads = 1, Seed = 4, MaxBadBatchShare = 0.2,
        Shape = new SessionModelTrainerOptions().Shape with { EmbeddingSize = 16, HiddenSize = 16, AttentionSize = 16 },
    };

    [Fact]
    public void A_batch_with_a_non_finite_loss_or_a_libtorch_error_is_skipped_counted_and_reported_and_training_goes_on()
    {
        var (items, train, validation) = ReproducibleTrainingTests.TinyShop();
        var progress = new List<string>();
        var trainer = new SessionModelTrainer(Small, progress.Add)
        {
            InjectFault = (epoch, batch) => (epoch, batch) switch
            {
                (1, 2) => BatchFault.NonFiniteLoss,
                (1, 5) => BatchFault.NativeError,
                _ => BatchFault.None,
            },
        };

        var result = trainer.Train(items, train, validation);

        Assert.Equal([2, 0], result.History.Select(e => e.BadBatches));
        Assert.Equal(2, result.History.Count);
        Assert.All(result.History, e => Assert.True(double.IsFinite(e.Loss)));
        Assert.Contains(progress, line => line.Contains("batch 2/") && line.Contains("skipped: loss is NaN"));
        Assert.Contains(progress, line => line.Contains("batch 5/") && line.Contains("skipped: libtorch"));
        Assert.Contains(progress, line => line.StartsWith("epoch 1/2  loss") && line.Contains("bad batches 2"));
        using var _ = no_grad();
        Assert.All(result.Network.parameters(), p => Assert.True(p.isfinite().all().item<bool>()));
    }

    [Fact]
    public void More_bad_batches_than_the_allowed_share_stop_training_with_a_clear_error()
    {
        var (items, train, validation) = ReproducibleTrainingTests.TinyShop();
        var trainer = new SessionModelTrainer(Small) { InjectFault = (_, batch) => batch % 2 == 0 ? BatchFault.NonFiniteLoss : BatchFault.None };

        var error = Assert.Throws<TrainingFailedException>(() => trainer.Train(items, train, validation));

        Assert.Contains("Epoch 1", error.Message);
        Assert.Contains("batches failed", error.Message);
    }
}
