namespace Personalization.Model.Inference;

/// <summary>One session on a model, as the evaluation harness runs it: a <see cref="HiddenStateWindow"/>, the very
/// window the user grains keep, and the session's last <see cref="ISessionModel.RepeatWindow"/> events' items for the
/// repeat scores. Like the grains' recent item ids, that list counts unknown items too (they take a place and are then
/// skipped), so served and evaluated rankings agree when the grains keep as many recent items as the repeat window
/// reads (both 20 by default). Not thread-safe (one per session); unknown items (index -1) leave the state as it was.</summary>
internal sealed class SessionModelCursor(ISessionModel model) : ISessionCursor
{
    private readonly HiddenStateWindow _window = new();
    private readonly List<int> _recent = [];

    public void Advance(int item, int eventType)
    {
        _window.Advance(model, item, eventType);
        if (model.RepeatWindow == 0) return;
        _recent.Add((uint)item < (uint)model.Items.Count ? item : -1);
        if (_recent.Count > model.RepeatWindow) _recent.RemoveAt(0);
    }

    public int TopK(int k, Span<RankedItem> destination, ItemFilter? filter = null)
    {
        Span<int> known = _recent.Count <= 256 ? stackalloc int[_recent.Count] : new int[_recent.Count];
        var count = 0;
        foreach (var item in _recent)
            if (item >= 0) known[count++] = item;
        return _window.Rank(model, known[..count], destination[..Math.Min(k, destination.Length)], filter);
    }
}
