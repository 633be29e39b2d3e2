namespace Personalization.Model.Preference;

/// <summary>A session's expected price level with its 10–90 % band: the head's log-price estimate and residual
/// spread, as prices. The band assumes roughly normal residuals in log price.</summary>
public readonly record struct PriceLevel(double Expected, double Low, double High)
{
    /// <summary>z of the 90th percentile of a standard normal.</summary>
    public const double BandZ = 1.2816;

    public static PriceLevel FromLog(float expectedLog, float spread) =>
        new(Math.Exp(expectedLog), Math.Exp(expectedLog - BandZ * spread), Math.Exp(expectedLog + BandZ * spread));
}
