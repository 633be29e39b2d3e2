namespace Personalization.Grains.Interfaces;

/// <summary>A silo's catalog table.</summary>
/// <param name="Items">Items listed now.</param>
/// <param name="CaughtUp">Whether the table has read the catalog topic up to the end it found at start.</param>
[GenerateSerializer, Immutable, Alias("pz.catalog-status.v1")]
public sealed record CatalogStatus([property: Id(0)] int Items, [property: Id(1)] bool CaughtUp);
