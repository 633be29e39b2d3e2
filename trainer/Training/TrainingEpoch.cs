namespace Personalization.Trainer.Training;

/// <summary>One epoch of the training curve.</summary>
/// <param name="Loss">Mean cross-entropy per predicted position over the epoch (skipped batches left out).</param>
/// <param name="ValidationHitRate">HR@K (recall@K) on the validation targets.</param>
/// <param name="ValidationMrr">MRR@K on the validation targets.</param>
/// <param name="BadBatches">Batches skipped because their loss was not finite or libtorch failed on them.</param>
/// <param name="LearningRateFactor">The learning rate of this epoch relative to the starting one (decay cuts it);
/// a refit replays these factors.</param>
public sealed record TrainingEpoch(int Epoch, double Loss, double ValidationHitRate, double ValidationMrr,
    double Seconds, double SequencesPerSecond, int BadBatches = 0, double LearningRateFactor = 1);
