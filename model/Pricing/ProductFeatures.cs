namespace Personalization.Model.Pricing;

/// <summary>A product as the price network reads it.</summary>
/// <param name="Words">Per title word (in order), its hashed token rows: the word, then its character n-grams.</param>
/// <param name="Categories">Rows of the category prefixes the vocabulary knows (possibly none).</param>
/// <param name="Brand">Brand row (0: unknown).</param>
/// <param name="WideRows">Distinct rows of the wide (linear) part's hashed terms (see <see cref="ProductFeaturizer"/>).</param>
/// <param name="WideWeights">The weight of each of <paramref name="WideRows"/>: its count, L2-normalized within its block.</param>
public sealed record ProductFeatures(int[][] Words, int[] Categories, int Brand, int[] WideRows, float[] WideWeights);
