namespace Personalization.Grains.Interfaces;

/// <summary>Reads the catalog table of the silo it runs on (every silo holds the whole catalog, built from the
/// catalog topic). A stateless worker, so a lookup never leaves the silo that received it (key: use 0).</summary>
public interface ICatalogGrain : IGrainWithIntegerKey
{
    /// <summary>The item as the catalog lists it now, or null when it is unknown or deleted.</summary>
    Task<CatalogItem?> GetAsync(string itemId);

    /// <summary>How many items the silo's table lists and whether it has read the topic up to the end it found at
    /// start.</summary>
    Task<CatalogStatus> GetStatusAsync();
}
