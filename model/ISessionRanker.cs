namespace Personalization.Model;

/// <summary>Anything that ranks the catalog for a session: the neural model and the baselines (popularity,
/// sequential rules, session-kNN). The evaluation harness and the cluster's fallback path use only this.</summary>
public interface ISessionRanker
{
    /// <summary>Short name for tables and responses, e.g. <c>POP</c>, <c>SR</c>, <c>V-SKNN</c>, <c>GRU-ATTN</c>.</summary>
    string Name { get; }

    /// <summary>The item vocabulary whose indices this ranker speaks.</summary>
    ItemVocabulary Items { get; }

    /// <summary>Starts an empty session; the cursor is advanced one event at a time, as the cluster does.</summary>
    ISessionCursor StartSession();
}
