using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Personalization.Catalog;
using Personalization.Model.Pricing;

namespace Personalization.Grains.Pricing;

/// <summary>The silo's current price model (<see cref="PriceModelOptions.Path"/>, hot reload as described on
/// <see cref="Models.HotReloadedArtifact{T}"/>). A loaded file must price a probe product to finite, ordered
/// numbers before it serves. Each model it swaps in also prices the catalog items listed without a price.</summary>
public sealed partial class PriceModelRegistry(IOptions<PriceModelOptions> options, CatalogTable catalog, ILogger<PriceModelRegistry> logger)
    : Models.HotReloadedArtifact<PriceModel>(logger)
{
    private static readonly ProductDescription Probe = new("Wooden train set with 24 pieces", "Toys > Trains", "Probe");

    protected override string? Path => options.Value.Path;

    protected override TimeSpan ReloadInterval => options.Value.ReloadInterval;

    protected override PriceModel Load(string path)
    {
        var model = PriceModel.Load(path);
        var estimate = model.Estimate(Probe);
        if (!double.IsFinite(estimate.Price) || estimate.Price <= 0 || estimate.Low is not { } low || estimate.High is not { } high
            || !(low <= estimate.Price && estimate.Price <= high))
            throw new InvalidDataException($"The price model's probe estimate is invalid: {estimate}.");
        return model;
    }

    protected override string VersionOf(PriceModel model) => model.Version;

    protected override void OnSwapped(PriceModel model)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var estimated = catalog.UsePriceModel(model);
        LogCatalogPriced(logger, model.Version, estimated, clock.Elapsed.TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Price model {Version} estimated {Count} unpriced catalog items in {Milliseconds:F0} ms")]
    private static partial void LogCatalogPriced(ILogger logger, string version, int count, double milliseconds);
}
