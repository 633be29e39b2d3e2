namespace Personalization.Model.Pricing;

/// <summary>A product as the price network reads it.</summary>
/// <param name="Words">Per title word (in order), its hashed token rows: the word, then its character n-grams.</param>
/// <param name="Categories">Rows of the category prefixes the vocabulary knows (possibly none).</param>
/// <param name="Brand">Brand row (0: unknown).</param>
public sealed record ProductFeatures(int[][] Words, int[] Categories, int Brand);
