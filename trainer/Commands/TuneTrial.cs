namespace Personalization.Trainer.Commands;

/// <summary>One setting <c>pz-train tune</c> tried: what it changed from the defaults, its best validation epoch and
/// scores, how long it trained, and whether it was chosen.</summary>
public sealed record TuneTrial(string Settings, int BestEpoch, int Epochs, double ValidationHitRate, double ValidationMrr,
    double Seconds, bool Chosen);
