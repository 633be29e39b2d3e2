namespace Personalization.Model.Preference;

/// <summary>The price features the price-preference head reads beside h_t (its wide part): the session's mean log
/// price so far (the baseline, which the head's output is added to), the last priced item's log price, and log(1 +
/// priced events).</summary>
public static class PricePreferenceFeatures
{
    public static readonly IReadOnlyList<string> Names = ["mean log price", "last log price", "log priced events"];

    public static int Count => Names.Count;

    public static void Write(in PriceCounters counters, Span<float> features)
    {
        if (features.Length != Count) throw new ArgumentException($"{Count} features.", nameof(features));
        if (counters.Priced == 0) throw new ArgumentException("No priced event yet: the session has no price level.", nameof(counters));
        features[0] = counters.MeanLog;
        features[1] = counters.LastLog;
        features[2] = MathF.Log(1 + counters.Priced);
    }
}
