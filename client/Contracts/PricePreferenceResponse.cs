namespace Personalization.Api.Contracts;

/// <summary>A session's expected price level (<c>GET /api/users/{id}/session</c>, <c>pricePreference</c>).</summary>
/// <param name="Expected">The price the session's next engaged item is expected to have.</param>
/// <param name="Low">Lower end of the 10–90 % band (what <c>priceNear=true</c> keeps recommendations inside).</param>
/// <param name="High">Upper end of the band.</param>
/// <param name="ModelVersion">The model whose price-preference head computed it.</param>
public sealed record PricePreferenceResponse(double Expected, double Low, double High, string ModelVersion);
