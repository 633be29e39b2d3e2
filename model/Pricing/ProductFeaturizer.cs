using System.Text;

namespace Personalization.Model.Pricing;

/// <summary>Turns a product description into <see cref="ProductFeatures"/>, for training and serving alike: title
/// words are the runs of letters and digits, lower case; each word's tokens are the word itself and the character
/// n-grams of <c>&lt;word&gt;</c> (fastText's subwords), hashed with 64-bit FNV-1a (stable across processes and
/// platforms) into <see cref="PriceModelHyperParameters.TextBuckets"/> rows. The wide part's terms are those of the
/// TF-IDF baseline, hashed into <see cref="PriceModelHyperParameters.WideBuckets"/> rows: word 1–2-grams and character
/// 2–5-grams of the title and brand words, and the category prefixes, each block L2-normalized.</summary>
public sealed class ProductFeaturizer(PriceModelHyperParameters shape, PriceVocabulary vocabulary)
{
    private const ulong FnvOffset = 14695981039346656037, FnvPrime = 1099511628211;

    public PriceModelHyperParameters Shape => shape;

    public PriceVocabulary Vocabulary => vocabulary;

    public ProductFeatures Features(ProductDescription product)
    {
        var words = Words(product.Title).Take(shape.MaxWords).Select(WordTokens).ToArray();
        var categories = CategoryPath.Prefixes(product.CategoryPath, shape.MaxCategoryLevels)
            .Select(vocabulary.Category).Where(c => c != 0).ToArray();
        var (wideRows, wideWeights) = WideTerms(product);
        return new ProductFeatures(words, categories, vocabulary.Brand(product.Brand), wideRows, wideWeights);
    }

    /// <summary>The title's words: maximal runs of letters and digits, lower case.</summary>
    public static IEnumerable<string> Words(string? title)
    {
        if (string.IsNullOrEmpty(title)) yield break;
        var word = new StringBuilder();
        foreach (var c in title)
        {
            if (char.IsLetterOrDigit(c)) { word.Append(char.ToLowerInvariant(c)); continue; }
            if (word.Length > 0) { yield return word.ToString(); word.Clear(); }
        }
        if (word.Length > 0) yield return word.ToString();
    }

    private int[] WordTokens(string word)
    {
        var tokens = new List<int>(Math.Min(shape.MaxTokensPerWord, 3 * word.Length + 1)) { Bucket(Hash('w', word)) };
        var marked = "<" + word + ">";
        for (var n = shape.MinNgram; n <= shape.MaxNgram && tokens.Count < shape.MaxTokensPerWord; n++)
            for (var start = 0; start + n <= marked.Length && tokens.Count < shape.MaxTokensPerWord; start++)
                // "<a>" as a 3-gram is the whole word again; it still gets its own row (as in fastText).
                tokens.Add(Bucket(Hash('g', marked.AsSpan(start, n))));
        return [.. tokens];
    }

    private (int[] Rows, float[] Weights) WideTerms(ProductDescription product)
    {
        if (shape.WideBuckets == 0) return ([], []);
        var words = Words(product.Title).Take(shape.MaxWords).Concat(Words(product.Brand)).ToList();
        var terms = new Dictionary<int, float>();
        var wordBlock = new Dictionary<int, int>();
        for (var i = 0; i < words.Count; i++)
        {
            Count(wordBlock, Hash('u', words[i]));
            if (i + 1 < words.Count) Count(wordBlock, Hash('v', words[i] + " " + words[i + 1]));
        }
        var charBlock = new Dictionary<int, int>();
        foreach (var word in words)
        {
            var marked = "<" + word + ">";
            for (var n = 2; n <= 5; n++)
                for (var start = 0; start + n <= marked.Length; start++) Count(charBlock, Hash('h', marked.AsSpan(start, n)));
        }
        var categoryBlock = new Dictionary<int, int>();
        foreach (var prefix in CategoryPath.Prefixes(product.CategoryPath, shape.MaxCategoryLevels)) Count(categoryBlock, Hash('c', prefix));
        foreach (var block in new[] { wordBlock, charBlock, categoryBlock })
        {
            var norm = MathF.Sqrt(block.Values.Sum(c => (float)c * c));
            foreach (var (row, count) in block) terms[row] = terms.GetValueOrDefault(row) + count / norm;
        }
        return ([.. terms.Keys], [.. terms.Values]);
    }

    private void Count(Dictionary<int, int> block, ulong hash)
    {
        var row = (int)(hash % (ulong)shape.WideBuckets);
        block[row] = block.GetValueOrDefault(row) + 1;
    }

    private int Bucket(ulong hash) => (int)(hash % (ulong)shape.TextBuckets);

    // The kind tag keeps a word and an equal n-gram apart ("toy" the word, "toy" inside "<toyota>").
    private static ulong Hash(char kind, ReadOnlySpan<char> text)
    {
        var hash = (FnvOffset ^ kind) * FnvPrime;
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * FnvPrime;
            hash = (hash ^ (byte)(c >> 8)) * FnvPrime;
        }
        return hash;
    }
}
