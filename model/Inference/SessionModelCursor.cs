using System.Runtime.InteropServices;

namespace Personalization.Model.Inference;

/// <summary>One session on a model, as the evaluation harness runs it: a <see cref="HiddenStateWindow"/>, the very
/// window the user grains keep, and the session's last known items for the repeat scores (the grains keep their
/// recent item ids). Not thread-safe (one per session); unknown items (index -1) leave it as it was.</summary>
internal sealed class SessionModelCursor(ISessionModel model) : ISessionCursor
{
    private readonly HiddenStateWindow _window = new();
    private readonly List<int> _items = [];

    public void Advance(int item, int eventType)
    {
        if (!_window.Advance(model, item, eventType)) return;
        _items.Add(item);
        if (_items.Count > model.RepeatWindow) _items.RemoveAt(0);
    }

    public int TopK(int k, Span<RankedItem> destination, IReadOnlySet<int>? exclude = null) =>
        _window.Rank(model, CollectionsMarshal.AsSpan(_items), destination[..Math.Min(k, destination.Length)], exclude);
}
