namespace Personalization.Model.Baselines;

/// <summary>Settings of <see cref="SequentialRulesRanker"/> (defaults as in Ludewig &amp; Jannach 2018).</summary>
public sealed class SequentialRulesOptions
{
    /// <summary>How many preceding items of a session form a rule with the current one (weight 1/distance).</summary>
    public int Window { get; set; } = 10;

    /// <summary>Rules kept per source item (the strongest ones); bounds memory under live traffic.</summary>
    public int MaxRulesPerItem { get; set; } = 20;
}
