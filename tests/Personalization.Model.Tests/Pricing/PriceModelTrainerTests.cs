using Personalization.Model.Pricing;
using Personalization.Model.Pricing.Baselines;
using Personalization.Model.Pricing.Evaluation;
using Personalization.Trainer.Pricing;
using Personalization.Model.Tests.Trainer.Network;
using Xunit;

namespace Personalization.Model.Tests.Pricing;

/// <summary>On a catalog whose prices depend on brand, title words and pack size beyond the category, the CNN
/// learns what the category median cannot, and its 10–90 % interval holds about 80 % of prices.</summary>
[Collection(TorchRandomCollection.Name)]
public sealed class PriceModelTrainerTests
{
    [Fact]
    public void The_CNN_beats_the_category_median_and_its_interval_covers_about_its_nominal_share()
    {
        var (train, validation, test) = ProductSplit.ByIdHash(PriceTestData.SyntheticProducts());
        var lines = new List<string>();
        var result = new PriceModelTrainer(PriceTestData.SmallTraining(), lines.Add).Train(train, validation);
        using var _ = result.Network;
        var model = PriceModel.FromArtifact(result.Network.ToArtifact(result.Vocabulary));

        var cnn = PriceEvaluator.Evaluate(model, test, nominalCoverage: 0.8);
        var category = PriceEvaluator.Evaluate(new CategoryMedianPriceEstimator([.. train, .. validation]), test);
        Assert.True(cnn.Mdape < 0.6 * category.Mdape, $"CNN MdAPE {cnn.Mdape:F3} vs category median {category.Mdape:F3}");
        Assert.True(cnn.R2 > category.R2 + 0.2, $"CNN R² {cnn.R2:F3} vs category median {category.R2:F3}");
        Assert.InRange(cnn.Coverage!.Value, 0.65, 0.93);
        Assert.Contains(lines, l => l.StartsWith("epoch 1/", StringComparison.Ordinal) && l.Contains("val MdAPE"));
        Assert.InRange(result.BestEpoch, 1, result.History.Count);
    }

    [Fact]
    public void With_weight_averaging_and_a_Huber_term_the_kept_weights_are_the_best_on_validation_and_still_beat_the_category_median()
    {
        var (train, validation, test) = ProductSplit.ByIdHash(PriceTestData.SyntheticProducts());
        var lines = new List<string>();
        var options = PriceTestData.SmallTraining() with { AverageFromEpoch = 2, MedianHuberWeight = 1, Patience = 3 };
        var result = new PriceModelTrainer(options, lines.Add).Train(train, validation);
        using var _ = result.Network;
        var model = PriceModel.FromArtifact(result.Network.ToArtifact(result.Vocabulary));

        Assert.Contains(lines, l => l.Contains("average of 2 epochs", StringComparison.Ordinal));
        Assert.Equal(result.History.Min(e => e.ValidationLoss), result.History[result.BestEpoch - 1].ValidationLoss);
        var cnn = PriceEvaluator.Evaluate(model, test, nominalCoverage: 0.8);
        var category = PriceEvaluator.Evaluate(new CategoryMedianPriceEstimator([.. train, .. validation]), test);
        Assert.True(cnn.Mdape < 0.6 * category.Mdape, $"CNN MdAPE {cnn.Mdape:F3} vs category median {category.Mdape:F3}");
        Assert.True(cnn.R2 > category.R2 + 0.2, $"CNN R² {cnn.R2:F3} vs category median {category.R2:F3}");
    }

    [Fact]
    public void A_refit_trains_a_fresh_network_on_every_product_given_for_the_epochs_chosen_on_validation()
    {
        var (train, validation, test) = ProductSplit.ByIdHash(PriceTestData.SyntheticProducts());
        var options = PriceTestData.SmallTraining() with { Epochs = 8 };
        var chosen = new PriceModelTrainer(options).Train(train, validation);
        chosen.Network.Dispose();
        var lines = new List<string>();
        var refit = new PriceModelTrainer(options, lines.Add).Refit([.. train, .. validation], chosen);
        using var _ = refit.Network;

        Assert.Equal(chosen.BestEpoch, refit.History.Count);
        Assert.Contains(lines, l => l.Contains($"training on {train.Count + validation.Count:N0} products, validating on 0", StringComparison.Ordinal));
        var cnn = PriceEvaluator.Evaluate(PriceModel.FromArtifact(refit.Network.ToArtifact(refit.Vocabulary)), test);
        var category = PriceEvaluator.Evaluate(new CategoryMedianPriceEstimator([.. train, .. validation]), test);
        Assert.True(cnn.Mdape < 0.6 * category.Mdape, $"refitted CNN MdAPE {cnn.Mdape:F3} vs category median {category.Mdape:F3}");
    }

    [Fact]
    public void Only_the_wide_terms_that_training_products_contain_move_from_zero()
    {
        var products = PriceTestData.SyntheticProducts(items: 300, categories: 5);
        var options = PriceTestData.SmallTraining() with { Epochs = 2 };
        var result = new PriceModelTrainer(options).Train(products[..250], products[250..]);
        using var _ = result.Network;
        var featurizer = new ProductFeaturizer(result.Network.Shape, result.Vocabulary);
        var read = products[..250].SelectMany(p => featurizer.Features(p.Description).WideRows).ToHashSet();
        var weights = result.Network.ToArtifact(result.Vocabulary).Tensor("wide_embedding.weight").Values;

        var moved = Enumerable.Range(0, weights.Length).Where(r => weights[r] != 0).ToList();
        Assert.NotEmpty(moved);
        Assert.All(moved, r => Assert.Contains(r, read));
    }

    [Fact]
    public void Training_moves_the_token_rows_that_training_products_read_and_no_other()
    {
        var products = PriceTestData.SyntheticProducts(items: 300, categories: 5);
        var options = PriceTestData.SmallTraining() with { Patience = 10 };
        float[] Tokens(int epochs)
        {
            var result = new PriceModelTrainer(options with { Epochs = epochs }).Train(products[..250], products[250..]);
            using var _ = result.Network;
            return result.Network.ToArtifact(result.Vocabulary).Tensor("token_embedding.weight").Values;
        }
        var (once, twice) = (Tokens(1), Tokens(2));
        var featurizer = new ProductFeaturizer(PriceTestData.SmallShape, PriceVocabulary.Build(products[..250].Select(p => p.Description), options.MinCount, 6));
        var read = products[..250].SelectMany(p => featurizer.Features(p.Description).Words.SelectMany(w => w)).ToHashSet();
        var e = PriceTestData.SmallShape.EmbeddingSize;

        var moved = Enumerable.Range(0, once.Length / e).Where(r => !once.AsSpan(r * e, e).SequenceEqual(twice.AsSpan(r * e, e))).ToList();
        Assert.NotEmpty(moved);
        Assert.All(moved, r => Assert.Contains(r, read));
    }

    [Fact]
    public void The_same_seed_gives_the_same_weights()
    {
        var products = PriceTestData.SyntheticProducts(items: 300, categories: 5);
        var options = PriceTestData.SmallTraining(seed: 9) with { Epochs = 2 };
        var first = new PriceModelTrainer(options).Train(products[..250], products[250..]);
        var second = new PriceModelTrainer(options).Train(products[..250], products[250..]);
        using (first.Network)
        using (second.Network)
        {
            var a = first.Network.ToArtifact(first.Vocabulary).Tensors;
            var b = second.Network.ToArtifact(second.Vocabulary).Tensors;
            Assert.Equal(a.Select(t => t.Name), b.Select(t => t.Name));
            for (var i = 0; i < a.Count; i++) Assert.Equal(a[i].Values, b[i].Values);
        }
    }
}
