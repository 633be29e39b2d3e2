namespace Personalization.Model.Preference;

/// <summary>One prefix of a priced session as the price-preference head sees it: the hidden state after its last
/// event (empty: the initial state), its <see cref="PricePreferenceFeatures"/>, and the log price of the next event.</summary>
public sealed record PriceExample(float[] State, float[] Features, float NextLogPrice)
{
    /// <summary>The baseline's estimate: the session's mean log price so far.</summary>
    public float MeanLog => Features[0];
}
