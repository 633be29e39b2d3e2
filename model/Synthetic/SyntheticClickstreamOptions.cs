namespace Personalization.Model.Synthetic;

/// <summary>Shape of the synthetic shop. Defaults give a catalog and traffic a small model learns in seconds.</summary>
public sealed class SyntheticClickstreamOptions
{
    public int Items { get; set; } = 2_000;
    public int Categories { get; set; } = 40;
    public int Users { get; set; } = 5_000;
    /// <summary>Probability that the next view stays on the current intent's browse path.</summary>
    public double FollowPathProbability { get; set; } = 0.7;
    /// <summary>Probability per event of drifting to a related category.</summary>
    public double IntentDriftProbability { get; set; } = 0.08;
    public double AddToCartProbability { get; set; } = 0.08;
    public double PurchaseAfterCartProbability { get; set; } = 0.5;
    public int MinSessionLength { get; set; } = 2;
    public int MaxSessionLength { get; set; } = 20;
    public int Seed { get; set; } = 42;
    /// <summary>Share of catalog items in stock (<see cref="SyntheticCatalog"/>).</summary>
    public double InStockProbability { get; set; } = 0.9;
    /// <summary>Standard deviation of an item's own log-price noise around what its content determines.</summary>
    public double PriceNoise { get; set; } = 0.15;
    /// <summary>Longest gap between two session starts (uniform from 1 s): the default spreads 20,000 sessions over
    /// about four weeks, so time-based splits (last days as test) work on generated files.</summary>
    public int MaxSecondsBetweenSessions { get; set; } = 240;
    /// <summary>Simulated time of the first session.</summary>
    public DateTimeOffset Start { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
