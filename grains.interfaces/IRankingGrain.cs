namespace Personalization.Grains.Interfaces;

/// <summary>The shared ranker: attention over a session's recent hidden states, then scores over the item catalog.
/// A stateless worker, so every silo answers locally with the model it has loaded (key: use 0).</summary>
public interface IRankingGrain : IGrainWithIntegerKey
{
    /// <summary>Ranks the catalog for one session and returns the top <see cref="RankingQuery.Count"/> items.</summary>
    Task<RankedItems> RankAsync(RankingQuery query);
}
