using Personalization.Trainer.Training;

namespace Personalization.Trainer.Commands;

/// <summary>What training did: the curve, the kept epoch, the refit on train + validation (its epochs; null: none),
/// the settings <c>tune</c> tried, time and memory, the artifact written, the negatives a batch drew (0: full softmax).</summary>
public sealed record TrainingSummary(
    string Artifact,
    string ModelVersion,
    int BestEpoch,
    double Seconds,
    long PeakWorkingSetBytes,
    long TrainingEvents,
    IReadOnlyList<TrainingEpoch> Epochs,
    IReadOnlyList<TrainingEpoch>? RefitEpochs = null,
    IReadOnlyList<TuneTrial>? Trials = null,
    int NegativeSamples = 0);
