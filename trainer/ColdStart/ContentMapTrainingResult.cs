using Personalization.Model.Pricing;

namespace Personalization.Trainer.ColdStart;

/// <summary>A fitted content map: the network (eval mode), its category/brand vocabulary, the kept epoch, the
/// validation error per epoch (mean squared error per output value) and the time taken.</summary>
public sealed record ContentMapTrainingResult(
    ContentMapNetwork Network,
    PriceVocabulary Vocabulary,
    int BestEpoch,
    IReadOnlyList<double> ValidationErrors,
    double TrainingItems,
    double Seconds)
{
    public double BestValidationError => BestEpoch == 0 ? double.NaN : ValidationErrors[BestEpoch - 1];
}
