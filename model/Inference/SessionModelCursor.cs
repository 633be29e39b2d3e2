namespace Personalization.Model.Inference;

/// <summary>One session on a <see cref="SessionModel"/>: the last <c>Window</c> hidden states, oldest first.
/// Not thread-safe (one per session); unknown items (index -1) are skipped and leave the state as it was.</summary>
internal sealed class SessionModelCursor(SessionModel model) : ISessionCursor
{
    // One spare row: the next state is computed beside the window before the oldest state is dropped.
    private readonly float[] _states = new float[(model.Window + 1) * model.HiddenSize];
    private int _count;
    private int _lastItem = -1;

    public void Advance(int item, int eventType)
    {
        if ((uint)item >= (uint)model.Items.Count) return;
        var h = model.HiddenSize;
        var previous = _count == 0 ? ReadOnlySpan<float>.Empty : _states.AsSpan((_count - 1) * h, h);
        model.Step(previous, item, eventType, _states.AsSpan(_count * h, h));
        _lastItem = item;
        if (++_count > model.Window)
        {
            Array.Copy(_states, h, _states, 0, model.Window * h);
            _count = model.Window;
        }
    }

    public int TopK(int k, Span<RankedItem> destination, IReadOnlySet<int>? exclude = null) =>
        model.Rank(_states, _count, _lastItem, destination[..Math.Min(k, destination.Length)], exclude);
}
