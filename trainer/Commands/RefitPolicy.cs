namespace Personalization.Trainer.Commands;

/// <summary>Whether the model is trained again on train + validation (everything the baselines see) for the epochs
/// chosen on validation.</summary>
internal enum RefitPolicy
{
    /// <summary>Refit when the events the validation split holds back are at least <see cref="AutoShare"/> of all
    /// fitted events (time splits hold back days of sessions; leave-last-out only one item of a tenth of the users,
    /// about 1 % of the events, which a second training would not repay).</summary>
    Auto,
    Always,
    Never,
}
