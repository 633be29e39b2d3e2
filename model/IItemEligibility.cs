namespace Personalization.Model;

/// <summary>A per-item rule over a ranker's indices (e.g. the catalog's business rules), asked only for items that
/// would enter the top-K, so it may cost a few memory reads per call. Must be thread-safe.</summary>
public interface IItemEligibility
{
    /// <summary>Whether the item at <paramref name="item"/> may be recommended.</summary>
    bool IsEligible(int item);
}
