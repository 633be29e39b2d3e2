namespace Personalization.Grains.Interfaces;

/// <summary>What a user grain did with a batch of events. Returned only once the resulting state is durable.</summary>
/// <param name="Applied">Events that advanced the session state.</param>
/// <param name="Duplicates">Events skipped because their offset or event id was already applied.</param>
/// <param name="UnknownItems">Applied events whose item the model does not know (recorded, state not advanced).</param>
/// <param name="SessionsStarted">Session boundaries crossed while applying the batch.</param>
[GenerateSerializer, Immutable, Alias("pz.apply-result.v1")]
public sealed record ApplyResult(
    [property: Id(0)] int Applied,
    [property: Id(1)] int Duplicates,
    [property: Id(2)] int UnknownItems,
    [property: Id(3)] int SessionsStarted);
