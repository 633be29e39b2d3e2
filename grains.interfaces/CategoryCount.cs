namespace Personalization.Grains.Interfaces;

/// <summary>A catalog category path and how many sessions hold an item of it.</summary>
[GenerateSerializer, Immutable, Alias("pz.category-count.v1")]
public sealed record CategoryCount([property: Id(0)] string Category, [property: Id(1)] long Sessions);
