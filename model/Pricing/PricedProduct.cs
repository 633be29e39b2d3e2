namespace Personalization.Model.Pricing;

/// <summary>A product with a known positive price, for training and evaluation.</summary>
public sealed record PricedProduct(string Id, ProductDescription Description, double Price);
