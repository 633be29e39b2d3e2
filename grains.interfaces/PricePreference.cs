namespace Personalization.Grains.Interfaces;

/// <summary>The session's expected price level of its next engaged item, from the model's price-preference head.</summary>
/// <param name="Expected">The estimate (the exponential of the head's expected log price).</param>
/// <param name="Low">Lower end of the 10–90 % band around it (the head's validation residual spread).</param>
/// <param name="High">Upper end of that band.</param>
/// <param name="ModelVersion">The model that computed it.</param>
[GenerateSerializer, Immutable, Alias("pz.price-preference.v1")]
public sealed record PricePreference(
    [property: Id(0)] double Expected,
    [property: Id(1)] double Low,
    [property: Id(2)] double High,
    [property: Id(3)] string ModelVersion);
