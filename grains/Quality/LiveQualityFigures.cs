namespace Personalization.Grains.Quality;

/// <summary>The live quality of one ranker version over its most recent checks.</summary>
/// <param name="Version">The model version (or fallback ranker) that produced the recommendations.</param>
/// <param name="Samples">Checks in the window.</param>
/// <param name="HitRate">Share of checked events whose item was in the top K.</param>
/// <param name="Mrr">Mean reciprocal rank within the top K (0 outside).</param>
/// <param name="Arm">The A/B arm of the users checked.</param>
public readonly record struct LiveQualityFigures(string Version, int Samples, double HitRate, double Mrr, string Arm = "default");
