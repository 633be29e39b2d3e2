using Personalization.Model.Pricing;
using static TorchSharp.torch;

namespace Personalization.Trainer.Pricing;

/// <summary>Products as <see cref="PriceNetwork"/> tensors. Word bags are flat: every token of every word with the
/// index of its word, every word with its slot <c>b·T + t</c> in the [B, T] grid; T is the longest title but at
/// least the widest convolution (shorter titles are padded with zero vectors, as the online path pads).</summary>
public sealed class PriceBatch
{
    private PriceBatch() { }

    /// <summary>[N] int64 token rows.</summary>
    public required Tensor Tokens { get; init; }
    /// <summary>[N] int64: the word each token belongs to.</summary>
    public required Tensor TokenWords { get; init; }
    /// <summary>[W, 1] float32: tokens per word.</summary>
    public required Tensor TokensPerWord { get; init; }
    /// <summary>[W] int64: the word's slot in the flattened [B, T] grid.</summary>
    public required Tensor WordSlots { get; init; }
    /// <summary>[B] int64 words per title.</summary>
    public required Tensor Lengths { get; init; }
    /// <summary>[B, C] int64 category rows, 0-padded.</summary>
    public required Tensor Categories { get; init; }
    /// <summary>[B, 1] float32 known category prefixes per product (at least 1, so no division by zero).</summary>
    public required Tensor CategoryCounts { get; init; }
    /// <summary>[B] int64 brand rows.</summary>
    public required Tensor Brands { get; init; }
    /// <summary>[M] int64 wide-term rows of all products.</summary>
    public required Tensor WideRows { get; init; }
    /// <summary>[M] float32 their weights.</summary>
    public required Tensor WideWeights { get; init; }
    /// <summary>[M] int64 the product each wide term belongs to.</summary>
    public required Tensor WideOwners { get; init; }
    /// <summary>[B] float32 log prices (zeros when not given).</summary>
    public required Tensor Targets { get; init; }
    public required long Size { get; init; }
    public required long Positions { get; init; }

    public static PriceBatch Create(IReadOnlyList<ProductFeatures> products, int widestConvolution, IReadOnlyList<double>? logPrices = null)
    {
        var positions = Math.Max(widestConvolution, products.Count == 0 ? 0 : products.Max(p => p.Words.Length));
        var tokens = new List<long>();
        var tokenWords = new List<long>();
        var perWord = new List<float>();
        var slots = new List<long>();
        var categoryWidth = Math.Max(1, products.Count == 0 ? 0 : products.Max(p => p.Categories.Length));
        var categories = new long[products.Count * categoryWidth];
        var counts = new float[products.Count];
        var wideRows = new List<long>();
        var wideWeights = new List<float>();
        var wideOwners = new List<long>();
        for (var b = 0; b < products.Count; b++)
        {
            var product = products[b];
            for (var t = 0; t < product.Words.Length; t++)
            {
                var word = slots.Count;
                foreach (var token in product.Words[t]) { tokens.Add(token); tokenWords.Add(word); }
                perWord.Add(Math.Max(1, product.Words[t].Length));
                slots.Add((long)b * positions + t);
            }
            for (var c = 0; c < product.Categories.Length; c++) categories[b * categoryWidth + c] = product.Categories[c];
            counts[b] = Math.Max(1, product.Categories.Length);
            for (var w = 0; w < product.WideRows.Length; w++) { wideRows.Add(product.WideRows[w]); wideWeights.Add(product.WideWeights[w]); wideOwners.Add(b); }
        }
        return new PriceBatch
        {
            Tokens = tensor(tokens.ToArray(), ScalarType.Int64),
            TokenWords = tensor(tokenWords.ToArray(), ScalarType.Int64),
            TokensPerWord = tensor(perWord.ToArray()).reshape(-1, 1),
            WordSlots = tensor(slots.ToArray(), ScalarType.Int64),
            Lengths = tensor(products.Select(p => (long)p.Words.Length).ToArray(), ScalarType.Int64),
            Categories = tensor(categories, ScalarType.Int64).reshape(products.Count, categoryWidth),
            CategoryCounts = tensor(counts).reshape(-1, 1),
            Brands = tensor(products.Select(p => (long)p.Brand).ToArray(), ScalarType.Int64),
            WideRows = tensor(wideRows.ToArray(), ScalarType.Int64),
            WideWeights = tensor(wideWeights.ToArray()),
            WideOwners = tensor(wideOwners.ToArray(), ScalarType.Int64),
            Targets = logPrices is null ? zeros(products.Count) : tensor(logPrices.Select(v => (float)v).ToArray()),
            Size = products.Count,
            Positions = positions,
        };
    }
}
