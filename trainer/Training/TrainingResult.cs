using Personalization.Trainer.Network;

namespace Personalization.Trainer.Training;

/// <summary>The trained network (holding the best epoch's weights) and the curve that led there.</summary>
/// <param name="NegativeSamples">Negatives drawn a batch (0: the full softmax), as the options chose for the data.</param>
public sealed record TrainingResult(SessionNetwork Network, IReadOnlyList<TrainingEpoch> History, int BestEpoch,
    double TotalSeconds, int NegativeSamples = 0)
{
    public TrainingEpoch Best => History.First(e => e.Epoch == BestEpoch);

    /// <summary>Numbers for the artifact's metrics section.</summary>
    public IReadOnlyDictionary<string, double> Metrics(int cutoff = 20) => new Dictionary<string, double>
    {
        [$"validation.hr@{cutoff}"] = Best.ValidationHitRate,
        [$"validation.mrr@{cutoff}"] = Best.ValidationMrr,
        ["train.loss"] = Best.Loss,
        ["train.best_epoch"] = BestEpoch,
        ["train.epochs"] = History.Count,
        ["train.seconds"] = TotalSeconds,
        ["train.negative_samples"] = NegativeSamples,
    };
}
