namespace Personalization.Model.ColdStart;

/// <summary>An item's content as rows of the map's feature table with their weights: each field (title tokens,
/// category prefixes, brand, price bucket) weighs 1 in total, shared equally among its rows.</summary>
public sealed record ContentFeatures(int[] Rows, float[] Weights);
