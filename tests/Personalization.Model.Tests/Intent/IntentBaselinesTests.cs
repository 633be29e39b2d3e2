using Personalization.Model.Data;
using Personalization.Model.Intent;
using Xunit;

namespace Personalization.Model.Tests.Intent;

public sealed class IntentBaselinesTests
{
    private static SessionEvent E(string item, int type, long minute = 0, string? category = null) =>
        new(item, type, minute * 60_000, category);

    [Fact]
    public void Only_prefixes_before_the_first_purchase_are_examples()
    {
        var labels = PurchaseIntentLabels.Of([E("a", 0), E("b", 1), E("b", 3), E("c", 0)]);

        Assert.Equal([1f, 1f, float.NaN, float.NaN], labels);
        Assert.Equal([0f, 0f], PurchaseIntentLabels.Of([E("a", 0), E("b", 0)]));
        Assert.Equal(2, PurchaseIntentLabels.Examples([E("a", 0), E("b", 1), E("b", 3)]));
    }

    [Fact]
    public void The_logistic_baseline_learns_that_cart_adds_lead_to_purchases()
    {
        // Sessions with a cart add buy, sessions without do not: the feature "cart adds" separates them.
        var sessions = Enumerable.Range(0, 200).Select(i => new SessionRecord($"s{i}", null, i % 2 == 0
            ? [E($"i{i}", 0, 0), E($"i{i}", 1, 1), E($"i{i}", 3, 2)]
            : [E($"i{i}", 0, 0), E($"j{i}", 0, 1), E($"k{i}", 0, 2)])).ToList();

        var logistic = LogisticIntentPredictor.Fit(sessions);
        var cart = logistic.StartSession();
        cart.Advance(E("x", 0));
        var afterCart = cart.Advance(E("x", 1));
        var browse = logistic.StartSession();
        browse.Advance(E("x", 0));
        var afterView = browse.Advance(E("y", 0));

        Assert.True(afterCart > 0.9, $"after a cart add {afterCart:F3}");
        Assert.True(afterView < 0.3, $"after two views {afterView:F3}");
        var constant = ConstantIntentPredictor.Fit(sessions);
        Assert.Equal(200.0 / 500, constant.Rate, 12); // 100 × 2 positive prefixes of 100 × 2 + 100 × 3
    }
}
