namespace Personalization.Trainer.Pricing;

/// <summary>One epoch of the price training curve: mean pinball loss (summed over the quantiles) on the training
/// and validation products, validation MdAPE of the median head.</summary>
public sealed record PriceTrainingEpoch(int Epoch, double Loss, double ValidationLoss, double ValidationMdape, double Seconds);
