using System.Numerics.Tensors;
using Personalization.Model.Artifacts;

namespace Personalization.Model.Pricing;

/// <summary>One trained price network's weights and its forward in managed code: the computation of the trainer's
/// TorchSharp <c>PriceNetwork</c>, one product at a time, thread-safe (no shared buffers).</summary>
internal sealed class PriceNetworkWeights
{
    private readonly PriceModelHyperParameters _shape;
    private readonly float[] _tokens;            // [TextBuckets, E]
    private readonly float[]? _wide;             // [WideBuckets]; null without a wide part
    private readonly float[][] _convolutions;    // per width k: [F, k·E], window rows in order (transposed from [F, E, k])
    private readonly float[][] _convolutionBias; // per width: [F]
    private readonly float[] _categories, _brands, _hidden, _hiddenBias, _output, _outputBias;

    /// <param name="prefix">The member's tensor name prefix (<see cref="PriceModelHyperParameters.MemberPrefix"/>).</param>
    public PriceNetworkWeights(PriceModelArtifact artifact, string prefix)
    {
        _shape = artifact.HyperParameters;
        var e = _shape.EmbeddingSize;
        _tokens = Weights(artifact, prefix + "token_embedding.weight", _shape.TextBuckets, e);
        if (_shape.WideBuckets > 0) _wide = Weights(artifact, prefix + "wide_embedding.weight", _shape.WideBuckets, 1);
        _convolutions = new float[_shape.ConvolutionWidths.Length][];
        _convolutionBias = new float[_shape.ConvolutionWidths.Length][];
        for (var c = 0; c < _shape.ConvolutionWidths.Length; c++)
        {
            var k = _shape.ConvolutionWidths[c];
            var stored = Weights(artifact, prefix + $"convolutions.{c}.weight", _shape.Filters, e, k);
            var transposed = new float[_shape.Filters * k * e];
            for (var f = 0; f < _shape.Filters; f++)
                for (var d = 0; d < e; d++)
                    for (var i = 0; i < k; i++)
                        transposed[(f * k + i) * e + d] = stored[(f * e + d) * k + i];
            _convolutions[c] = transposed;
            _convolutionBias[c] = Weights(artifact, prefix + $"convolutions.{c}.bias", _shape.Filters);
        }
        _categories = Weights(artifact, prefix + "category_embedding.weight", _shape.Categories, _shape.CategoryEmbeddingSize);
        _brands = Weights(artifact, prefix + "brand_embedding.weight", _shape.Brands, _shape.BrandEmbeddingSize);
        _hidden = Weights(artifact, prefix + "hidden.weight", _shape.HiddenSize, _shape.FeatureSize);
        _hiddenBias = Weights(artifact, prefix + "hidden.bias", _shape.HiddenSize);
        _output = Weights(artifact, prefix + "output.weight", _shape.Quantiles.Length, _shape.HiddenSize);
        _outputBias = Weights(artifact, prefix + "output.bias", _shape.Quantiles.Length);
    }

    /// <summary>The log-price quantiles, one per <see cref="PriceModelHyperParameters.Quantiles"/> level, increasing.</summary>
    public float[] LogQuantiles(ProductFeatures product)
    {
        var e = _shape.EmbeddingSize;
        var length = product.Words.Length;
        var positions = Math.Max(length, _shape.ConvolutionWidths.Max());
        // Word vectors, zero rows past the title's end (a title shorter than a width is padded, as the batch is).
        var words = new float[positions * e];
        for (var t = 0; t < length; t++)
        {
            var row = words.AsSpan(t * e, e);
            var tokens = product.Words[t];
            foreach (var token in tokens) TensorPrimitives.Add(row, _tokens.AsSpan(token * e, e), row);
            if (tokens.Length > 0) TensorPrimitives.Divide(row, tokens.Length, row);
        }

        var features = new float[_shape.FeatureSize];
        for (var c = 0; c < _convolutions.Length; c++)
        {
            var k = _shape.ConvolutionWidths[c];
            var windows = Math.Max(length - k, 0) + 1;
            for (var f = 0; f < _shape.Filters; f++)
            {
                var filter = _convolutions[c].AsSpan(f * k * e, k * e);
                var best = float.NegativeInfinity;
                for (var p = 0; p < windows; p++) best = Math.Max(best, TensorPrimitives.Dot(filter, words.AsSpan(p * e, k * e)));
                features[c * _shape.Filters + f] = Math.Max(0, best + _convolutionBias[c][f]);
            }
        }
        var offset = _shape.Filters * _convolutions.Length;
        var mean = features.AsSpan(offset, e);
        for (var t = 0; t < length; t++) TensorPrimitives.Add(mean, words.AsSpan(t * e, e), mean);
        if (length > 0) TensorPrimitives.Divide(mean, length, mean);
        offset += e;
        var category = features.AsSpan(offset, _shape.CategoryEmbeddingSize);
        foreach (var row in product.Categories)
            TensorPrimitives.Add(category, _categories.AsSpan(row * _shape.CategoryEmbeddingSize, _shape.CategoryEmbeddingSize), category);
        if (product.Categories.Length > 0) TensorPrimitives.Divide(category, product.Categories.Length, category);
        _brands.AsSpan(product.Brand * _shape.BrandEmbeddingSize, _shape.BrandEmbeddingSize)
            .CopyTo(features.AsSpan(offset + _shape.CategoryEmbeddingSize));

        var hidden = new float[_shape.HiddenSize];
        for (var h = 0; h < hidden.Length; h++)
            hidden[h] = Math.Max(0, TensorPrimitives.Dot(_hidden.AsSpan(h * features.Length, features.Length), features) + _hiddenBias[h]);
        var raw = new float[_shape.Quantiles.Length];
        for (var q = 0; q < raw.Length; q++) raw[q] = TensorPrimitives.Dot(_output.AsSpan(q * hidden.Length, hidden.Length), hidden) + _outputBias[q];
        if (_wide is not null)
            for (var w = 0; w < product.WideRows.Length; w++) raw[_shape.MedianIndex] += _wide[product.WideRows[w]] * product.WideWeights[w];
        return QuantileHeads.Monotone(raw, _shape.MedianIndex);
    }

    private static float[] Weights(PriceModelArtifact artifact, string name, params int[] shape)
    {
        var tensor = artifact.Tensor(name);
        if (!tensor.Shape.SequenceEqual(shape))
            throw new InvalidDataException($"Tensor '{name}' is [{string.Join(",", tensor.Shape)}], the shape wants [{string.Join(",", shape)}].");
        return tensor.Values;
    }
}
