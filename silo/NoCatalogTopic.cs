using Personalization.Catalog;

namespace Personalization.Silo;

/// <summary>A silo without Kafka has no catalog topic: its (empty) table is complete from the start.</summary>
internal sealed class NoCatalogTopic : ICatalogProgress
{
    public bool CaughtUp => true;
}
