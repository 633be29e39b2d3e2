namespace Personalization.Trainer.Commands;

/// <summary>Where <c>train</c> and <c>tune</c> write: the artifact (with the price-preference head fitted on the
/// trained states when <see cref="PriceHead"/>), the JSON report, the curve, and how the model is evaluated.</summary>
internal sealed record CommandOutputs(string Artifact, string? Json, string? Plot, string? Label, bool ExcludeSeen, bool PriceHead = false);
