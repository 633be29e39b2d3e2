using Personalization.Model.Pricing;
using Personalization.Model.Pricing.Baselines;
using Personalization.Model.Pricing.Evaluation;
using Personalization.Trainer.Pricing;
using Xunit;

namespace Personalization.Model.Tests.Pricing;

public sealed class PriceBaselineTests
{
    private static PricedProduct P(string id, double price, string title = "toy", string? category = null, string? brand = null) =>
        new(id, new ProductDescription(title, category, brand), price);

    [Fact]
    public void The_harness_computes_MAE_MdAPE_and_R2_of_the_log_price()
    {
        var test = new[] { P("a", 10), P("b", 20), P("c", 40) };
        var result = PriceEvaluator.Evaluate(new GlobalMedianPriceEstimator([P("x", 20)]), test);
        Assert.Equal((10 + 0 + 20) / 3.0, result.Mae, 9);
        Assert.Equal(0.5, result.Mdape, 9); // errors 1.0, 0, 0.5
        // Predicting the geometric mean of the test prices (20) for all is exactly R² = 0.
        Assert.Equal(0, result.R2, 9);
        Assert.Null(result.Coverage);
    }

    [Fact]
    public void Category_median_uses_the_longest_known_prefix_then_the_global_median()
    {
        var estimator = new CategoryMedianPriceEstimator(
        [
            P("1", 10, category: "Toys > Trains"), P("2", 30, category: "Toys > Trains"), P("3", 100, category: "Toys > Dolls"),
            P("4", 5, category: "Games"),
        ]);
        Assert.Equal(20, estimator.Estimate(new("t", "Toys > Trains")).Price);
        Assert.Equal(20, estimator.Estimate(new("t", " Toys >Trains > Steam ")).Price);   // unseen leaf: its parent
        Assert.Equal(30, estimator.Estimate(new("t", "Toys > Cars")).Price);             // median of all Toys
        Assert.Equal(20, estimator.Estimate(new("t", "Garden")).Price);                   // global median of 5, 10, 30, 100
        Assert.Equal(20, estimator.Estimate(new("t")).Price);
    }

    [Fact]
    public void TFIDF_ridge_learns_word_effects_the_category_median_cannot()
    {
        var split = ProductSplit.ByIdHash(PriceTestData.SyntheticProducts(items: 1200, categories: 10));
        var (train, test) = (split.TrainAndValidation, split.Test);
        var ridge = PriceEvaluator.Evaluate(new TfidfRidgePriceEstimator(train), test);
        var category = PriceEvaluator.Evaluate(new CategoryMedianPriceEstimator(train), test);
        Assert.True(ridge.Mdape < 0.7 * category.Mdape, $"ridge {ridge.Mdape:F3} vs category {category.Mdape:F3}");
        Assert.True(ridge.R2 > 0.7, $"ridge R² {ridge.R2:F3}");
    }

    [Fact]
    public void Sparse_ridge_solves_a_small_system_exactly()
    {
        // y = 2·x0 − x1 + 3 without noise; a tiny λ leaves the weights almost unshrunk.
        var rows = new List<IReadOnlyList<(int, double)>>();
        var y = new List<double>();
        for (var i = 0; i < 40; i++)
        {
            var (a, b) = (i % 7 / 7.0, i % 5 / 5.0);
            rows.Add([(0, a), (1, b)]);
            y.Add(2 * a - b + 3);
        }
        var (weights, intercept) = SparseRidgeRegression.Fit(SparseRows.From(rows, 2), y, lambda: 1e-9);
        Assert.Equal(2, weights[0], 4);
        Assert.Equal(-1, weights[1], 4);
        Assert.Equal(3, intercept, 4);
    }

    [Fact]
    public void Category_paths_normalize_their_levels()
    {
        Assert.Equal("A > B > C", Personalization.Contract.CategoryPaths.NormalizeLoosely(" A>B >  C >"));
        Assert.Equal(["A", "A > B", "A > B > C"], CategoryPath.Prefixes(" A>>B >  C >"));
        Assert.Equal(["A", "A > B"], CategoryPath.Prefixes("A > B > C", maxLevels: 2));
        Assert.Empty(CategoryPath.Prefixes(null));
    }
}
