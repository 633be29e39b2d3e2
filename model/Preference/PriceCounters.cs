namespace Personalization.Model.Preference;

/// <summary>What the price-preference head reads of a session's prices besides h_t, updated one priced event at a
/// time by this one rule in training, evaluation and the user grains (which persist the three fields: 12 bytes).</summary>
/// <param name="Priced">Events of the session so far that carried a positive price.</param>
/// <param name="LogSum">Sum of their natural-log prices.</param>
/// <param name="LastLog">Log price of the latest of them.</param>
public readonly record struct PriceCounters(int Priced, float LogSum, float LastLog)
{
    /// <summary>The counters after one more event with <paramref name="price"/> (null or not positive: unchanged).</summary>
    public PriceCounters Add(double? price)
    {
        if (price is not > 0 || !double.IsFinite(price.Value)) return this;
        var log = (float)Math.Log(price.Value);
        return new PriceCounters(Priced + 1, LogSum + log, log);
    }

    /// <summary>The baseline: the mean log price of the session so far (NaN before its first priced event).</summary>
    public float MeanLog => Priced > 0 ? LogSum / Priced : float.NaN;
}
