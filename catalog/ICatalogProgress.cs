namespace Personalization.Catalog;

/// <summary>How far the silo's table has read the catalog topic (implemented by the topic reader).</summary>
public interface ICatalogProgress
{
    /// <summary>Whether the table holds everything the topic held when the reader started (the readiness signal).</summary>
    bool CaughtUp { get; }
}
