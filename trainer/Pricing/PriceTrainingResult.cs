using Personalization.Model.Pricing;

namespace Personalization.Trainer.Pricing;

/// <summary>The trained network (best validation epoch's weights, or their running average when
/// <paramref name="BestIsAverage"/>; in eval mode), its vocabulary and curve.</summary>
public sealed record PriceTrainingResult(PriceNetwork Network, PriceVocabulary Vocabulary, IReadOnlyList<PriceTrainingEpoch> History,
    int BestEpoch, double Seconds, bool BestIsAverage = false);
