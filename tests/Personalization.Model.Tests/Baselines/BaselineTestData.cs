using Personalization.Model.Data;

namespace Personalization.Model.Tests.Baselines;

/// <summary>Small hand-written sessions for baseline specifications.</summary>
internal static class BaselineTestData
{
    public static SessionRecord Session(string id, params string[] items) =>
        new(id, null, [.. items.Select((item, i) => new SessionEvent(item, 0, i))]);

    public static SessionRecord TimedSession(string id, long start, params string[] items) =>
        new(id, null, [.. items.Select((item, i) => new SessionEvent(item, 0, start + i * 1000L))]);

    public static string[] TopIds(ISessionRanker ranker, ISessionCursor cursor, int k, IReadOnlySet<int>? exclude = null)
    {
        var buffer = new RankedItem[k];
        var n = cursor.TopK(k, buffer, exclude is null ? null : ItemFilter.Excluding(exclude));
        return [.. buffer.Take(n).Select(r => ranker.Items[r.Item])];
    }

    public static ISessionCursor Advanced(ISessionRanker ranker, params string[] items)
    {
        var cursor = ranker.StartSession();
        foreach (var item in items)
            cursor.Advance(ranker.Items.TryGetIndex(item, out var index) ? index : -1, 0);
        return cursor;
    }
}
