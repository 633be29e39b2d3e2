using Personalization.Model.Pricing;
using Personalization.Trainer.Data;

namespace Personalization.Trainer.Pricing;

/// <summary>What <see cref="ProductCsvReader"/> read: the priced products and what it left out.</summary>
/// <param name="Rows">Data rows (the header not counted).</param>
/// <param name="Unpriced">Rows without a positive numeric price (skipped).</param>
public sealed record ProductData(IReadOnlyList<PricedProduct> Products, long Rows, long Unpriced, IReadOnlyList<BadLine> BadLines, long BadLineCount);
