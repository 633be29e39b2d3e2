namespace Personalization.Model.Pricing.Baselines;

/// <summary>TF-IDF features of a product, fitted on the training products: word 1–2 grams and character 2–5 grams
/// (within words, padded with a space each side) of the title and brand, each block with smoothed idf
/// (ln((1+n)/(1+df)) + 1) and L2-normalized; plus the category path's prefixes as one more normalized block.
/// Terms not seen in training are dropped.</summary>
public sealed class TfidfFeatures
{
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);
    private readonly List<double> _idf = [];

    public TfidfFeatures(IEnumerable<ProductDescription> training)
    {
        var documents = 0;
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var product in training)
        {
            documents++;
            foreach (var block in Blocks(product))
                foreach (var term in block.Distinct()) frequency[term] = frequency.GetValueOrDefault(term) + 1;
        }
        foreach (var (term, df) in frequency.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            _columns[term] = _idf.Count;
            _idf.Add(Math.Log((1.0 + documents) / (1.0 + df)) + 1);
        }
    }

    public int ColumnCount => _idf.Count;

    public IReadOnlyList<(int Column, double Value)> Row(ProductDescription product)
    {
        var row = new List<(int, double)>();
        foreach (var block in Blocks(product))
        {
            var start = row.Count;
            foreach (var group in block.GroupBy(t => t, StringComparer.Ordinal))
                if (_columns.TryGetValue(group.Key, out var column)) row.Add((column, group.Count() * _idf[column]));
            var norm = Math.Sqrt(row.Skip(start).Sum(e => e.Item2 * e.Item2));
            if (norm > 0) for (var i = start; i < row.Count; i++) row[i] = (row[i].Item1, row[i].Item2 / norm);
        }
        return row;
    }

    private static IEnumerable<List<string>> Blocks(ProductDescription product)
    {
        var words = ProductFeaturizer.Words(product.Title + " " + product.Brand).ToList();
        var wordTerms = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            wordTerms.Add("w:" + words[i]);
            if (i + 1 < words.Count) wordTerms.Add("w:" + words[i] + " " + words[i + 1]);
        }
        yield return wordTerms;
        var charTerms = new List<string>();
        foreach (var word in words)
        {
            var padded = " " + word + " ";
            for (var n = 2; n <= 5; n++)
                for (var start = 0; start + n <= padded.Length; start++) charTerms.Add("g:" + padded.Substring(start, n));
        }
        yield return charTerms;
        yield return [.. CategoryPath.Prefixes(product.CategoryPath).Select(p => "c:" + p)];
    }
}
